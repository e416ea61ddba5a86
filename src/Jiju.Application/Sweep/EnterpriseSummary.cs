using Jiju.Data;
using Jiju.Data.Bulk;
using Jiju.Domain.Industries;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>
/// What two rules need of every enterprise: each cluster's distinct industries, in ordinal order (art. 4's chain gaps),
/// and the credit codes of the industry leaders (art. 5's major attraction projects). Read once per run when the run
/// shares its reads (<see cref="SharedReads"/>): on SQLite the two come from one read of the table.
/// </summary>
internal sealed record EnterpriseSummary(Dictionary<string, List<IndustryCode>> IndustriesByCluster, HashSet<string> Leaders)
{
    public static Task<EnterpriseSummary> OfAsync(JijuDbContext db, CancellationToken cancellationToken) =>
        SharedReads.Of(db) is { } shared ? shared.EnterprisesAsync(db, cancellationToken) : Task.FromResult(Read(db, cancellationToken));

    /// <summary>
    /// PostgreSQL makes the cluster–industry pairs distinct and finds the leaders itself. On SQLite, whose <c>DISTINCT</c>
    /// reached each row through the cluster's index and sorted the pairs in a temporary B-tree (0.56 s nationally), and
    /// which has no index to find the leaders by (a second read of the table, 0.18 s), the table is read once in its own
    /// order: the pairs are made distinct here, each industry a string shared by its rows, and the leaders noted.
    /// </summary>
    public static EnterpriseSummary Read(JijuDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            var industries = db.Enterprises.AsNoTracking().Where(e => e.Cluster != null).Select(e => new { e.Cluster, e.Industry }).Distinct().ToList()
                .GroupBy(e => e.Cluster!.Value.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Industry).OrderBy(i => i.Value, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            var leaders = db.Enterprises.AsNoTracking().Where(e => e.IndustryLeader).Select(e => e.CreditCode).ToList()
                .Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            return new EnterpriseSummary(industries, leaders);
        }

        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var leadersRead = new HashSet<string>(StringComparer.Ordinal);
        using (var rows = BulkReader.Open(db, db.Enterprises.AsNoTracking().Select(e => new { e.Cluster, e.Industry, e.IndustryLeader, e.CreditCode })))
        {
            var (cluster, industry, leader, creditCode) = (rows.Ordinal("Cluster"), rows.Ordinal("Industry"), rows.Ordinal("IndustryLeader"), rows.Ordinal("CreditCode"));
            HashSet<string>? current = null;
            string? currentCluster = null;
            var read = 0;
            while (rows.Read())
            {
                if (++read % 65_536 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (rows.Whole(leader) != 0)
                {
                    leadersRead.Add(rows.Text(creditCode));
                }

                if (rows.Cluster(cluster) is not { } code)
                {
                    continue;
                }

                // A cluster's enterprises mostly follow each other: its set is looked up again only when the cluster changes.
                if (!ReferenceEquals(code.Value, currentCluster))
                {
                    currentCluster = code.Value;
                    if (!seen.TryGetValue(currentCluster, out current))
                    {
                        seen[currentCluster] = current = new HashSet<string>(StringComparer.Ordinal);
                    }
                }

                current!.Add(rows.RepeatedText(industry));
            }
        }

        var codes = new Dictionary<string, IndustryCode>(StringComparer.Ordinal);
        return new EnterpriseSummary(
            seen.ToDictionary(
                kv => kv.Key,
                kv => kv.Value.Order(StringComparer.Ordinal).Select(i => codes.TryGetValue(i, out var c) ? c : codes[i] = IndustryCode.Of(i)).ToList(),
                StringComparer.Ordinal),
            leadersRead);
    }
}
