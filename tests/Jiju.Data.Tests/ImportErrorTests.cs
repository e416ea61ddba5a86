using Jiju.Data.Import;
using Microsoft.EntityFrameworkCore;
using static Jiju.Data.Tests.ImportTestData;
using static Jiju.Data.Tests.ImportTests;

namespace Jiju.Data.Tests;

/// <summary>Each kind of problem is reported at its sheet, row and column, in Chinese, and nothing is written.</summary>
public sealed class ImportErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImportError SingleError(ImportReport report)
    {
        Assert.False(report.Succeeded);
        Assert.Equal(1, report.TotalErrors);
        Assert.Empty(report.RowsWritten);
        return Assert.Single(report.Errors);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithAWrongCreditCodeCheckCharacter_NamesTheCellAndTheExpectedCharacter(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var bad = WithWrongCheck(E1);

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", [Enterprise(E2), Enterprise(bad)])));

        Assert.Equal(("enterprises.csv", 3L, "统一社会信用代码"), (error.Sheet, error.Row, error.Column));
        Assert.Contains($"第18位应为“{E1[^1]}”", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database, db => db.Enterprises));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfTextThatASpreadsheetWouldRunAsAFormula_IsRefused(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", [Enterprise(E1).With("name", "=HYPERLINK(\"http://example.invalid\",\"点击\")")])));

        Assert.Equal((2L, "企业名称"), (error.Row, error.Column));
        Assert.Contains("公式", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database, db => db.Enterprises));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithAnUnknownDivisionCode_SaysTheDivisionDoesNotExist(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", [Enterprise(E1, "410199", cluster: null)])));

        Assert.Equal((2L, "所在县（市、区）"), (error.Row, error.Column));
        Assert.Contains("行政区划代码“410199”不存在", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithANegativeAmount_RefusesTheMoneyCell(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("parcels.csv"), "parcels", [LandParcel().With("price", "-100")])));

        Assert.Equal((2L, "出让或划拨价款（元）"), (error.Row, error.Column));
        Assert.Contains("金额不能为负数", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database, db => db.Parcels));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithADateThatDoesNotExist_SaysWhichDayIsMissing(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("parcels.csv"), "parcels", [LandParcel().With("granted_on", "2013-02-30")])));

        Assert.Equal((2L, "合同或划拨决定书签订日期"), (error.Row, error.Column));
        Assert.Contains("2013年2月没有30日", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithASelfIntersectingPolygon_ReportsTheInvalidGeometryOnItsColumn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var bowtie = "POLYGON((113.3 34.7, 113.4 34.8, 113.4 34.7, 113.3 34.8, 113.3 34.7))";

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster().With("development_area", bowtie)])));

        Assert.Equal((2L, "发展区范围"), (error.Row, error.Column));
        Assert.Contains("几何图形无效", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database, db => db.Clusters));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithTextThatIsNotWkt_ReportsItOnTheGeometryColumn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster().With("control_area", "POLYGON((113.3 34.7, 113.4")])));

        Assert.Equal("控制区范围", error.Column);
        Assert.Contains("不是有效的 WKT 几何图形", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithTheSameKeyTwiceInTheFile_PointsTheSecondAtTheFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster(), Cluster("41018202"), Cluster()])));

        Assert.Equal((4L, "集聚区代码"), (error.Row, error.Column));
        Assert.Contains("“41018201”与第2行重复", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithACompositeUniqueKeyTwiceInTheFile_NamesBothColumns(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var budget = Row(("cluster", "41018201"), ("pollutant", "二氧化硫"), ("year", "2013"), ("tonnes", "300"));

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("emission_budgets.csv"), "emission_budgets", [budget, budget.With("tonnes", "310")])));

        Assert.Equal(3, error.Row);
        Assert.Contains("集聚区代码+污染物+年度“41018201、二氧化硫、2013”与第2行重复", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfAKeyAlreadyInTheDatabase_RefusesToOverwriteIt(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster().With("name", "改过的名称")])));

        Assert.Equal((2L, "集聚区代码"), (error.Row, error.Column));
        Assert.Contains("已存在，导入只新增数据、不修改已有数据", error.Message, StringComparison.Ordinal);
        await using var db = database.Context();
        Assert.Equal("荥阳市产业集聚区", (await db.Clusters.SingleAsync(Ct)).Name);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfAKeyTakenInAnotherJurisdiction_IsStillRefused(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", [Enterprise(E1)])));

        // 中原区 cannot see 荥阳's enterprise, but its credit code is taken all the same.
        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", [Enterprise(E1, "410102", null)]), Zhongyuan));

        Assert.Contains("已存在", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithAReferenceToAMissingCluster_SaysItIsNeitherInTheDatabaseNorInTheFile(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", [Enterprise(E1), Enterprise(E2, cluster: "41018202")])));

        Assert.Equal((3L, "所在集聚区代码"), (error.Row, error.Column));
        Assert.Contains("“41018202”不存在", error.Message, StringComparison.Ordinal);
        Assert.Contains("产业集聚区", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfARowOutsideACitysJurisdiction_IsRefusedWithTheOwnerNamed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var xuchang = Cluster("41100201", "411002").With("name", "许昌市魏都区产业集聚区");

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster(), xuchang]), Zhengzhou));

        Assert.Equal((3L, "集聚区代码"), (error.Row, error.Column));
        Assert.Contains("许昌市/魏都区", error.Message, StringComparison.Ordinal);
        Assert.Contains("不在本用户的管辖范围（河南省/郑州市）", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database, db => db.Clusters));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfAChildWhoseParentIsInAnotherCounty_IsRefusedAsOutsideTheJurisdiction(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("parcels.csv"), "parcels", [LandParcel()])));

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("parcel_extensions.csv"), "parcel_extensions", [Extension()]), Zhongyuan));

        Assert.Equal((2L, "宗地代码"), (error.Row, error.Column));
        Assert.Contains("不存在或不在本用户的管辖范围", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database, db => db.ParcelExtensions));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfReferenceDataBelowTheProvince_IsRefusedForTheWholeSheet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var rate = Row(("currency", "USD"), ("effective_on", "2013-01-04"), ("yuan_per_unit", "6.2897"), ("source", "中国人民银行公布的中间价"));

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("exchange_rates.csv"), "exchange_rates", [rate, rate.With("currency", "EUR")]), Zhengzhou));

        Assert.Equal(1, error.Row);
        Assert.Contains("只有省级用户可以导入", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithoutARequiredColumn_ReportsOneErrorForTheSheetOnRow1(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster().Without("name"), Cluster("41018202").Without("name")])));

        Assert.Equal(("clusters.csv", 1L, "名称"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("缺少必填列“名称”", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithAnUnknownColumn_RefusesItRatherThanDropItsData(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();

        var error = SingleError(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster().With("规划面职", "1000")])));

        Assert.Equal((1L, "规划面职"), (error.Row, error.Column));
        Assert.Contains("未知的列", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithAnEmptyRequiredCellAndABadOption_ReportsBothCellsOfTheRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();

        var report = await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster().With("name", " ").With("status", "开发区")]));

        Assert.Equal(2, report.TotalErrors);
        Assert.Equal(["名称", "状态"], report.Errors.Select(e => e.Column));
        Assert.Contains("必填", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("可选：产业集聚区、专业园区、已取消资格", report.Errors[1].Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfAWorkbookWithAnUnknownSheet_NamesTheSheet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();

        var error = SingleError(await ImportAsync(database, WriteXlsx(folder.File("data.xlsx"), [("clusters", "clusters", [Cluster()]), ("宗地信息", "parcels", [LandParcel()])])));

        Assert.Equal(("宗地信息", 0L), (error.Sheet, error.Row));
        Assert.Contains("无法识别工作表", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database, db => db.Clusters));
    }
}
