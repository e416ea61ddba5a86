using Jiju.Domain.Common;

namespace Jiju.Domain.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("500000000", 500_000_000)]
    [InlineData("500,000,000.00", 500_000_000)]
    [InlineData("499999999.99", 499_999_999.99)]
    public void Parse_ReadsYuan(string text, decimal yuan) => Assert.Equal(yuan, Money.Parse(text).Value.Yuan);

    [Theory]
    [InlineData("-1", "不能为负数")]
    [InlineData("1.001", "精确到分")]
    [InlineData("五亿", "不是有效金额")]
    public void Parse_RejectsBadAmounts(string text, string reason) =>
        Assert.Contains(reason, Money.Parse(text).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData(2_469_135.775, 2_469_135.78)]
    [InlineData(-2.005, -2.01)] // half away from zero, not banker's rounding
    [InlineData(0.125, 0.13)]
    public void RoundToFen_RoundsHalfAwayFromZero(decimal raw, decimal rounded) =>
        Assert.Equal(rounded, new Money(raw).RoundToFen().Yuan);

    [Theory]
    [InlineData(500_000_000, "5亿元")]
    [InlineData(123_456_789, "1.23亿元")]
    [InlineData(30_000, "3万元")]
    [InlineData(9_999.5, "9999.5元")]
    public void ToChinese_ChoosesTheUnitOfficialsUse(decimal yuan, string text) =>
        Assert.Equal(text, new Money(yuan).ToChinese());
}

public sealed class AreaTests
{
    [Fact]
    public void OneMu_IsTenThousandFifteenthsOfASquareMetre()
    {
        Assert.Equal(10_000m / 15m, Area.FromMu(1).SquareMetres);
        Assert.Equal(15m, new Area(10_000m).Mu);
    }

    [Theory]
    [InlineData("666.67", 666.67)]
    [InlineData("15亩", 10_000)]
    [InlineData("1,500 m²", 1_500)]
    public void Parse_ReadsSquareMetresOrMu(string text, decimal squareMetres) =>
        Assert.Equal(squareMetres, Math.Round(Area.Parse(text).Value.SquareMetres, 2));

    [Fact]
    public void Parse_RejectsNegativeAreas() => Assert.Contains("不能为负数", Area.Parse("-3").Error, StringComparison.Ordinal);
}

public sealed class SpreadsheetSafetyTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+86 371")]
    [InlineData("-cmd")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    public void TextThatASpreadsheetWouldRun_IsRefused(string text) => Assert.NotNull(SpreadsheetSafety.Check(text));

    [Theory]
    [InlineData("荥阳市产业集聚区")]
    [InlineData("A=B 公司")]
    [InlineData("")]
    public void OrdinaryText_IsAccepted(string text) => Assert.Null(SpreadsheetSafety.Check(text));
}
