using System.Globalization;
using Jiju.Domain.Divisions;
using Sylvan.Data.Csv;

namespace Jiju.Data.Reference;

/// <summary>
/// Reference data shipped with Jiju: Henan's administrative divisions (GB/T 2260, as listed by
/// the Ministry of Civil Affairs at 2014-12-31: the province, 17 prefecture cities, 济源 and 157
/// county-level units), with the approximate seat of each for maps.
/// </summary>
public static class ReferenceData
{
    public static IReadOnlyList<Division> HenanDivisions() => LazyHenan.Value;

    private static readonly Lazy<IReadOnlyList<Division>> LazyHenan = new(LoadHenan);

    private static List<Division> LoadHenan()
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("Jiju.Data.Reference.henan-divisions.csv")
            ?? throw new InvalidOperationException("缺少内嵌资源 henan-divisions.csv");
        using var reader = new StreamReader(stream);
        using var csv = CsvDataReader.Create(reader);
        var result = new List<Division>();
        while (csv.Read())
        {
            var parent = csv.GetString(2);
            result.Add(new Division
            {
                Code = DivisionCode.Of(csv.GetString(0)),
                Name = csv.GetString(1),
                Parent = parent.Length == 0 ? null : DivisionCode.Of(parent),
                Level = csv.GetString(3) switch
                {
                    "province" => DivisionLevel.Province,
                    "city" => DivisionLevel.City,
                    _ => DivisionLevel.County,
                },
                Kind = csv.GetString(4) switch
                {
                    "province" => DivisionKind.Province,
                    "prefecture-city" => DivisionKind.PrefectureCity,
                    "province-administered-city" => DivisionKind.ProvinceAdministeredCity,
                    "district" => DivisionKind.District,
                    "county" => DivisionKind.County,
                    "county-city" => DivisionKind.CountyCity,
                    var k => throw new InvalidDataException($"henan-divisions.csv: 未知的区划类别“{k}”"),
                },
                Longitude = double.Parse(csv.GetString(5), CultureInfo.InvariantCulture),
                Latitude = double.Parse(csv.GetString(6), CultureInfo.InvariantCulture),
            });
        }

        return result;
    }
}
