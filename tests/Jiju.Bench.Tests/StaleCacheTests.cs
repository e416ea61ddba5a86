namespace Jiju.Bench.Tests;

public sealed class StaleCacheTests
{
    private const string Current = "4ecc5067fe";
    private const string Other = "70e9254ccc";

    [Theory]
    [InlineData("province-seed2012-70e9254ccc.db")]
    [InlineData("province-seed2012-70e9254ccc.db.json")]
    [InlineData("national-1000permille-seed2012-70e9254ccc.db")]
    [InlineData("national-0250permille-seed7-70e9254ccc.db-wal")]
    [InlineData("national-0500permille-seed2012-70e9254ccc.db-shm")]
    [InlineData("province-seed2012-70e9254ccc.db-journal")]
    [InlineData("national-1000permille-seed2012-70e9254ccc.db.part")]
    [InlineData("national-1000permille-seed2012-70e9254ccc.db.part-wal")]
    [InlineData("province-seed-5-70e9254ccc.db")]
    public void ADatasetOfAnotherVersion_OrOneLeftHalfGenerated_IsStale(string name) => Assert.True(StaleCache.IsStaleDataset(name, Current));

    [Theory]
    [InlineData("province-seed2012-4ecc5067fe.db")]
    [InlineData("province-seed2012-4ecc5067fe.db.json")]
    [InlineData("national-1000permille-seed99-4ecc5067fe.db-wal")]
    [InlineData("national-1000permille-seed2012-4ecc5067fe.db.part")]
    public void ADatasetOfThisVersion_WhateverItsSeed_IsKept(string name) => Assert.False(StaleCache.IsStaleDataset(name, Current));

    [Theory]
    [InlineData("province-seed2012-70e9254ccc.db.bak")]
    [InlineData("copy-of-province-seed2012-70e9254ccc.db")]
    [InlineData("province-seed2012-70E9254CCC.db")]
    [InlineData("province-seed2012-70e9254cc.db")]
    [InlineData("province-seed2012-70e9254ccc0.db")]
    [InlineData("national-1permille-seed2012-70e9254ccc.db")]
    [InlineData("notes.db")]
    [InlineData("province-seed2012-70e9254ccc.db\n")]
    [InlineData("province-seed٢٠١٢-70e9254ccc.db")]
    public void AFileTheSuiteDidNotName_IsNeverStale(string name) => Assert.False(StaleCache.IsStaleDataset(name, Current));

    [Theory]
    [InlineData("enterprises-1000000-seed2012-70e9254ccc", true)]
    [InlineData("enterprises-100000-seed7-70e9254ccc", true)]
    [InlineData("enterprises-1000000-seed2012-4ecc5067fe", false)]
    [InlineData("enterprises-seed2012-70e9254ccc", false)]
    [InlineData("my-enterprises-1000000-seed2012-70e9254ccc", false)]
    public void AnImportDirectory_IsStaleOnlyWhenTheSuiteNamedItForAnotherVersion(string name, bool stale) =>
        Assert.Equal(stale, StaleCache.IsStaleImport(name, Current));

    [Theory]
    [InlineData("jiju_bench_tpl_70e9254ccc_s2012", true)]
    [InlineData("jiju_bench_tpl_70e9254ccc_s2012_building", true)]
    [InlineData("jiju_bench_tpl_70e9254ccc_s-5", true)]
    [InlineData("jiju_bench_tpl_4ecc5067fe_s2012_building", false)]
    [InlineData("jiju_bench_tpl_4ecc5067fe_s2012", false)]
    [InlineData("jiju_bench_tpl_4ecc5067fe_s7", false)]
    [InlineData("jiju_bench_import", false)]
    [InlineData("postgres", false)]
    [InlineData("jiju_bench_tpl_70e9254ccc_s2012_copy", false)]
    public void ADatabase_IsStaleOnlyWhenItIsTheSuitesTemplateOfAnotherVersion(string name, bool stale) =>
        Assert.Equal(stale, StaleCache.IsStaleTemplate(name, Current));

