namespace Jiju.Domain.Enterprises;

/// <summary>
/// GB 11714 organisation code check character, used to make positions 9–17 of a credit code:
/// eight body characters (digits or upper-case letters) with weights 3,7,9,10,5,8,4,2;
/// C9 = 11 − Σ mod 11, where 10 is written X and 11 is written 0.
/// </summary>
public static class OrganizationCode
{
    private static readonly int[] Weights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static char CheckCharacter(ReadOnlySpan<char> body8)
    {
        if (body8.Length != 8)
        {
            throw new ArgumentException("组织机构代码本体应为8位", nameof(body8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            var v = char.IsAsciiDigit(c) ? c - '0'
                : char.IsAsciiLetterUpper(c) ? c - 'A' + 10
                : throw new ArgumentException($"“{c}”不是数字或大写字母", nameof(body8));
            sum += v * Weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }
}
