namespace Jiju.Domain.Divisions;

/// <summary>
/// An administrative division (行政区划). <see cref="Level"/> is the level it acts at, which
/// for 济源 (419001, 省直管) is the prefecture although its code has a county's shape.
/// </summary>
public sealed class Division
{
    public required DivisionCode Code { get; init; }

    public required string Name { get; init; }

    public DivisionCode? Parent { get; init; }

    public required DivisionLevel Level { get; init; }

    public required DivisionKind Kind { get; init; }

    /// <summary>Approximate seat of government, degrees in CGCS2000; used to place maps.</summary>
    public double? Longitude { get; init; }

    public double? Latitude { get; init; }
}

public enum DivisionKind
{
    Province = 1,
    PrefectureCity = 2,
    ProvinceAdministeredCity = 3,
    District = 4,
    County = 5,
    CountyCity = 6,
}
