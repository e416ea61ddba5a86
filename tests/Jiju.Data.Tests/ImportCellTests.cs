using Jiju.Data.Import;
using Jiju.Domain.Common;
using Jiju.Domain.Land;
using NetTopologySuite.Geometries;

namespace Jiju.Data.Tests;

/// <summary>How single cells are read: the formats civil servants type, and the native values Excel stores.</summary>
public sealed class ImportCellTests
{
    private static Parsed Parse(string entity, string column, object cell) =>
        ImportCatalog.Find(entity)!.Columns.Single(c => c.Key == column).Codec.Parse(cell);

    [Theory]
    [InlineData("2013-02-05")]
    [InlineData("2013/2/5")]
    [InlineData("2013年2月5日")]
    [InlineData("2013.2.5")]
    [InlineData("20130205")]
    [InlineData(" 2013-2-5 ")]
    public void Dates_InTheUsualChineseFormats_AreRead(string text) =>
        Assert.Equal(new DateOnly(2013, 2, 5), Parse("parcels", "granted_on", text).Value);

    [Fact]
    public void Dates_FromExcelDateCellsAndSerialNumbers_AreRead()
    {
        Assert.Equal(new DateOnly(2013, 2, 5), Parse("parcels", "granted_on", new DateTime(2013, 2, 5)).Value);
        Assert.Equal(new DateOnly(2013, 2, 5), Parse("parcels", "granted_on", new DateTime(2013, 2, 5).ToOADate()).Value);
    }

    [Theory]
    [InlineData("2013-02-05")]
    [InlineData("2013/2/5")]
    [InlineData("2013-2-5")]
    [InlineData("2013年2月5日")]
    public void Dates_InTheTemplatesFormAndTheOtherAcceptedForms_AreRead(string text) =>
        Assert.Equal(new DateOnly(2013, 2, 5), Parse("parcels", "granted_on", text).Value);

    [Theory]
    [InlineData("2013-13-01", "没有13月")]
    [InlineData("2013-00-10", "没有0月")]
    [InlineData("2013-04-31", "2013年4月没有31日")]
    [InlineData("2013-O4-01", "不是有效日期")]
    [InlineData("2012-02-30", "2012年2月没有30日")]
    [InlineData("下月初", "不是有效日期")]
    public void Dates_ThatDoNotExist_SayWhy(string text, string reason) =>
        Assert.Contains(reason, Parse("parcels", "granted_on", text).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("Y", true)]
    [InlineData("n", false)]
    [InlineData("yes", true)]
    [InlineData("No", false)]
    public void Flags_AcceptChineseEnglishAndDigits(string text, bool expected) =>
        Assert.Equal(expected, Parse("clusters", "high_risk_industry", text).Value);

    [Theory]
    [InlineData("是的")]
    [InlineData("yess")]
    [InlineData("2")]
    public void Flags_OtherwiseSayWhatToWrite(string text) =>
        Assert.Contains("应填“是”或“否”", Parse("clusters", "high_risk_industry", text).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("出让")]
    [InlineData("Transfer")]
    [InlineData("1")]
    public void Options_AcceptTheChineseLabelTheMemberNameOrTheNumber(string text) =>
        Assert.Equal(GrantType.Transfer, Parse("parcels", "grant_type", text).Value);

    [Fact]
    public void Numbers_AcceptThousandsSeparatorsAndExcelNumbers()
    {
        Assert.Equal(new Money(1_234_567.5m), Parse("parcels", "price", "1,234,567.50").Value);
        Assert.Equal(new Money(1234.5m), Parse("parcels", "price", 1234.5d).Value);
        Assert.Equal(12.5m, Parse("project_emissions", "tonnes_per_year", "12.5").Value);
        Assert.Equal(45, Parse("clusters", "committee_staff_quota", 45d).Value);
        Assert.Contains("最多精确到分", Parse("parcels", "price", "10.005").Error, StringComparison.Ordinal);
        Assert.Contains("不是整数", Parse("clusters", "committee_staff_quota", "4.5").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_TypedAsNumbersInExcel_AreReadAsTheirDigits() =>
        Assert.Equal("410182", Parse("clusters", "county", 410182d).Value?.ToString());

    [Theory]
    [InlineData("0601、0604")]
    [InlineData("0601,0604")]
    [InlineData("0601，0604")]
    [InlineData("0601; 0604")]
    public void LandUseLists_AcceptTheCommonSeparators(string text) =>
        Assert.Equal(["0601", "0604"], ((IReadOnlyList<LandUseClass>)Parse("functional_zones", "permitted_uses", text).Value!).Select(c => c.Value));

    [Fact]
    public void Geometry_IsWktInCgcs2000()
    {
        var geometry = (Geometry)Parse("clusters", "development_area", "POINT (113.35 34.78)").Value!;

        Assert.Equal(Geometries.Cgcs2000, geometry.SRID);
        Assert.Equal(113.35, geometry.Coordinate.X);
    }

    [Fact]
    public void ParsedValues_AreSharedBetweenRowsOnlyWhenNothingCanChangeThem()
    {
        var columns = ImportCatalog.All.SelectMany(e => e.Columns).ToList();
        foreach (var column in columns)
        {
            var type = Nullable.GetUnderlyingType(column.Property.PropertyType) ?? column.Property.PropertyType;
            Assert.Equal(type.IsValueType || type == typeof(string), column.Codec.Shareable);
        }

        Assert.False(ImportCatalog.Find("parcels")!.Columns.Single(c => c.Key == "boundary").Codec.Shareable);
        Assert.False(ImportCatalog.Find("functional_zones")!.Columns.Single(c => c.Key == "permitted_uses").Codec.Shareable);
        Assert.True(ImportCatalog.Find("enterprises")!.Columns.Single(c => c.Key == "registered_on").Codec.Shareable);
    }

    [Fact]
    public void CellMemo_FindsACellByItsCharacters_AndForgetsAColumnOfTooManyDistinctValues()
    {
        var memo = new CellMemo();
        for (var i = 0; i < CellMemo.Capacity; i++)
        {
            Assert.True(memo.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Parsed.Ok(i)));
        }

        Assert.True(memo.TryGet("4101".AsSpan(), out var found));
        Assert.Equal(4101, found.Value);
        Assert.False(memo.TryGet("4101 ".AsSpan(), out _));

        Assert.False(memo.Add("one more", Parsed.Ok(-1)));
        Assert.False(memo.TryGet("4101".AsSpan(), out _));
    }
}
