using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Jiju.Data.Demo;

namespace Jiju.Bench;

/// <summary>
/// One generated dataset: the demo province, or the national benchmark dataset at a fraction of its
/// per-zone volume (all ~3,180 zones, fewer enterprises, parcels and projects in each), so that the
/// figures can be drawn as a curve from the province to the national dataset.
/// </summary>
public sealed record Dataset(string Name, DemoScale Scale, double Fraction)
{
    public static Dataset Province { get; } = new("province", DemoScale.Province, 1.0);

    public static Dataset National(double fraction) =>
        new(fraction >= 1.0 ? "national" : string.Create(CultureInfo.InvariantCulture, $"national×{fraction:0.###}"), DemoScale.National, fraction);

    /// <summary>The per-zone volume: null (the generator's own default, exactly what <c>jiju demo generate --scale</c> makes) at fraction 1.</summary>
    public DemoVolume? Volume
    {
        get
        {
            if (Fraction >= 1.0)
            {
                return null;
            }

            var full = DemoVolume.For(Scale);
            return new DemoVolume(
                Math.Max(1, (int)Math.Round(full.EnterprisesPerZone * Fraction)),
                Math.Max(1, (int)Math.Round(full.ParcelsPerZone * Fraction)),
                Math.Max(1, (int)Math.Round(full.ProjectsPerZone * Fraction)));
        }
    }

    public string FileStem => Scale == DemoScale.Province ? "province" : string.Create(CultureInfo.InvariantCulture, $"national-{Fraction * 1000:0000}permille");

    /// <summary>The cached file for a seed: it is reused only while the generator and schema code are unchanged.</summary>
    public string PathIn(string workDirectory, int seed) =>
        Path.Combine(workDirectory, "datasets", string.Create(CultureInfo.InvariantCulture, $"{FileStem}-seed{seed}-{CodeVersion.Data}.db"));
}

/// <summary>
/// A short hash of the code that decides what a cached file holds: the sources of the domain, the data
/// layer (generator, importer, exporter, bulk writer) and the SQLite migrations. A change to any of them
/// regenerates; a commit elsewhere does not (assembly MVIDs would change with every commit, since the
/// build embeds the commit id). The bulk reader is left out: it only reads, and neither the generator nor the
/// exporter uses it. Without the sources (a copied build) the assemblies' MVIDs are used.
/// </summary>
public static class CodeVersion
{
    private static readonly string[] Projects = ["src/Jiju.Domain", "src/Jiju.Data", "src/Jiju.Data.Sqlite"];

    private static readonly string[] NotWriting = ["src/Jiju.Data/Bulk/BulkReader.cs"];

    public static string Data { get; } = FromSources(SuiteOptions.FindRepositoryRoot()) ?? FromAssemblies(typeof(Domain.Enterprises.Enterprise).Assembly, typeof(DemoGenerator).Assembly, typeof(Data.Sqlite.DesignTimeFactory).Assembly);

    private static string? FromSources(string root)
    {
        var files = Projects
            .Select(p => Path.Combine(root, p))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !NotWriting.Contains(f, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(root, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }

    private static string FromAssemblies(params Assembly[] assemblies)
    {
        var text = string.Join('|', assemblies.Select(a => a.GetName().Name + ":" + a.ManifestModule.ModuleVersionId.ToString("N")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
    }
}
