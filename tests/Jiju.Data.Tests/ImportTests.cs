using System.Text;
using Jiju.Data.Import;
using Jiju.Data.Jurisdiction;
using Microsoft.EntityFrameworkCore;
using static Jiju.Data.Tests.ImportTestData;

namespace Jiju.Data.Tests;

public sealed class ImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<ImportReport> ImportAsync(TestDatabase database, string path, JurisdictionScope? scope = null, string? entityKey = null, IProgress<long>? progress = null, TimeProvider? time = null, IndexDeferral? indexDeferral = null)
    {
        await using var db = database.Context(scope ?? Province);
        return await new Importer(db, time) { IndexDeferral = indexDeferral ?? IndexDeferral.Default }.ImportAsync(path, entityKey, progress, TestContext.Current.CancellationToken);
    }

    /// <summary>A new database holding the one cluster the test rows belong to, imported from <paramref name="folder"/>.</summary>
    internal static async Task<TestDatabase> WithClusterAsync(DatabaseProvider provider, TempFolder folder)
    {
        var database = await TestDatabase.CreateAsync(provider);
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster()])));
        return database;
    }

    internal static void AssertSucceeded(ImportReport report) =>
        Assert.True(report.Succeeded, "导入失败：\n" + string.Join("\n", report.Errors.Select(e => $"{e.Sheet} 第{e.Row}行 [{e.Column}] {e.Message}")));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithOneBadRowInAThousand_ChangesNothingAndNamesThatRow(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var rows = Enumerable.Range(1, 1000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList();
        rows[636] = rows[636].With("credit_code", WithWrongCheck(rows[636]["credit_code"]!));
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", rows);
        var before = await CountAsync(database, db => db.Enterprises);

        var report = await ImportAsync(database, path);

        Assert.False(report.Succeeded);
        Assert.Equal(1, report.TotalErrors);
        var error = Assert.Single(report.Errors);
        Assert.Equal("enterprises.csv", error.Sheet);
        Assert.Equal(638, error.Row); // Data row 637 sits under the header row.
        Assert.Equal("统一社会信用代码", error.Column);
        Assert.Contains("校验位错误", error.Message, StringComparison.Ordinal);
        Assert.Empty(report.RowsWritten);
        Assert.Equal(0, before);
        Assert.Equal(before, await CountAsync(database, db => db.Enterprises));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfAThousandValidRows_WritesThemAllAndReportsRowsRead(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("产业集聚区.csv"), "clusters", [Cluster()])));
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 1000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());
        var progress = new RecordingProgress();

        var report = await ImportAsync(database, path, progress: progress);

        AssertSucceeded(report);
        Assert.Equal(1000, report.RowsWritten["enterprises"]);
        Assert.Equal(1000, await CountAsync(database, db => db.Enterprises));
        Assert.Equal(1000, progress.Values[^1]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithABadRowAfterThousandsOfGoodOnes_RollsBackWhatWasAlreadyWrittenAndNamesTheRow(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var rows = Enumerable.Range(1, 6000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList();

        // Rows in the first batches pass and go to the writer before row 5,502 is read; the last row repeats row 12.
        rows[5500] = rows[5500].With("credit_code", WithWrongCheck(rows[5500]["credit_code"]!));
        rows[5999] = rows[5999].With("credit_code", rows[10]["credit_code"]);
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", rows);

        var report = await ImportAsync(database, path);

        Assert.False(report.Succeeded);
        Assert.Equal([5502, 6001], report.Errors.Select(e => e.Row));
        Assert.Contains("校验位错误", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("与第12行重复", report.Errors[1].Message, StringComparison.Ordinal);
        Assert.Empty(report.RowsWritten);
        Assert.Equal(0, await CountAsync(database, db => db.Enterprises));
        Assert.Equal(1, await CountAsync(database, db => db.AuditLog));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfACsvWithEmptyAndBlankRows_SkipsThemAndKeepsTheRowNumbers(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var lines = File.ReadAllLines(WriteCsv(folder.File("rows.csv"), "enterprises", [Enterprise(E1), Enterprise(WithWrongCheck(E2))]), Encoding.UTF8).ToList();
        lines.Insert(2, ",,,,,,,,");
        lines.Insert(3, " ,\t,  ,,,,,,");
        var path = folder.File("enterprises.csv");
        await File.WriteAllLinesAsync(path, lines, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), Ct);

        var report = await ImportAsync(database, path);

        Assert.Equal(5L, Assert.Single(report.Errors).Row);
        Assert.Contains("校验位", report.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithTheSameWrongCellOnManyRows_NamesEveryOneOfThem(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var rows = Enumerable.Range(1, 6).Select(i => Enterprise(CreditCode(i, "410182")).With("employees", i % 2 == 0 ? "十二人" : " 12 ")).ToList();

        var report = await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", rows));

        Assert.Equal([3L, 5L, 7L], report.Errors.Select(e => e.Row));
        Assert.All(report.Errors, e => Assert.Equal(("从业人员（人）", "“十二人”不是整数"), (e.Column, e.Message)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfAColumnWithMoreDistinctValuesThanAreRemembered_ReadsEveryCell(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var count = CellMemo.Capacity + 1_000;

        // Head counts 1…count, then the first thousand again: the memo of the column fills, is forgotten, and is not missed.
        var rows = Enumerable.Range(1, count + 1_000).Select(i => Enterprise(CreditCode(i, "410182")).With("employees", (((i - 1) % count) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", rows)));

        await using var db = database.Context();
        var employees = await db.Enterprises.Select(e => e.Employees).ToListAsync(Ct);
        Assert.Equal(rows.Sum(r => long.Parse(r["employees"]!, System.Globalization.CultureInfo.InvariantCulture)), employees.Sum(e => (long)e!.Value));
        Assert.Equal(2_000, employees.Count(e => e <= 1_000));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfKeysThatExistInTheDatabase_NamesEachRowInWhicheverBatchItFalls(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("existing.csv"), "enterprises", [Enterprise(CreditCode(7, "410182")), Enterprise(CreditCode(2900, "410182"))]), entityKey: "enterprises"));

        // Batches of a thousand rows ask the database in turn: the first batch and the third each hold one taken key.
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 3000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());
        var report = await ImportAsync(database, path);

        Assert.Equal([8L, 2901L], report.Errors.Select(e => e.Row));
        Assert.All(report.Errors, e => Assert.Contains("已存在", e.Message, StringComparison.Ordinal));
        Assert.Equal(2, await CountAsync(database, db => db.Enterprises));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_CancelledHalfWay_WritesNothing(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 6000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(3000, cancel);

        await using (var db = database.Context(Province))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Importer(db).ImportAsync(path, null, progress, cancel.Token));
        }

        Assert.Equal(0, await CountAsync(database, db => db.Enterprises));
        Assert.Equal(1, await CountAsync(database, db => db.AuditLog));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WhoseWriterFailsHalfWay_ThrowsTheDatabasesErrorAndWritesNothing(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var rows = Enumerable.Range(1, 12_000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList();
        var refused = rows[9000]["credit_code"]!;

        // A row every check accepts but the database refuses, long after the writer has started.
        await using (var db = database.Context())
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                var trigger = "CREATE TRIGGER refuse BEFORE INSERT ON enterprises WHEN NEW.credit_code = '" + refused + "' BEGIN SELECT RAISE(ABORT, 'refused by the database'); END";
                await db.Database.ExecuteSqlRawAsync(trigger, Ct);
            }
            else
            {
                var function = "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW.credit_code = '" + refused + "' THEN RAISE EXCEPTION 'refused by the database'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql";
                await db.Database.ExecuteSqlRawAsync(function, Ct);
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse BEFORE INSERT ON enterprises FOR EACH ROW EXECUTE FUNCTION refuse()", Ct);
            }
        }

        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", rows);
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ImportAsync(database, path));

        Assert.Contains("refused by the database", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database, db => db.Enterprises));
        Assert.Equal(1, await CountAsync(database, db => db.AuditLog));
    }

    [Fact]
    public async Task Import_IntoASqliteDatabaseInRollbackJournalMode_SucceedsAndLeavesItInWriteAheadLogMode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        await using (var db = database.Context())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = DELETE", Ct);
        }

        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster()])));
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 3000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList())));

        Assert.Equal(3000, await CountAsync(database, db => db.Enterprises));
        await using var check = database.Context();
        Assert.Equal("wal", await check.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync(Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfAWorkbookWithParcelsAndExtensions_WritesParentsFirstAndTheExtensionTakesItsParcelsOwner(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);

        // The child sheet comes first in the workbook and is named in Chinese; the import still writes parcels first.
        var path = WriteXlsx(folder.File("宗地.xlsx"), [("动工延期", "parcel_extensions", [Extension()]), ("parcels", "parcels", [LandParcel()])]);
        var report = await ImportAsync(database, path, Xingyang);

        AssertSucceeded(report);
        Assert.Equal(["parcels", "parcel_extensions"], report.RowsWritten.Keys);
        await using (var xingyang = database.Context(Xingyang))
        {
            var extension = Assert.Single(await xingyang.ParcelExtensions.ToListAsync(Ct));
            Assert.Equal(Parcel, extension.Parcel.Value);
            Assert.Equal("荥阳市国土资源局", extension.ApprovedBy);
            Assert.Equal(
                "410000/410100/410182/41018201/",
                await xingyang.ParcelExtensions.Select(x => EF.Property<string>(x, JijuDbContext.OwnerPath)).SingleAsync(Ct));
        }

        await using var zhongyuan = database.Context(Zhongyuan);
        Assert.Empty(await zhongyuan.ParcelExtensions.ToListAsync(Ct));
        Assert.Empty(await zhongyuan.Parcels.ToListAsync(Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfTheSameClusterYearAgain_IsACorrectionThatNeedsANoteAndBecomesVersion2(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var original = WriteCsv(folder.File("statistics.csv"), "statistics", [Statistics()]);
        AssertSucceeded(await ImportAsync(database, original));

        var again = await ImportAsync(database, original);

        var error = Assert.Single(again.Errors);
        Assert.Equal((2L, "更正说明"), (error.Row, error.Column));
        Assert.Contains("更正数据须说明更正原因", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(database, db => db.Statistics));

        var correction = WriteCsv(folder.File("年度统计.csv"), "statistics", [Statistics().With("revenue", "51000000000").With("correction_note", "核减重复统计的主营业务收入")]);
        AssertSucceeded(await ImportAsync(database, correction, Xingyang));

        await using var db = database.Context();
        var versions = await db.Statistics.OrderBy(s => s.Version).ToListAsync(Ct);
        Assert.Equal([1, 2], versions.Select(s => s.Version));
        Assert.Equal(52_000_000_000m, versions[0].Revenue.Yuan);
        Assert.Equal(51_000_000_000m, versions[1].Revenue.Yuan);
        Assert.Null(versions[0].CorrectionNote);
        Assert.Equal("核减重复统计的主营业务收入", versions[1].CorrectionNote);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfTwoRowsOfOneClusterYear_NumbersThemAndAVersionGivenOutOfTurnIsAnError(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);

        var wrong = await ImportAsync(database, WriteCsv(folder.File("statistics.csv"), "statistics", [Statistics().With("version", "2")]));
        var error = Assert.Single(wrong.Errors);
        Assert.Equal("版本", error.Column);
        Assert.Contains("本行应为第1版", error.Message, StringComparison.Ordinal);

        var both = WriteCsv(folder.File("statistics.csv"), "statistics", [Statistics(), Statistics().With("correction_note", "补报工业税收").With("version", "2")]);
        AssertSucceeded(await ImportAsync(database, both));
        await using var db = database.Context();
        Assert.Equal([1, 2], await db.Statistics.OrderBy(s => s.Version).Select(s => s.Version).ToListAsync(Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_AppendsOneAuditEntryWithTheActorScopeFileAndCounts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var at = new DateTimeOffset(2024, 3, 15, 8, 30, 0, TimeSpan.Zero);

        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("clusters.csv"), "clusters", [Cluster()]), Zhengzhou, time: new FixedTime(at)));

        await using var db = database.Context();
        var entry = Assert.Single(await db.AuditLog.ToListAsync(Ct));
        Assert.Equal(("import", "clusters.csv", "郑州市测试用户", "410000/410100/"), (entry.Action, entry.Subject, entry.Actor, entry.Scope));
        Assert.Equal(at, entry.At);
        Assert.Contains("clusters", entry.Details, StringComparison.Ordinal);
        Assert.Contains("1行", entry.Details, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithMoreThanAThousandErrors_ListsTheFirstThousandAndCountsThemAll(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        var rows = Enumerable.Range(1, 1500).Select(i => Enterprise(CreditCode(i, "410182")).With("registered_on", "2013-13-01")).ToList();

        var report = await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", rows));

        Assert.Equal(1500, report.TotalErrors);
        Assert.Equal(Importer.MaxListedErrors, report.Errors.Count);
        Assert.Equal(2, report.Errors[0].Row);
        Assert.All(report.Errors, e => Assert.Equal("成立日期", e.Column));
        Assert.Equal(0, await CountAsync(database, db => db.Enterprises));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfACsvSavedByChineseExcelAsGb18030_ReadsItsChineseHeadersAndText(DatabaseProvider provider)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();

        var report = await ImportAsync(database, WriteCsv(folder.File("产业集聚区.csv"), "clusters", [Cluster()], Encoding.GetEncoding("GB18030")));

        AssertSucceeded(report);
        await using var db = database.Context();
        Assert.Equal("荥阳市产业集聚区管理委员会", (await db.Clusters.SingleAsync(Ct)).CommitteeName);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_AcceptsHeadersWithoutTheUnitWithAsciiBracketsSpacesOrSnakeCaseKeys(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var path = folder.File("clusters.csv");
        await File.WriteAllTextAsync(
            path,
            "code, 名称 ,所在县(市、区),状态,leading_industry,规划面积,管委会编制数 (人)\r\n41018201,荥阳市产业集聚区,410182,产业集聚区,C34,1000,45\r\n",
            Ct);

        AssertSucceeded(await ImportAsync(database, path));

        await using var db = database.Context();
        var cluster = await db.Clusters.SingleAsync(Ct);
        Assert.Equal((1000m, 45), (cluster.PlannedArea.SquareMetres, cluster.CommitteeStaffQuota));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfACsvWithoutAnEntityInItsName_UsesTheGivenEntityKey(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var path = WriteCsv(folder.File("upload-2024.csv"), "clusters", [Cluster()]);

        var unnamed = await ImportAsync(database, path);
        Assert.Equal(0, Assert.Single(unnamed.Errors).Row);

        AssertSucceeded(await ImportAsync(database, path, entityKey: "产业集聚区"));
    }

    internal static async Task<int> CountAsync<T>(TestDatabase database, Func<JijuDbContext, IQueryable<T>> set)
    {
        await using var db = database.Context();
        return await set(db).CountAsync(TestContext.Current.CancellationToken);
    }
}
