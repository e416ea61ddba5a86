namespace Jiju.Data.Import;

/// <summary>
/// The keys of one kind that an import's file has given so far, each with the row that gave it first. A file of a
/// million enterprises holds a million of them until its end, and every row asks whether its key came before. Two
/// things keep that cheap, and neither changes an answer:
/// <list type="bullet">
/// <item>A key made only of ASCII letters, digits and '-', of up to <see cref="PackedKey.MaxLength"/> characters (every
/// code Jiju's tables are keyed by), is held as three numbers. No string stays alive for it, so the garbage collector
/// has nothing to trace or copy. Any other key is held as its text.</item>
/// <item>Keys that come in ascending order (a file exported sorted by its key, as most are) are held in a list in that
/// order. A key above the last one is new without a look-up: it is above every key in the list, and every key held
/// elsewhere is below it. A hash table of a million keys costs a cache miss or two per look-up; the list costs
/// none. A key out of order ends the run: the run goes into the hash table, and a new one starts. Once a run ends
/// short, the file is taken to be unsorted, and every key goes into the hash table directly.</item>
/// </list>
/// </summary>
internal sealed class KeysInFile
{
    private readonly Seen<PackedKey> _packed = new(Comparer<PackedKey>.Default, EqualityComparer<PackedKey>.Default);
    private readonly Seen<string> _text = new(StringComparer.Ordinal, StringComparer.Ordinal);

    /// <summary>Notes <paramref name="key"/> as given on <paramref name="row"/>; false, with the row that gave it first, if it was given before.</summary>
    public bool TryAdd(string key, long row, out long firstRow) =>
        PackedKey.TryPack(key, out var packed) ? _packed.TryAdd(packed, row, out firstRow) : _text.TryAdd(key, row, out firstRow);

    public bool Contains(string key) => PackedKey.TryPack(key, out var packed) ? _packed.Contains(packed) : _text.Contains(key);

    /// <summary>
    /// A key of up to 30 characters from '-', '0'–'9', 'A'–'Z' and 'a'–'z', six bits a character (1–63; 0 is the end),
    /// ten characters to a number, the first in the highest bits. Two different keys never pack alike, as no character
    /// packs to 0; and packed keys sort as their text does (ordinally), a shorter key before a longer one it begins.
    /// </summary>
    internal readonly record struct PackedKey(ulong First, ulong Second, ulong Third) : IComparable<PackedKey>
    {
        public const int MaxLength = 30;

        private const int PerPart = 10;

        public static bool TryPack(string key, out PackedKey packed)
        {
            packed = default;
            if (key.Length > MaxLength)
            {
                return false;
            }

            Span<ulong> parts = stackalloc ulong[3];
            for (var i = 0; i < key.Length; i++)
            {
                var symbol = Symbol(key[i]);
                if (symbol == 0)
                {
                    return false;
                }

                parts[i / PerPart] |= symbol << (6 * (PerPart - 1 - (i % PerPart)));
            }

            packed = new PackedKey(parts[0], parts[1], parts[2]);
            return true;
        }

        public int CompareTo(PackedKey other) =>
            First != other.First ? First.CompareTo(other.First)
            : Second != other.Second ? Second.CompareTo(other.Second)
            : Third.CompareTo(other.Third);

        public override int GetHashCode() => HashCode.Combine(First, Second, Third);

        /// <summary>1–63 in the order of the characters' codes, so that packed keys sort as their text does.</summary>
        private static ulong Symbol(char c) => c switch
        {
            '-' => 1,
            >= '0' and <= '9' => (ulong)(c - '0' + 2),
            >= 'A' and <= 'Z' => (ulong)(c - 'A' + 12),
            >= 'a' and <= 'z' => (ulong)(c - 'a' + 38),
            _ => 0,
        };
    }

    /// <summary>Keys of one representation: the current ascending run, and a hash table for the rest.</summary>
    private sealed class Seen<TKey>(IComparer<TKey> order, IEqualityComparer<TKey> equality)
        where TKey : notnull
    {
        /// <summary>A run that ends with fewer keys than this marks the file as unsorted.</summary>
        private const int ShortRun = 1_000;

        private readonly List<(TKey Key, long Row)> _run = [];
        private readonly IComparer<(TKey Key, long Row)> _byKey = Comparer<(TKey Key, long Row)>.Create((a, b) => order.Compare(a.Key, b.Key));
        private readonly Dictionary<TKey, long> _others = new(equality);
        private TKey _highestOther = default!;
        private bool _unsorted;

        public bool TryAdd(TKey key, long row, out long firstRow)
        {
            if (_unsorted)
            {
                return _others.TryAdd(key, row) ? Found(row, out firstRow) : !_others.TryGetValue(key, out firstRow);
            }

            if (_run.Count > 0 && order.Compare(key, _run[^1].Key) <= 0)
            {
                var at = Find(key);
                if (at >= 0)
                {
                    firstRow = _run[at].Row;
                    return false;
                }

                EndRun();
                return TryAdd(key, row, out firstRow);
            }

            // Above every key of the run; maybe among those of an earlier run, unless above them all too.
            if (_others.Count > 0 && order.Compare(key, _highestOther) <= 0 && _others.TryGetValue(key, out firstRow))
            {
                return false;
            }

            _run.Add((key, row));
            return Found(row, out firstRow);
        }

        public bool Contains(TKey key) =>
            (_run.Count > 0 && order.Compare(key, _run[^1].Key) <= 0 && Find(key) >= 0)
            || (_others.Count > 0 && (_unsorted || order.Compare(key, _highestOther) <= 0) && _others.ContainsKey(key));

        private static bool Found(long row, out long firstRow)
        {
            firstRow = row;
            return true;
        }

        /// <summary>Where <paramref name="key"/> is in the run (which is in ascending order), or a negative number.</summary>
        private int Find(TKey key) => _run.BinarySearch((key, 0), _byKey);

        private void EndRun()
        {
            _unsorted = _run.Count < ShortRun;
            if (_others.Count == 0 || order.Compare(_run[^1].Key, _highestOther) > 0)
            {
                _highestOther = _run[^1].Key;
            }

            _others.EnsureCapacity(_others.Count + _run.Count);
            foreach (var (key, row) in _run)
            {
                _others.Add(key, row);
            }

            _run.Clear();
        }
    }
}
