using Jiju.Data.Import;

namespace Jiju.Data.Tests;

/// <summary>
/// The import's record of keys seen in a file answers exactly as a plain dictionary of every key would, whatever the
/// order the keys come in (sorted, sorted in blocks, reversed, shuffled) and whatever they are made of.
/// </summary>
public sealed class KeysInFileTests
{
    private const string Alphabet = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static TheoryData<string> Orders => ["ascending", "descending", "blocks", "shuffled", "short run then ascending", "ascending with a stray"];

    /// <summary>Credit-code-like keys (the packed kind) and keys that cannot be packed, a fifth of them repeated.</summary>
    private static List<string> Keys(string order, int count, bool packable, Random random)
    {
        string Key(int i) => packable ? $"91410102B{i:D8}X" : $"{(char)('甲' + (i % 7))}\u001F{i:D8}";
        var keys = Enumerable.Range(0, count).Select(Key).ToList();
        keys = order switch
        {
            "ascending" => keys,
            "descending" => keys.AsEnumerable().Reverse().ToList(),
            "blocks" => keys.Chunk(count / 5).OrderBy(_ => random.Next()).SelectMany(b => b).ToList(),
            "shuffled" => keys.OrderBy(_ => random.Next()).ToList(),
            "short run then ascending" => [.. keys.Skip(10).Take(5), .. keys.Take(10), .. keys.Skip(15)],
            "ascending with a stray" => [.. keys.Take(count / 2), keys[^1], .. keys.Skip(count / 2).SkipLast(1)],
            _ => throw new ArgumentOutOfRangeException(nameof(order)),
        };

        // Repeats: of a key before, anywhere in the file, including the run's own keys and keys from a finished run.
        for (var i = 0; i < count / 5; i++)
        {
            var at = random.Next(1, keys.Count);
            keys.Insert(at, keys[random.Next(at)]);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void Keys_InAnyOrder_AreFoundRepeatedExactlyWhenADictionaryWouldFindThem(string order)
    {
        foreach (var packable in new[] { true, false })
        {
            var random = new Random(2012);
            var keys = Keys(order, 5_000, packable, random);
            var seen = new KeysInFile();
            var model = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var row = 0; row < keys.Count; row++)
            {
                var key = keys[row];
                var probe = keys[random.Next(keys.Count)];
                Assert.Equal(model.ContainsKey(probe), seen.Contains(probe));

                var added = seen.TryAdd(key, row, out var firstRow);

                Assert.Equal(model.TryAdd(key, row), added);
                Assert.Equal(model[key], firstRow);
            }

            Assert.False(seen.Contains(packable ? "91410102B99999999X" : "甲\u001F99999999"));
        }
    }

    [Fact]
    public void Keys_OfBothKinds_InOneFile_AreKeptApart()
    {
        var seen = new KeysInFile();

        Assert.True(seen.TryAdd("41018201", 2, out _));
        Assert.True(seen.TryAdd("41018201 ", 3, out _));
        Assert.True(seen.TryAdd("41018201\u001F2013", 4, out _));
        Assert.True(seen.TryAdd("4101820", 5, out _));
        Assert.False(seen.TryAdd("41018201", 6, out var first));

        Assert.Equal(2, first);
        Assert.True(seen.Contains("41018201 "));
        Assert.False(seen.Contains("410182010"));
    }

    [Fact]
    public void PackedKeys_AreEqualOnlyForEqualText_AndSortAsTheTextSortsOrdinally()
    {
        var random = new Random(7);
        string Text() => new(Enumerable.Range(0, random.Next(0, KeysInFile.PackedKey.MaxLength + 1)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        var texts = Enumerable.Range(0, 3_000).Select(_ => Text()).Concat(["", "0", "00", "-", "0-", "A", "a", "z", "zz", new string('z', 30), new string('-', 30)]).ToList();

        for (var i = 0; i < texts.Count; i++)
        {
            var j = random.Next(texts.Count);
            Assert.Equal(texts[i] == texts[j], Pack(texts[i]) == Pack(texts[j]));
            Assert.Equal(Math.Sign(string.CompareOrdinal(texts[i], texts[j])), Math.Sign(Pack(texts[i]).CompareTo(Pack(texts[j]))));
            if (texts[i].Length < KeysInFile.PackedKey.MaxLength)
            {
                // A key sorts before any longer key it begins, even one that goes on with the lowest character.
                Assert.True(Pack(texts[i]).CompareTo(Pack(texts[i] + "-")) < 0);
            }
        }
    }

    [Theory]
    [InlineData("9141010MA4 0000000")]
    [InlineData("41018201\u001F2013")]
    [InlineData("一号宗地")]
    [InlineData("a_b")]
    [InlineData("0123456789012345678901234567890")]
    public void Keys_WithOtherCharactersOrOver30_AreNotPacked(string key) => Assert.False(KeysInFile.PackedKey.TryPack(key, out _));

    private static KeysInFile.PackedKey Pack(string text) => KeysInFile.PackedKey.TryPack(text, out var p) ? p : throw new InvalidOperationException(text);
}