    [Fact]
    public void RemoveFiles_DeletesOtherVersionsOnly_AndCountsTheirBytes()
    {
        var work = Directory.CreateTempSubdirectory("jiju-bench-stale-");
        try
        {
            var datasets = work.CreateSubdirectory("datasets");
            var imports = work.CreateSubdirectory("imports");
            Write(datasets, $"province-seed2012-{Other}.db", 1000);
            Write(datasets, $"province-seed2012-{Other}.db.json", 10);
            Write(datasets, $"province-seed2012-{Current}.db", 2000);
            Write(datasets, "notes.txt", 5);
            var oldImport = imports.CreateSubdirectory($"enterprises-100000-seed2012-{Other}");
            Write(oldImport, "enterprises.csv", 300);
            Write(oldImport.CreateSubdirectory("nested"), "enterprises.xlsx", 40);
            var newImport = imports.CreateSubdirectory($"enterprises-100000-seed2012-{Current}");
            Write(newImport, "enterprises.csv", 300);

            var removal = StaleCache.RemoveFiles(work.FullName, Current);

            Assert.Equal(1000 + 10 + 300 + 40, removal.Bytes);
            Assert.Equal(
                [$"datasets/province-seed2012-{Other}.db", $"datasets/province-seed2012-{Other}.db.json", $"imports/enterprises-100000-seed2012-{Other}/"],
                removal.Removed);
            Assert.Empty(removal.Left);
            Assert.Equal(["notes.txt", $"province-seed2012-{Current}.db"], datasets.EnumerateFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
            Assert.Equal([newImport.Name], imports.EnumerateDirectories().Select(d => d.Name));
            Assert.True(File.Exists(Path.Combine(newImport.FullName, "enterprises.csv")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void RemoveFiles_InAWorkDirectoryWithoutACache_RemovesNothing()
    {
        var work = Directory.CreateTempSubdirectory("jiju-bench-stale-");
        try
        {
            var removal = StaleCache.RemoveFiles(work.FullName, Current);

            Assert.Empty(removal.Removed);
            Assert.Empty(removal.Left);
            Assert.Equal(0, removal.Bytes);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task DropTemplates_WithAServerThatCannotBeReached_LeavesThemAndSaysWhy()
    {
        var removal = await StaleCache.DropTemplatesAsync("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=2", Current);

        Assert.Empty(removal.Removed);
        Assert.StartsWith("PostgreSQL templates of other versions: ", Assert.Single(removal.Left), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropTemplates_WithAMalformedConnectionString_LeavesThemAndSaysWhy()
    {
        var removal = await StaleCache.DropTemplatesAsync("this is not a connection string", Current);

        Assert.Empty(removal.Removed);
        Assert.Single(removal.Left);
    }

    [Fact]
    public async Task DropTemplates_DropsTheSuitesTemplatesOfOtherVersions_AndNothingElse()
    {
        var admin = Jiju.Tests.TestPostgres.AdminConnectionOrSkip();

        // The real code version stands for the current one, so that only templates a bench run would drop anyway go; an
        // unusual seed keeps clear of the bench's own templates.
        var current = CodeVersion.Data;
        var stale = $"jiju_bench_tpl_{(current == "0000000000" ? "1111111111" : "0000000000")}_s987654";
        string[] kept = [$"jiju_bench_tpl_{current}_s987654", $"jiju_bench_keep_{Guid.NewGuid():N}"];
        await using var connection = new Npgsql.NpgsqlConnection(admin);
        await connection.OpenAsync();
        foreach (var name in kept.Append(stale))
        {
            await Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\"");
            await Execute(connection, $"CREATE DATABASE \"{name}\"");
        }

        try
        {
            var removal = await StaleCache.DropTemplatesAsync(admin, current);

            Assert.Contains("PostgreSQL database " + stale, removal.Removed);
            Assert.DoesNotContain(removal.Removed, item => kept.Any(k => item.EndsWith(k, StringComparison.Ordinal)));
            var left = await Databases(connection);
            Assert.DoesNotContain(stale, left);
            Assert.All(kept, name => Assert.Contains(name, left));
        }
        finally
        {
            foreach (var name in kept.Append(stale))
            {
                await Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\"");
            }
        }
    }

    private static async Task Execute(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> Databases(Npgsql.NpgsqlConnection connection)
    {
        var names = new List<string>();
        await using var command = new Npgsql.NpgsqlCommand("SELECT datname FROM pg_database", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void Write(DirectoryInfo directory, string name, int bytes) =>
        File.WriteAllBytes(Path.Combine(directory.FullName, name), new byte[bytes]);
}
