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
    public void ADatasetOfAnotherVersion_IsStale(string name) => Assert.True(StaleCache.IsStaleDataset(name, Current));

    [Theory]
    [InlineData("province-seed2012-4ecc5067fe.db")]
    [InlineData("province-seed2012-4ecc5067fe.db.json")]
    [InlineData("national-1000permille-seed99-4ecc5067fe.db-wal")]
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
                removal.Items);
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

            Assert.Empty(removal.Items);
            Assert.Equal(0, removal.Bytes);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Write(DirectoryInfo directory, string name, int bytes) =>
        File.WriteAllBytes(Path.Combine(directory.FullName, name), new byte[bytes]);
}
