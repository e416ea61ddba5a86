using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Jiju.Bench;

/// <summary>
/// The cache's files of other code versions (<see cref="CodeVersion.Data"/>): datasets, import files and PostgreSQL
/// template databases that no run of this code will read again, with what an interrupted run left of them. Every change
/// to the data layer leaves about 9 GiB of them behind, so the suite removes them before it starts, unless told to keep
/// them (<c>--keep-stale</c>). Only names the suite itself makes are touched: anything else in the work directory or on
/// the server stays. The work directory and the server are taken to be this checkout's: two suites of different code
/// versions sharing either at once should both keep the stale cache.
/// </summary>
public static partial class StaleCache
{
    /// <summary>What was removed, and what could not be, with why; the bytes removed from disk.</summary>
    public sealed record Removal(IReadOnlyList<string> Removed, IReadOnlyList<string> Left, long Bytes);

    /// <summary>Whether <paramref name="fileName"/> (in <c>datasets/</c>) is a dataset, a dataset being generated, or one of their side files, of a version other than <paramref name="version"/>.</summary>
    public static bool IsStaleDataset(string fileName, string version) => IsOtherVersion(DatasetFile().Match(fileName), version);

    /// <summary>Whether <paramref name="directoryName"/> (in <c>imports/</c>) holds the import files of a version other than <paramref name="version"/>.</summary>
    public static bool IsStaleImport(string directoryName, string version) => IsOtherVersion(ImportDirectory().Match(directoryName), version);

    /// <summary>Whether <paramref name="database"/> is a PostgreSQL template the suite made, or was making, for a version other than <paramref name="version"/>.</summary>
    public static bool IsStaleTemplate(string database, string version) => IsOtherVersion(TemplateDatabase().Match(database), version);

    /// <summary>Deletes the stale datasets and import directories under <paramref name="workDirectory"/>; one that cannot be deleted is left, and said so.</summary>
    public static Removal RemoveFiles(string workDirectory, string version)
    {
        var removed = new List<string>();
        var left = new List<string>();
        long bytes = 0;
        var datasets = new DirectoryInfo(Path.Combine(workDirectory, "datasets"));
        if (datasets.Exists)
        {
            foreach (var file in datasets.EnumerateFiles().Where(f => IsStaleDataset(f.Name, version)).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var item = "datasets/" + file.Name;
                var size = file.Length;
                if (Try(() => file.Delete(), item, left))
                {
                    bytes += size;
                    removed.Add(item);
                }
            }
        }

        var imports = new DirectoryInfo(Path.Combine(workDirectory, "imports"));
        if (imports.Exists)
        {
            foreach (var directory in imports.EnumerateDirectories().Where(d => IsStaleImport(d.Name, version)).OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                var item = "imports/" + directory.Name + "/";
                var size = directory.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
                if (Try(() => directory.Delete(recursive: true), item, left))
                {
                    bytes += size;
                    removed.Add(item);
                }
            }
        }

        return new Removal(removed, left, bytes);
    }

    /// <summary>
    /// Drops the stale template databases on the server of <paramref name="adminConnection"/>. One that cannot be dropped
    /// (in use, say) is left, and said so; a server that cannot be reached leaves them all.
    /// </summary>
    public static async Task<Removal> DropTemplatesAsync(string adminConnection, string version)
    {
        var removed = new List<string>();
        var left = new List<string>();
        try
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

            foreach (var name in names.Where(n => IsStaleTemplate(n, version)))
            {
                var item = "PostgreSQL database " + name;
                try
                {
                    // The pattern admits letters, digits, underscores and a minus sign: there is no quote to escape.
                    await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\"", connection);
                    await drop.ExecuteNonQueryAsync();
                    removed.Add(item);
                }
                catch (NpgsqlException e)
                {
                    left.Add(Because(item, e));
                }
            }
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or TimeoutException)
        {
            left.Add(Because("PostgreSQL templates of other versions", e));
        }

        return new Removal(removed, left, 0);
    }

    private static bool Try(Action delete, string item, List<string> left)
    {
        try
        {
            delete();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            left.Add(Because(item, e));
            return false;
        }
    }

    private static string Because(string item, Exception e) =>
        string.Create(CultureInfo.InvariantCulture, $"{item}: {(e is PostgresException p ? p.MessageText : e.Message)}");

    private static bool IsOtherVersion(Match match, string version) =>
        match.Success && !string.Equals(match.Groups["version"].Value, version, StringComparison.Ordinal);

    // The names Dataset.PathIn (and its ".part" while generating), the suite's import directories and its PostgreSQL
    // templates (and their "_building" while made) are given, with the version CodeVersion makes: ten lower-case
    // hexadecimal digits. Digits are ASCII only: \d would admit any Unicode digit.
    [GeneratedRegex(@"^(?:province|national-[0-9]{4}permille)-seed-?[0-9]+-(?<version>[0-9a-f]{10})\.db(?:\.part)?(?:\.json|-wal|-shm|-journal)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatasetFile();

    [GeneratedRegex(@"^enterprises-[0-9]+-seed-?[0-9]+-(?<version>[0-9a-f]{10})\z", RegexOptions.CultureInvariant)]
    private static partial Regex ImportDirectory();

    [GeneratedRegex(@"^jiju_bench_tpl_(?<version>[0-9a-f]{10})_s-?[0-9]+(?:_building)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateDatabase();
}
