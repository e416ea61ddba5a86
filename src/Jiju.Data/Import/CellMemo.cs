namespace Jiju.Data.Import;

/// <summary>
/// What the cells of one column of a text file parsed to, by their text. Most columns hold few distinct values — a
/// county, an industry, 是/否, a date, a head count — and a million rows repeat them: each is parsed once, and later
/// cells are looked up by their characters in the reader's buffer, without a string or a boxed value of their own. Only
/// for columns whose values rows may share (<see cref="ValueCodec.Shareable"/>: numbers, dates, codes, choices, text; not
/// geometries or lists, which are objects a row could change). A column with more than <see cref="Capacity"/> distinct
/// values (a name, a key) is not worth remembering: the memo forgets it and says so, and its cells are parsed one by one.
/// </summary>
internal sealed class CellMemo
{
    /// <summary>The most distinct cell texts a column's memo holds.</summary>
    public const int Capacity = 16_384;

    private readonly Dictionary<string, Parsed> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Parsed>.AlternateLookup<ReadOnlySpan<char>> _byCharacters;

    public CellMemo() => _byCharacters = _parsed.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What a cell with the (trimmed) text <paramref name="text"/> parsed to, if one did before.</summary>
    public bool TryGet(ReadOnlySpan<char> text, out Parsed parsed) => _byCharacters.TryGetValue(text, out parsed);

    /// <summary>Remembers what <paramref name="text"/> parsed to; false when the column has too many distinct values to remember.</summary>
    public bool Add(string text, Parsed parsed)
    {
        if (_parsed.Count >= Capacity)
        {
            _parsed.Clear();
            return false;
        }

        _parsed[text] = parsed;
        return true;
    }
}
