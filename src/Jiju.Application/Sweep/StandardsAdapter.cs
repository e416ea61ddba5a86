using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Domain.Divisions;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using Jiju.Policy.Engine;
using Jiju.Policy.Land;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>
/// Art. 8: industrial parcels against the loaded land-use control standards (用地控制标准). The industry is the
/// parcel's project's, or else its holder's. The standard is the one in force on the date for that industry in
/// the most specific scope (county, then city, then province), and for the most specific industry code.
/// With no standards loaded there is nothing to compare, so the rule is not asked at all.
/// </summary>
internal sealed class LandUseStandardsAdapter : IRuleAdapter
{
    public string RuleId => nameof(ProjectBelowLandUseStandardsLosesAllPreferences);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var standards = await db.LandUseStandards.AsNoTracking().ToListAsync(cancellationToken);
        if (standards.Count == 0)
        {
            yield break;
        }

        db.EnsureDivisionsLoaded();
        var projectIndustry = (await db.Projects.AsNoTracking().Select(p => new { p.Code, p.Industry }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Code.Value, p => p.Industry, StringComparer.Ordinal);
        var holderIndustry = (await db.Enterprises.AsNoTracking().Select(e => new { e.CreditCode, e.Industry }).ToListAsync(cancellationToken))
            .ToDictionary(e => e.CreditCode.Value, e => e.Industry, StringComparer.Ordinal);
        var industrial = LandUseClass.Of("0601");
        // The date of grant is checked as the rows are read: a condition on it in SQL could lead SQLite to read most of
        // the table through the index on the date (ADR 0013), one look-up a row.
        var parcels = db.Parcels.AsNoTracking()
            .Where(p => p.LandUse == industrial)
            .Select(p => new { p.Code, p.County, p.Cluster, p.Project, p.Holder, p.Area, p.FixedAssetInvestment, p.BuildingFootprint, p.FloorArea, p.GrantedOn });
        await foreach (var p in parcels.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (p.GrantedOn > asOf)
            {
                continue;
            }

            IndustryCode? industry = p.Project is { } project && projectIndustry.TryGetValue(project.Value, out var pi) ? pi
                : p.Holder is { } holder && holderIndustry.TryGetValue(holder.Value, out var hi) ? hi
                : null;
            if (industry is not { } known)
            {
                continue;
            }

            var standard = standards
                .Where(s => s.Covers(known, p.County, asOf))
                .OrderByDescending(s => Specificity(s.Scope))
                .ThenByDescending(s => s.Industry.Value.Length)
                .FirstOrDefault();
            yield return new Subject("宗地", p.Code.Value, p.County, p.Cluster, new LandUseStandardsFacts
            {
                Area = p.Area,
                FixedAssetInvestment = p.FixedAssetInvestment,
                BuildingFootprint = p.BuildingFootprint,
                FloorArea = p.FloorArea,
                MinInvestmentIntensity = standard?.MinInvestmentIntensity,
                MinBuildingCoefficient = standard?.MinBuildingCoefficient,
                MinPlotRatio = standard?.MinPlotRatio,
                StandardSource = standard?.Source,
            });
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is LandUseStandardsFinding { PreferencesWithdrawn: true } ? "BelowStandard" : null;

    private static int Specificity(DivisionCode scope) => scope.StructuralLevel switch
    {
        DivisionLevel.County => 3,
        DivisionLevel.City => 2,
        _ => 1,
    };
}
