using Jiju.Domain.Common;

namespace Jiju.Domain.Audit;

/// <summary>One line of the append-only audit log: who did what to which records, when.</summary>
public sealed class AuditEntry : IAppendOnly
{
    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    /// <summary>The actor's jurisdiction path at the time (e.g. 410000/410100/).</summary>
    public required string Scope { get; init; }

    public required string Action { get; init; }

    public required string Subject { get; init; }

    public string? Details { get; init; }
}
