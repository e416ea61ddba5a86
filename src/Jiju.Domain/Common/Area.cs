using System.Globalization;

namespace Jiju.Domain.Common;

/// <summary>An area in square metres; 1 亩 = 10000/15 m² (about 666.67 m²), 1 公顷 = 10000 m².</summary>
public readonly record struct Area(decimal SquareMetres) : IComparable<Area>
{
    public const decimal SquareMetresPerMu = 10_000m / 15m;
    public const decimal SquareMetresPerHectare = 10_000m;

    public static Area Zero => new(0m);

    public decimal Mu => SquareMetres * 15m / 10_000m;

    public decimal Hectares => SquareMetres / SquareMetresPerHectare;

    public static Area FromMu(decimal mu) => new(mu * 10_000m / 15m);

    public static Area FromHectares(decimal hectares) => new(hectares * SquareMetresPerHectare);

    public int CompareTo(Area other) => SquareMetres.CompareTo(other.SquareMetres);

    public static Area operator +(Area a, Area b) => new(a.SquareMetres + b.SquareMetres);

    public static Area operator -(Area a, Area b) => new(a.SquareMetres - b.SquareMetres);

    public static bool operator <(Area a, Area b) => a.SquareMetres < b.SquareMetres;

    public static bool operator >(Area a, Area b) => a.SquareMetres > b.SquareMetres;

    public static bool operator <=(Area a, Area b) => a.SquareMetres <= b.SquareMetres;

    public static bool operator >=(Area a, Area b) => a.SquareMetres >= b.SquareMetres;

    /// <summary>Parses square metres; a trailing 亩 or "mu" reads the number as mu instead.</summary>
    public static ParseResult<Area> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<Area>.Fail("面积为空");
        }

        var t = text.Trim().Replace(",", string.Empty, StringComparison.Ordinal);
        var inMu = false;
        if (t.EndsWith('亩'))
        {
            inMu = true;
            t = t[..^1];
        }
        else if (t.EndsWith("mu", StringComparison.OrdinalIgnoreCase))
        {
            inMu = true;
            t = t[..^2];
        }
        else if (t.EndsWith("m²", StringComparison.Ordinal) || t.EndsWith("m2", StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^2];
        }

        if (!decimal.TryParse(t.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return ParseResult<Area>.Fail($"“{text}”不是有效面积（单位：平方米，或以“亩”结尾）");
        }

        if (value < 0)
        {
            return ParseResult<Area>.Fail($"面积不能为负数：{text}");
        }

        return ParseResult<Area>.Ok(inMu ? FromMu(value) : new Area(value));
    }

    public string ToChinese() => string.Create(CultureInfo.InvariantCulture, $"{SquareMetres:0.##}平方米（{Mu:0.##}亩）");

    public override string ToString() => SquareMetres.ToString("0.##", CultureInfo.InvariantCulture);
}
