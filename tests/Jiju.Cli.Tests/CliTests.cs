using System.Text;
using System.Text.Json;

namespace Jiju.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiju-cli-").FullName;

    private string Db => Path.Combine(_dir, "jiju.db");

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

    private static Task WriteOneClusterAsync(string path) => File.WriteAllTextAsync(path, """
            集聚区代码,名称,所在县（市、区）,状态,主导产业代码,规划面积（平方米）
            41018201,荥阳市产业集聚区,410182,产业集聚区,36,15000000
            """, Encoding.UTF8, TestContext.Current.CancellationToken);

    [Fact]
    public async Task TheJijuProcess_RunsWithoutDynamicPgo_AndCompilesAMethodOptimisedAfter5000CallsCountedFromTheStart()
    {
        // ADR 0009 and ADR 0015: the batch commands' runtime settings, as the built jiju.runtimeconfig.json carries them.
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "jiju.runtimeconfig.json"));
        using var config = await JsonDocument.ParseAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
        Assert.Equal(5000, properties.GetProperty("System.Runtime.TieredCompilation.CallCountThreshold").GetInt32());
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var (exit, output) = await Jiju("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "db", "demo", "import", "export", "stats" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnUnknownCommand_ExitsWithTwo()
    {
        var (exit, output) = await Jiju("sweep-everything");

        Assert.Equal(2, exit);
        Assert.Contains("jiju --help", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoThenStats_ShowsTheProvince_AndACityUserSeesOnlyTheirCity()
    {
        var (generated, generateOutput) = await Jiju("demo", "generate", "--db", Db);
        Assert.Equal(0, generated);
        Assert.Contains("已生成 180 个集聚区", generateOutput, StringComparison.Ordinal);

        var (exit, province) = await Jiju("stats", "--db", Db);
        Assert.Equal(0, exit);
        Assert.Contains("郑州市", province, StringComparison.Ordinal);
        Assert.Contains("济源市", province, StringComparison.Ordinal);
        Assert.Contains("边界情形：38", province, StringComparison.Ordinal);

        var (_, city) = await Jiju("stats", "--db", Db, "--as", "410100");
        Assert.Contains("410000/410100/", city, StringComparison.Ordinal);
        Assert.Contains("郑州市", city, StringComparison.Ordinal);
        Assert.DoesNotContain("开封市", city, StringComparison.Ordinal);

        var (plantsExit, plants) = await Jiju("demo", "plants", "--db", Db);
        Assert.Equal(0, plantsExit);
        Assert.Contains("410182001001GB00001", plants, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownNode_IsRefusedWithExitOne()
    {
        var (exit, output) = await Jiju("stats", "--db", Db, "--as", "999999");

        Assert.Equal(1, exit);
        Assert.Contains("999999", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithABadRow_ExitsWithOne_NamesRowColumnAndReason_AndChangesNothing()
    {
        var clusters = Path.Combine(_dir, "clusters.csv");
        await WriteOneClusterAsync(clusters);
        Assert.Equal(0, (await Jiju("import", clusters, "--db", Db)).Exit);

        var enterprises = Path.Combine(_dir, "enterprises.csv");
        await File.WriteAllTextAsync(enterprises, """
            统一社会信用代码,企业名称,所属行业代码,所在县（市、区）,所在集聚区代码
            91350100M000100Y43,甲公司,36,410182,41018201
            91350100M000100Y44,乙公司,36,410182,41018201
            """, Encoding.UTF8);
        var (exit, output) = await Jiju("import", enterprises, "--db", Db);

        Assert.Equal(1, exit);
        Assert.Contains("│ 3 ", output, StringComparison.Ordinal);
        Assert.Contains("统一社会信用代码", output, StringComparison.Ordinal);
        Assert.Contains("校验位", output, StringComparison.Ordinal);
        Assert.Contains("数据库未作任何改动", output, StringComparison.Ordinal);
        var (_, stats) = await Jiju("stats", "--db", Db);
        Assert.Matches(@"企业\s*│\s*0\s", stats);
    }

    [Fact]
    public async Task DemoGenerate_RefusesADatabaseWithDataPeopleEntered()
    {
        var clusters = Path.Combine(_dir, "集聚区.csv");
        await WriteOneClusterAsync(clusters);
        Assert.Equal(0, (await Jiju("import", clusters, "--entity", "clusters", "--db", Db)).Exit);

        var (exit, output) = await Jiju("demo", "generate", "--db", Db);

        Assert.Equal(1, exit);
        Assert.Contains("非演示数据", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Csv")]
    [InlineData("Xlsx")]
    public async Task ExportedData_ReimportsIntoAnotherDatabase(string format)
    {
        Assert.Equal(0, (await Jiju("demo", "generate", "--db", Db)).Exit);
        var other = Path.Combine(_dir, "other.db");
        var extension = format.ToLowerInvariant();

        foreach (var entity in new[] { "clusters", "enterprises", "parcels" })
        {
            var file = Path.Combine(_dir, $"{entity}.{extension}");
            var (exported, exportOutput) = await Jiju("export", entity, "--format", format, "-o", file, "--db", Db, "--as", "41018201");
            Assert.True(exported == 0, exportOutput);
            var (imported, importOutput) = await Jiju("import", file, "--db", other);
            Assert.True(imported == 0, importOutput);
        }

        var (_, first) = await Jiju("stats", "--db", Db, "--as", "41018201");
        var (_, second) = await Jiju("stats", "--db", other, "--as", "41018201");
        foreach (var row in new[] { "产业集聚区", "企业", "宗地" })
        {
            Assert.Equal(Count(first, row), Count(second, row));
        }

        static string Count(string stats, string row) =>
            System.Text.RegularExpressions.Regex.Match(stats, row + @"\s*│\s*([\d,]+)").Groups[1].Value;
    }

    [Fact]
    public async Task ImportTemplate_HasTheChineseHeaders()
    {
        var file = Path.Combine(_dir, "parcels-template.csv");

        var (exit, _) = await Jiju("import", "template", "宗地", "--format", "Csv", "-o", file);

        Assert.Equal(0, exit);
        var header = (await File.ReadAllLinesAsync(file))[0];
        Assert.Contains("宗地代码", header, StringComparison.Ordinal);
        Assert.Contains("约定动工日期", header, StringComparison.Ordinal);
    }
}
