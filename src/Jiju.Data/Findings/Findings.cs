using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;

namespace Jiju.Data.Findings;

/// <summary>
/// One run of every rule over the database as of a date: a versioned, append-only record of what the
/// rules decided then, with the parameter overlay used (none for an official run).
/// </summary>
public sealed class SweepRun : IAppendOnly
{
    public long Id { get; init; }

    public required DateOnly AsOf { get; init; }

    public required DateTimeOffset RanAt { get; init; }

    public required string Actor { get; init; }

    /// <summary>The jurisdiction swept: the runner's scope path.</summary>
    public required string ScopePath { get; init; }

    public string? Overlay { get; init; }

    public required int Subjects { get; init; }

    public required int Findings { get; init; }
}

/// <summary>
/// What a rule decided about one subject (a parcel, project, cluster, village …) in a sweep run, with
/// the conclusion in Chinese and the full trace (trace.v1). Owned by the subject's jurisdiction.
/// </summary>
public sealed class Finding : IJurisdictionOwned, IAppendOnly
{
    public long Id { get; init; }

    public required long RunId { get; init; }

    public required string RuleId { get; init; }

    public required int Article { get; init; }

    public required string SubjectKind { get; init; }

    public required string Subject { get; init; }

    public required DivisionCode County { get; init; }

    public ClusterCode? Cluster { get; init; }

    public required string Outcome { get; init; }

    /// <summary>A short code for what was decided (e.g. Fee, Recover, Refused), for counting and filtering.</summary>
    public required string Kind { get; init; }

    public Money? Amount { get; init; }

    public required string Conclusion { get; init; }

    public required string Trace { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;
}
