using Jiju.Data;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;

namespace Jiju.Application.Sweep;

/// <summary>One subject whose finding differs between the baseline and the overlay.</summary>
public sealed record WhatIfChange(string RuleId, string Subject, ClusterCode? Cluster, string? BaselineKind, Money? BaselineAmount, string? ScenarioKind, Money? ScenarioAmount);

public sealed record WhatIfResult(SweepResult Baseline, SweepResult Scenario, IReadOnlyList<WhatIfChange> Changes);

/// <summary>
/// What a change of parameters would do: the sweep with the shipped parameters and with the overlay,
/// compared subject by subject. Nothing is stored.
/// </summary>
public sealed class WhatIfService(JijuDbContext db)
{
    public async Task<WhatIfResult> RunAsync(DateOnly asOf, IReadOnlyDictionary<string, string> overlay, CancellationToken cancellationToken = default)
    {
        var sweep = new SweepService(db);
        var baseline = await sweep.RunAsync(asOf, store: false, cancellationToken: cancellationToken);
        var scenario = await sweep.RunAsync(asOf, overlay, store: false, cancellationToken: cancellationToken);
        var before = baseline.Findings.ToDictionary(f => (f.RuleId, f.Subject));
        var after = scenario.Findings.ToDictionary(f => (f.RuleId, f.Subject));
        var changes = before.Keys.Union(after.Keys)
            .Select(k => (Before: before.GetValueOrDefault(k), After: after.GetValueOrDefault(k), Key: k))
            .Where(x => x.Before?.Kind != x.After?.Kind || x.Before?.Amount != x.After?.Amount)
            .Select(x => new WhatIfChange(x.Key.RuleId, x.Key.Subject, (x.Before ?? x.After)!.Cluster, x.Before?.Kind, x.Before?.Amount, x.After?.Kind, x.After?.Amount))
            .OrderBy(c => c.Cluster?.Value, StringComparer.Ordinal)
            .ThenBy(c => c.RuleId, StringComparer.Ordinal)
            .ThenBy(c => c.Subject, StringComparer.Ordinal)
            .ToList();
        return new WhatIfResult(baseline, scenario, changes);
    }
}
