using Jiju.Domain.Common;

namespace Jiju.Domain.Enterprises;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the set
/// 0-9 and A-Z without I, O, Z, S, V. Position 1 is the registering authority, 2 the kind of
/// organisation, 3–8 the registering authority's division code, 9–17 the organisation code,
/// and 18 a check character: with weights w = 3^(i-1) mod 31 for i = 1..17,
/// C18 = (31 − Σ(c·w) mod 31) mod 31.
/// </summary>
public readonly record struct UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Each ASCII character's value (its place in <see cref="Alphabet"/>), or −1: every code of an import is looked up character by character.</summary>
    private static readonly sbyte[] Values = ValuesOf(Alphabet);

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>Positions 3–8: the division of the authority that registered the organisation.</summary>
    public string RegistrationDivision => Value.Substring(2, 6);

    public static ParseResult<UnifiedSocialCreditCode> Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(t))
        {
            return ParseResult<UnifiedSocialCreditCode>.Fail("统一社会信用代码为空");
        }

        if (t.Length != 18)
        {
            return ParseResult<UnifiedSocialCreditCode>.Fail($"统一社会信用代码应为18位，“{t}”为{t.Length}位");
        }

        for (var i = 0; i < 18; i++)
        {
            if (ValueOf(t[i]) < 0)
            {
                return ParseResult<UnifiedSocialCreditCode>.Fail($"统一社会信用代码第{i + 1}位“{t[i]}”不在 GB 32100 字符集中（不含 I、O、Z、S、V）");
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(t[i]))
            {
                return ParseResult<UnifiedSocialCreditCode>.Fail($"统一社会信用代码第3–8位应为登记管理机关行政区划码（数字），第{i + 1}位为“{t[i]}”");
            }
        }

        var expected = CheckCharacter(t.AsSpan(0, 17));
        if (t[17] != expected)
        {
            return ParseResult<UnifiedSocialCreditCode>.Fail($"统一社会信用代码校验位错误：“{t}”的第18位应为“{expected}”，实为“{t[17]}”");
        }

        return ParseResult<UnifiedSocialCreditCode>.Ok(new UnifiedSocialCreditCode(t));
    }

    public static UnifiedSocialCreditCode Of(string text) => Parse(text).Value;

    /// <summary>The check character for the first 17 characters, which must be in <see cref="Alphabet"/>.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("需要前17位", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = ValueOf(first17[i]);
            if (v < 0)
            {
                throw new ArgumentException($"“{first17[i]}”不在 GB 32100 字符集中", nameof(first17));
            }

            sum += v * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    public override string ToString() => Value;

    private static int ValueOf(char c) => c < Values.Length ? Values[c] : -1;

    private static sbyte[] ValuesOf(string alphabet)
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < alphabet.Length; i++)
        {
            values[alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
