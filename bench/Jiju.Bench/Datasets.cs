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
/// A short hash of the assemblies that decide what a cached file holds. Builds are deterministic, so
/// an assembly's MVID changes exactly when its code does: a changed generator or schema regenerates.
/// </summary>
public static class CodeVersion
{
    /// <summary>Domain, data layer (generator, importer, exporter) and the SQLite migrations.</summary>
    public static string Data { get; } = Of(typeof(Domain.Enterprises.Enterprise).Assembly, typeof(DemoGenerator).Assembly, typeof(Data.Sqlite.DesignTimeFactory).Assembly);

    private static string Of(params Assembly[] assemblies)
    {
        var text = string.Join('|', assemblies.Select(a => a.GetName().Name + ":" + a.ManifestModule.ModuleVersionId.ToString("N")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
    }
}
