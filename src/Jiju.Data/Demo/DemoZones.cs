using System.Globalization;
using Jiju.Data.Reference;
using Jiju.Domain.Clusters;
using Jiju.Domain.Divisions;
using Jiju.Domain.Industries;

namespace Jiju.Data.Demo;

public enum DemoScale
{
    /// <summary>Henan: its real 176 divisions and 180 clusters named after their counties.</summary>
    Province = 1,

    /// <summary>About 3,000 zones across the 31 provinces, 2 million enterprises, 10 million parcels (benchmarks).</summary>
    National = 2,
}

/// <summary>How many rows a zone gets. The province and national sizes are fixed; tests may ask for smaller ones.</summary>
public sealed record DemoVolume(int EnterprisesPerZone, int ParcelsPerZone, int ProjectsPerZone)
{
    public static DemoVolume For(DemoScale scale) => scale switch
    {
        DemoScale.National => new DemoVolume(640, 3_200, 60),
        _ => new DemoVolume(120, 250, 40),
    };
}

/// <summary>One cluster (zone) of the demo and everything derived from it that the row generators need.</summary>
internal sealed record DemoZone(int Index, Division County, ClusterCode Code, string Name, string Path, double Longitude, double Latitude, IndustryCode LeadingIndustry, bool IsCountyDomain)
{
    // Development area: a rectangle east of the county seat, about 4 km × 3.5 km.
    public const double WidthDegrees = 0.044;
    public const double HeightDegrees = 0.032;

    public double West => Longitude + 0.02;

    /// <summary>Everything a zone draws, from the planted farmland west of it to the farmland south of it, with a margin.</summary>
    public static NetTopologySuite.Geometries.Envelope Footprint(double longitude, double latitude) =>
        new(longitude - 0.01, longitude + 0.08, latitude - (HeightDegrees / 2) - 0.045, latitude + (HeightDegrees / 2) + 0.01);

    public double South => Latitude - (HeightDegrees / 2);

    /// <summary>The name without 产业集聚区 / 开发区, for naming the cluster's facilities.</summary>
    public string ShortName => Name.Replace("产业集聚区", string.Empty, StringComparison.Ordinal).Replace("开发区", string.Empty, StringComparison.Ordinal);

    public int Sequence => int.Parse(Code.Value.AsSpan(6, 2), CultureInfo.InvariantCulture);
}

internal static class DemoZones
{
    // Manufacturing divisions (GB/T 4754-2017 大类) that Henan's clusters lead with.
    public static readonly string[] LeadingIndustries = ["13", "14", "17", "18", "21", "22", "26", "27", "29", "30", "31", "32", "34", "35", "36", "38", "39"];

    private static readonly string[] Quarters = ["东部", "西部", "南部", "北部"];

    /// <summary>The province: one cluster per county-level unit and for 济源, plus second clusters in 22 counties: 180.</summary>
    public static (IReadOnlyList<Division> Divisions, IReadOnlyList<(Division County, int Sequence, string Name)> Clusters) Province(int seed)
    {
        var divisions = ReferenceData.HenanDivisions();
        var hosts = divisions.Where(d => d.Level == DivisionLevel.County || d.Kind == DivisionKind.ProvinceAdministeredCity).OrderBy(d => d.Code.Value, StringComparer.Ordinal).ToList();
        var clusters = hosts.Select(h => (h, 1, ShortName(h.Name) + "产业集聚区")).ToList();
        var random = new Random(seed);
        var seconds = hosts.Where(h => h.Kind != DivisionKind.ProvinceAdministeredCity).OrderBy(_ => random.Next()).Take(180 - hosts.Count).ToList();
        clusters.AddRange(seconds.Select(h => (h, 2, ShortName(h.Name) + Quarters[random.Next(Quarters.Length)] + "产业集聚区")));
        return (divisions, clusters.OrderBy(c => c.h.Code.Value, StringComparer.Ordinal).ThenBy(c => c.Item2).ToList());
    }

