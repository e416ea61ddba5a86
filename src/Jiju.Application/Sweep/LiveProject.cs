using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;

namespace Jiju.Application.Sweep;

/// <summary>
/// A live investment project as the project rules read it (<see cref="Projects.Read"/>): every column of
/// <see cref="InvestmentProject"/>, with the same names and values, but its name and location, which no rule reads. A run
/// keeps its live projects to its end for a dozen rules, so the collector copies what they hold: nationally the names were
/// 190,817 strings, decoded from UTF-8 and copied for nothing.
/// </summary>
internal sealed class LiveProject
{
    public required ProjectCode Code { get; init; }

    public required UnifiedSocialCreditCode Investor { get; init; }

    public required Money Investment { get; init; }

    public required IndustryCode Industry { get; init; }

    public required DivisionCode County { get; init; }

    public ClusterCode? Cluster { get; init; }

    public required ProjectPurpose Purpose { get; init; }

    public LandUseClass? LandUse { get; init; }

    public Area? SiteArea { get; init; }

    public Area? BuildingFootprint { get; init; }

    public Area? FloorArea { get; init; }

    public int? Storeys { get; init; }

    public bool SpecialIndustryRequirement { get; init; }

    public bool SuitsStandardPlant { get; init; }

    public required ProjectStage Stage { get; init; }

    public string? ResponsibleUnit { get; init; }

    public string? ResponsiblePerson { get; init; }

    public bool LandPreReviewed { get; init; }

    public bool LandEvaluated { get; init; }

    public bool? ConformsToPlanEia { get; init; }

    public decimal? SafetyCapacityDemand { get; init; }

    public UnifiedSocialCreditCode? IntroducedBy { get; init; }

    public DateOnly? SignedOn { get; init; }

    public DateOnly? StartedOn { get; init; }
}
