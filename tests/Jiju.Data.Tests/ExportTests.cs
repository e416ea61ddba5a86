using Jiju.Data.Import;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Jiju.Data.Tests.ImportTestData;
using static Jiju.Data.Tests.ImportTests;

namespace Jiju.Data.Tests;

public sealed class ExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A database holding rows of every record type, imported from one workbook, plus a statistics correction.</summary>
    private static async Task<TestDatabase> EveryRecordTypeAsync(DatabaseProvider provider, TempFolder folder)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var workbook = EveryRecordType().Select(e => (e.Key, e.Key, (IReadOnlyList<TestRow>)e.Value));
        var report = await ImportAsync(database, WriteXlsx(folder.File("全部.xlsx"), workbook));
        AssertSucceeded(report);
        Assert.Equal(ImportCatalog.All.Select(e => e.Key), report.RowsWritten.Keys);

        var correction = Statistics().With("idle_land", "130000").With("correction_note", "补充闲置土地认定结果");
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("statistics.csv"), "statistics", [correction])));
        return database;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public Task Export_ToCsvThenImportIntoAFreshDatabase_GivesIdenticalRowsInEveryTable(DatabaseProvider provider) =>
        RoundTripAsync(provider, ExportFormat.Csv);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public Task Export_ToXlsxThenImportIntoAFreshDatabase_GivesIdenticalRowsInEveryTable(DatabaseProvider provider) =>
        RoundTripAsync(provider, ExportFormat.Xlsx);

    private static async Task RoundTripAsync(DatabaseProvider provider, ExportFormat format)
    {
        using var folder = new TempFolder();
        await using var source = await EveryRecordTypeAsync(provider, folder);
        await using var target = await TestDatabase.CreateAsync(provider);
        Directory.CreateDirectory(folder.File("a"));
        Directory.CreateDirectory(folder.File("b"));
        var extension = format == ExportFormat.Csv ? "csv" : "xlsx";

        foreach (var entity in ImportCatalog.All)
        {
            await using var db = source.Context(Province);
            var exported = await new Exporter(db).ExportAsync(entity.Key, folder.File($"{entity.Key}.{extension}"), format, Ct);
            Assert.True(exported > 0, $"{entity.Key} 没有导出数据");
            await new Exporter(db).ExportAsync(entity.Key, folder.File($"a/{entity.Key}.csv"), ExportFormat.Csv, Ct);

            var report = await ImportAsync(target, folder.File($"{entity.Key}.{extension}"));
            AssertSucceeded(report);
            Assert.Equal(exported, report.RowsWritten[entity.Key]);
        }

        foreach (var entity in ImportCatalog.All)
        {
            await using var db = target.Context(Province);
            await new Exporter(db).ExportAsync(entity.Key, folder.File($"b/{entity.Key}.csv"), ExportFormat.Csv, Ct);
            Assert.Equal(await File.ReadAllTextAsync(folder.File($"a/{entity.Key}.csv"), Ct), await File.ReadAllTextAsync(folder.File($"b/{entity.Key}.csv"), Ct));
        }

        await using var a = source.Context();
        await using var b = target.Context();
        Assert.Equal(await OwnerPaths(a.Parcels.OrderBy(p => p.Code)), await OwnerPaths(b.Parcels.OrderBy(p => p.Code)));
        Assert.Equal(await OwnerPaths(a.ParcelExtensions.OrderBy(p => p.Parcel)), await OwnerPaths(b.ParcelExtensions.OrderBy(p => p.Parcel)));
        Assert.Equal(await OwnerPaths(a.Enterprises.OrderBy(p => p.CreditCode)), await OwnerPaths(b.Enterprises.OrderBy(p => p.CreditCode)));
        Assert.Equal(
            await a.Statistics.OrderBy(s => s.Cluster).ThenBy(s => s.Year).ThenBy(s => s.Version).Select(s => new { s.Cluster, s.Version, s.IdleLand, s.CorrectionNote }).ToListAsync(Ct),
            await b.Statistics.OrderBy(s => s.Cluster).ThenBy(s => s.Year).ThenBy(s => s.Version).Select(s => new { s.Cluster, s.Version, s.IdleLand, s.CorrectionNote }).ToListAsync(Ct));
        var parcel = await b.Parcels.SingleAsync(p => p.Code == Domain.Land.ParcelCode.Of(Parcel), Ct);
        var original = await a.Parcels.SingleAsync(p => p.Code == Domain.Land.ParcelCode.Of(Parcel), Ct);
        Assert.Equal((original.Price, original.Area, original.GrantedOn), (parcel.Price, parcel.Area, parcel.GrantedOn));
        Assert.True(original.Boundary!.EqualsExact(parcel.Boundary));
    }

    private static Task<List<string>> OwnerPaths<T>(IQueryable<T> rows)
        where T : class =>
        rows.Select(r => EF.Property<string>(r, JijuDbContext.OwnerPath)).ToListAsync(TestContext.Current.CancellationToken);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_FromACountyScopedContext_WritesOnlyThatCountysRows(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await EveryRecordTypeAsync(provider, folder);
        await using var db = database.Context(Zhongyuan);

        var count = await new Exporter(db).ExportAsync("企业", folder.File("out/zhongyuan.csv"), ExportFormat.Csv, Ct);

        Assert.Equal(1, count);
        var lines = await File.ReadAllLinesAsync(folder.File("out/zhongyuan.csv"), Ct);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(E3, lines[1], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_ToXlsx_HasTheTemplateHeadersAndRealDateAndNumberCells(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await TestDatabase.CreateAsync(provider);
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster()])));
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("parcels.csv"), "parcels", [LandParcel()])));
        await using var db = database.Context(Xingyang);
        var path = folder.File("宗地导出.xlsx");

        Assert.Equal(1, await new Exporter(db).ExportAsync("parcels", path, ExportFormat.Xlsx, Ct));

        Assert.Equal(["parcels"], MiniExcel.GetSheetNames(path));
        var rows = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(ImportCatalog.Find("parcels")!.Columns.Select(c => c.Header), rows[0].Values.Cast<string>());
        var cells = rows[1].Values.ToList();
        var columns = ImportCatalog.Find("parcels")!.Columns.Select(c => c.Key).ToList();
        Assert.Equal(Parcel, cells[columns.IndexOf("code")]);
        Assert.Equal(new DateTime(2013, 2, 1), cells[columns.IndexOf("granted_on")]);
        Assert.Equal(12_000_000d, cells[columns.IndexOf("price")]);
        Assert.Equal("出让", cells[columns.IndexOf("grant_type")]);
        Assert.False(File.Exists(path + ".part"));
    }

    [Fact]
    public async Task Export_OfAnUnknownEntity_SaysWhichOnesExist()
    {
        using var folder = new TempFolder();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var db = database.Context();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new Exporter(db).ExportAsync("宗地表", folder.File("x.csv"), ExportFormat.Csv, Ct));

        Assert.Contains("parcels（宗地）", error.Message, StringComparison.Ordinal);
    }
}