    /// <summary>
    /// The national benchmark: Henan's real divisions and clusters, plus for each other province ten
    /// synthetic cities of ten synthetic counties with one zone each (names say they are synthetic).
    /// </summary>
    public static (IReadOnlyList<Division> Divisions, IReadOnlyList<(Division County, int Sequence, string Name)> Clusters) National(int seed)
    {
        var (henan, henanClusters) = Province(seed);
        var divisions = henan.ToList();
        var clusters = henanClusters.ToList();
        foreach (var (code, name) in Provinces.Where(p => p.Code != "410000"))
        {
            var province = new Division { Code = DivisionCode.Of(code), Name = name, Level = DivisionLevel.Province, Kind = DivisionKind.Province };
            divisions.Add(province);
            for (var c = 1; c <= 10; c++)
            {
                var city = new Division
                {
                    Code = DivisionCode.Of(string.Create(CultureInfo.InvariantCulture, $"{code[..2]}{c:00}00")),
                    Name = string.Create(CultureInfo.InvariantCulture, $"{name}模拟市{c}"),
                    Parent = province.Code,
                    Level = DivisionLevel.City,
                    Kind = DivisionKind.PrefectureCity,
                };
                divisions.Add(city);
                for (var k = 1; k <= 10; k++)
                {
                    var county = new Division
                    {
                        Code = DivisionCode.Of(string.Create(CultureInfo.InvariantCulture, $"{code[..2]}{c:00}{20 + k:00}")),
                        Name = string.Create(CultureInfo.InvariantCulture, $"{city.Name}模拟县{k}"),
                        Parent = city.Code,
                        Level = DivisionLevel.County,
                        Kind = DivisionKind.County,
                    };
                    divisions.Add(county);
                    clusters.Add((county, 1, county.Name + "开发区"));
                }
            }
        }

        return (divisions, clusters);
    }

    public static string ShortName(string name) => name.Length > 2 && name.EndsWith('县') ? name[..^1] : name;

    // Seats of the provincial governments, for placing synthetic zones roughly where they belong.
    public static (double Lon, double Lat) Seat(string provinceCode) => provinceCode[..2] switch
    {
        "11" => (116.4, 39.9),
        "12" => (117.2, 39.1),
        "13" => (114.5, 38.0),
        "14" => (112.5, 37.9),
        "15" => (111.7, 40.8),
        "21" => (123.4, 41.8),
        "22" => (125.3, 43.9),
        "23" => (126.6, 45.8),
        "31" => (121.5, 31.2),
        "32" => (118.8, 32.1),
        "33" => (120.2, 30.3),
        "34" => (117.3, 31.9),
        "35" => (119.3, 26.1),
        "36" => (115.9, 28.7),
        "37" => (117.0, 36.7),
        "41" => (113.7, 34.8),
        "42" => (114.3, 30.6),
        "43" => (113.0, 28.2),
        "44" => (113.3, 23.1),
        "45" => (108.3, 22.8),
        "46" => (110.3, 20.0),
        "50" => (106.5, 29.6),
        "51" => (104.1, 30.7),
        "52" => (106.7, 26.6),
        "53" => (102.7, 25.0),
        "54" => (91.1, 29.7),
        "61" => (108.9, 34.3),
        "62" => (103.8, 36.1),
        "63" => (101.8, 36.6),
        "64" => (106.3, 38.5),
        _ => (87.6, 43.8),
    };

    private static readonly (string Code, string Name)[] Provinces =
    [
        ("110000", "北京市"), ("120000", "天津市"), ("130000", "河北省"), ("140000", "山西省"), ("150000", "内蒙古自治区"),
        ("210000", "辽宁省"), ("220000", "吉林省"), ("230000", "黑龙江省"), ("310000", "上海市"), ("320000", "江苏省"),
        ("330000", "浙江省"), ("340000", "安徽省"), ("350000", "福建省"), ("360000", "江西省"), ("370000", "山东省"),
        ("410000", "河南省"), ("420000", "湖北省"), ("430000", "湖南省"), ("440000", "广东省"), ("450000", "广西壮族自治区"),
        ("460000", "海南省"), ("500000", "重庆市"), ("510000", "四川省"), ("520000", "贵州省"), ("530000", "云南省"),
        ("540000", "西藏自治区"), ("610000", "陕西省"), ("620000", "甘肃省"), ("630000", "青海省"), ("640000", "宁夏回族自治区"),
        ("650000", "新疆维吾尔自治区"),
    ];
}
