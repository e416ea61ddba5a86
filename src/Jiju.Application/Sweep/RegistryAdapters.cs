using System.Globalization;
using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Policy.Engine;
using Jiju.Policy.Industry;
using Jiju.Policy.Land;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>
/// Art. 4: each cluster whose leading industry has a chain defined (industrial_chain_links, by the leading
/// industry's 大类), against the industries of the cluster's enterprises. Clusters without a chain are not asked.
/// </summary>
internal sealed class ChainGapAdapter : IRuleAdapter
{
    public string RuleId => nameof(ChainGapsAreTheInvestmentCatalogue);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chains = (await db.IndustrialChainLinks.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(l => l.LeadingIndustry.Value[..2], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(l => (l.SegmentOrder, l.SegmentName, l.Position))
                    .OrderBy(s => s.Key.SegmentOrder)
                    .Select(s => new ChainSegment { Name = s.Key.SegmentName, Stage = (ChainStage)(int)s.Key.Position, Industries = s.Select(l => l.Industry).ToList() })
                    .ToList(),
                StringComparer.Ordinal);
        if (chains.Count == 0)
        {
            yield break;
        }

        var industries = (await EnterpriseSummary.OfAsync(db, cancellationToken)).IndustriesByCluster;
        await foreach (var c in db.Clusters.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (chains.TryGetValue(c.LeadingIndustry.Value[..2], out var segments))
            {
                yield return new Subject("集聚区", c.Code.Value, c.County, c.Code, new IndustrialChainFacts
                {
                    LeadingIndustry = c.LeadingIndustry,
                    Segments = segments,
                    EnterpriseIndustries = industries.GetValueOrDefault(c.Code.Value) ?? [],
                });
            }
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is ChainGapFinding { GapCount: > 0 } ? "Gaps" : null;
}

/// <summary>Art. 7: each city's or county's land revenue of each year up to the date, and the reward fund it yields.</summary>
internal sealed class RewardFundAdapter : IRuleAdapter
{
    public string RuleId => nameof(IntensiveLandUseRewardFundIsShareOfTransferIncomePlusIdleFees);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in db.LandRevenues.AsNoTracking().Where(r => r.Year <= asOf.Year).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new Subject("土地收入", $"{r.County.Value}/{r.Year.ToString(CultureInfo.InvariantCulture)}", r.County, null, new RewardFundFacts
            {
                Year = r.Year,
                LandTransferIncome = r.LandTransferIncome,
                IdleLandFeesCollected = r.IdleLandFeesCollected,
            });
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is RewardFundFinding { Fund.Yuan: > 0 } ? "Fund" : null;

    public Domain.Common.Money? Amount(DecisionResult decision) => (decision.Value as RewardFundFinding)?.Fund;
}
