using Jiju.Domain.Divisions;

namespace Jiju.Domain.Common;

/// <summary>Shared checks for the fixed-shape codes that start with a GB/T 2260 county code.</summary>
internal static class CodeShape
{
    /// <summary>Whether every character is an ASCII digit (true for none): <c>text.All(char.IsAsciiDigit)</c> without an enumerator and a call per character.</summary>
    public static bool IsDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    public static string? CheckDivisionPrefix(string code, string what)
    {
        var division = DivisionCode.Parse(code[..6]);
        return division.IsValid ? null : $"{what}“{code}”的前6位不是有效的行政区划代码：{division.Error}";
    }
}
