using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Jiju.Bench;

/// <summary>
/// The cache's files of other code versions (<see cref="CodeVersion.Data"/>): datasets, import files and PostgreSQL
/// template databases that no run of this code will read again. Every change to the data layer leaves about 9 GB of
/// them behind, so the suite removes them before it starts, unless told to keep them (<c>--keep-stale</c>). Only names
/// the suite itself makes are touched: anything else in the work directory or on the server stays.
/// </summary>
public static partial class StaleCache
{
    /// <summary>What was removed: a description of each item and the bytes it held on disk (0 for a database).</summary>
    public sealed record Removal(IReadOnlyList<string> Items, long Bytes);

    /// <summary>Whether <paramref name="fileName"/> (in <c>datasets/</c>) is a dataset, or one of its side files, of a version other than <paramref name="version"/>.</summary>
    public static bool IsStaleDataset(string fileName, string version) => IsOtherVersion(DatasetFile().Match(fileName), version);

    /// <summary>Whether <paramref name="directoryName"/> (in <c>imports/</c>) holds the import files of a version other than <paramref name="version"/>.</summary>
    public static bool IsStaleImport(string directoryName, string version) => IsOtherVersion(ImportDirectory().Match(directoryName), version);

    /// <summary>Whether <paramref name="database"/> is a PostgreSQL template the suite made for a version other than <paramref name="version"/>.</summary>
    public static bool IsStaleTemplate(string database, string version) => IsOtherVersion(TemplateDatabase().Match(database), version);

    /// <summary>Deletes the stale datasets and import directories under <paramref name="workDirectory"/>.</summary>
    public static Removal RemoveFiles(string workDirectory, string version)
    {
        var items = new List<string>();
        long bytes = 0;
        var datasets = new DirectoryInfo(Path.Combine(workDirectory, "datasets"));
        if (datasets.Exists)
        {
            foreach (var file in datasets.EnumerateFiles().Where(f => IsStaleDataset(f.Name, version)).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                bytes += file.Length;
                file.Delete();
                items.Add("datasets/" + file.Name);
            }
        }

        var imports = new DirectoryInfo(Path.Combine(workDirectory, "imports"));
        if (imports.Exists)
        {
            foreach (var directory in imports.EnumerateDirectories().Where(d => IsStaleImport(d.Name, version)).OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                bytes += directory.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
                directory.Delete(recursive: true);
                items.Add("imports/" + directory.Name + "/");
            }
        }

        return new Removal(items, bytes);
    }

    /// <summary>Drops the stale template databases on the server of <paramref name="adminConnection"/>; one in use is left, and said so.</summary>
    public static async Task<Removal> DropTemplatesAsync(string adminConnection, string version)
    {
        var builder = new NpgsqlConnectionStringBuilder(adminConnection) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database ORDER BY datname", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var items = new List<string>();
        foreach (var name in names.Where(n => IsStaleTemplate(n, version)))
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\"", connection);
                await drop.ExecuteNonQueryAsync();
                items.Add("PostgreSQL database " + name);
            }
            catch (PostgresException e)
            {
                items.Add(string.Create(CultureInfo.InvariantCulture, $"PostgreSQL database {name} left: {e.MessageText}"));
            }
        }

        return new Removal(items, 0);
    }

    private static bool IsOtherVersion(Match match, string version) =>
        match.Success && !string.Equals(match.Groups["version"].Value, version, StringComparison.Ordinal);

    // The names Dataset.PathIn, the suite's import directories and its PostgreSQL templates are given, with the version
    // CodeVersion makes: ten lower-case hexadecimal digits.
    [GeneratedRegex(@"^(?:province|national-\d{4}permille)-seed\d+-(?<version>[0-9a-f]{10})\.db(?:\.json|-wal|-shm|-journal)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatasetFile();

    [GeneratedRegex(@"^enterprises-\d+-seed\d+-(?<version>[0-9a-f]{10})\z", RegexOptions.CultureInvariant)]
    private static partial Regex ImportDirectory();

    [GeneratedRegex(@"^jiju_bench_tpl_(?<version>[0-9a-f]{10})_s\d+\z", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateDatabase();
}
