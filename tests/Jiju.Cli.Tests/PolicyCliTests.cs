using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jiju.Cli.Tests;

public sealed class PolicyCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiju-policy-cli-").FullName;

    private static async Task<(int Exit, string Output)> Jiju(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await JijuCommand.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output + error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, Encoding.UTF8);
        return path;
    }

    [Fact]
    public async Task CasesRun_EndsWithTheCounts_AndFailsWhenACaseFails()
    {
        var good = Write("good.yaml", """
            rule: IdleLandIsChargedOrRecovered
            cases:
              - {name: 恰满1年, as_of: 2015-12-31, facts: {grant_type: 出让, price: 1000000, agreed_start: 2014-12-30}, expect: {value: {status: Fee, fee: 200000}}}
            """);
        Write("bad.yaml", """
            rule: IdleLandIsChargedOrRecovered
            cases:
              - {name: 写错的期望, as_of: 2015-12-31, facts: {grant_type: 出让, price: 1000000, agreed_start: 2014-12-30}, expect: {value: {fee: 1}}}
            """);

        var (okExit, okOutput) = await Jiju("cases", "run", good);
        var (badExit, badOutput) = await Jiju("cases", "run", _dir);

        Assert.Equal(0, okExit);
        Assert.EndsWith("1 passed, 0 failed", okOutput.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(1, badExit);
        Assert.Contains("FAIL", badOutput, StringComparison.Ordinal);
        Assert.Contains("写错的期望", badOutput, StringComparison.Ordinal);
        Assert.Contains("value.fee：期望 1.00，实际 200,000.00", badOutput, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed", badOutput.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasesRun_OfAMissingFile_Fails()
    {
        var (exit, output) = await Jiju("cases", "run", Path.Combine(_dir, "none.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("0 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesListJson_DescribesFactsResultsAndParameters()
    {
        var (exit, output) = await Jiju("rules", "list", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var idle = json.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "IdleLandIsChargedOrRecovered");
        Assert.Equal(7, idle.GetProperty("article").GetInt32());
        Assert.Contains(idle.GetProperty("facts").EnumerateArray(), f => f.GetProperty("name").GetString() == "agreed_start" && f.GetProperty("required").GetBoolean());
        Assert.Contains(idle.GetProperty("parameters").EnumerateArray(), p => p.GetString() == "land.idle.fee-rate");
    }

    [Fact]
    public async Task RulesExplain_PrintsTheReasoningInChinese()
    {
        var file = Write("one.yaml", """
            cases:
              - {name: 恰满2年, rule: IdleLandIsChargedOrRecovered, as_of: 2015-12-31, facts: {grant_type: Transfer, price: 1000000, agreed_start: 2013-12-30}, expect: {value: {status: Recover}}}
            """);

        var (exit, output) = await Jiju("rules", "explain", "IdleLandIsChargedOrRecovered", "--case", file);

        Assert.Equal(0, exit);
        Assert.Contains("依据第（七）条", output, StringComparison.Ordinal);
        Assert.Contains("结论：依法收回土地使用权", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParamsShow_GivesTheHistoryWithCitations()
    {
        var (exit, output) = await Jiju("params", "show", "land.idle.fee-rate");

        Assert.Equal(0, exit);
        Assert.Contains("2012-03-08 起", output, StringComparison.Ordinal);
        Assert.Contains("第（七）条", output, StringComparison.Ordinal);
        Assert.Equal(1, (await Jiju("params", "show", "no.such.parameter")).Exit);
        var (badDate, badDateOutput) = await Jiju("params", "list", "--as-of", "2015-02-30");
        Assert.Equal(1, badDate);
        Assert.Contains("--as-of 应为日期（yyyy-MM-dd），实为“2015-02-30”", badDateOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepAndWhatIf_OnTheDemo_ReportThePlantedIdleLand()
    {
        var db = Path.Combine(_dir, "jiju.db");
        Assert.Equal(0, (await Jiju("demo", "generate", "--db", db)).Exit);

        var (sweepExit, sweep) = await Jiju("sweep", "--as-of", "2015-12-31", "--db", db);
        var (whatIfExit, whatIf) = await Jiju("whatif", "--as-of", "2015-12-31", "--set", "land.idle.fee-rate=0.3", "--db", db);
        var (dryRunExit, dryRun) = await Jiju("sweep", "--as-of", "2015-12-31", "--dry-run", "--db", db);

        Assert.Equal(0, sweepExit);
        Assert.Equal(0, dryRunExit);

        // A dry run keeps no findings, only their tallies: its tables and totals are the stored run's (the progress line
        // says how long each took).
        static string Tables(string output) => Regex.Replace(output, @"^\[\d\d:\d\d:\d\d\] [^\n]*\n", "", RegexOptions.Multiline);
        Assert.Equal(Tables(sweep).Replace("已保存为第 1 次运行", "未保存（--dry-run）", StringComparison.Ordinal), Tables(dryRun));
        Assert.Contains("郑州市", sweep, StringComparison.Ordinal);
        Assert.Contains("Fee 4、Recover 1", sweep, StringComparison.Ordinal);
        Assert.Contains("已保存为第 1 次运行", sweep, StringComparison.Ordinal);
        Assert.Contains("未清扫：第2条【依考核结果提出", sweep, StringComparison.Ordinal);
        Assert.Equal(0, whatIfExit);
        Assert.Contains("Fee 3,703,703.67", whatIf, StringComparison.Ordinal);
        Assert.Equal(1, (await Jiju("whatif", "--as-of", "2015-12-31", "--set", "land.idle.fee-rate=2", "--db", db)).Exit);
        Assert.Equal(1, (await Jiju("sweep", "--as-of", "2015-02-30", "--db", db)).Exit);
    }

    [Fact]
    public async Task Assess_OnTheDemo_PrintsWritesAndExplainsTheRanking()
    {
        var db = Path.Combine(_dir, "jiju.db");
        Assert.Equal(0, (await Jiju("demo", "generate", "--db", db)).Exit);
        var json = Path.Combine(_dir, "land.json");
        var xlsx = Path.Combine(_dir, "development.xlsx");

        var (tableExit, table) = await Jiju("assess", "--year", "2015", "--kind", "land", "--draws", "100", "--explain", "41018201", "--db", db);
        var (jsonExit, _) = await Jiju("assess", "--year", "2015", "--kind", "land", "--format", "json", "--output", json, "--db", db);
        var (xlsxExit, _) = await Jiju("assess", "--year", "2015", "--format", "xlsx", "--output", xlsx, "--as", "410182", "--db", db);

        Assert.Equal(0, tableExit);
        Assert.Contains("后1/3为180÷3向下取整=60个（第121至第180名）", table, StringComparison.Ordinal);
        Assert.Contains("跨越排名后1/3的最小单项变化", table, StringComparison.Ordinal);
        Assert.Equal(0, jsonExit);
        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(180, document.RootElement.GetProperty("clusters").GetArrayLength());
        Assert.Equal(0, xlsxExit);
        var rows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "排名").ToList();
        Assert.Single(rows);
        Assert.Equal(1, (await Jiju("assess", "--year", "2015", "--kind", "water", "--db", db)).Exit);
        Assert.Equal(1, (await Jiju("assess", "--year", "2010", "--db", db)).Exit);
    }
}
