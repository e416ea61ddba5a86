using Jiju.Application.Overview;
using Jiju.Data;
using Jiju.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>
/// Every year's statistics up to a date's year as last corrected by that date: for each year, each cluster's highest
/// version submitted by the date (as <see cref="OverviewService.LatestVersionsAsync"/> gives one year), in the
/// clusters' code order. What art. 3 (leading-industry gap), art. 8 (land supervision) and art. 26 (fiscal reward) read
/// of the statistics, so a sweep reads them once (<see cref="SharedReads"/>), in one query rather than one per rule and year.
/// A year whose statistics were all submitted after the date is not among the years.
/// </summary>
internal sealed class LatestStatistics
{
    private readonly SortedDictionary<int, SortedList<string, ClusterStatistics>> _years;

    private LatestStatistics(SortedDictionary<int, SortedList<string, ClusterStatistics>> years) => _years = years;

    /// <summary>The years with statistics submitted by the date, in order.</summary>
    public IEnumerable<int> Years => _years.Keys;

    /// <summary>The year's statistics, one per cluster in the clusters' code order; none for a year without any.</summary>
    public IList<ClusterStatistics> Of(int year) => _years.TryGetValue(year, out var clusters) ? clusters.Values : [];

    /// <summary>The cluster's statistics of the year, if it has any.</summary>
    public ClusterStatistics? Of(int year, string cluster) =>
        _years.TryGetValue(year, out var clusters) ? clusters.GetValueOrDefault(cluster) : null;

    /// <summary>The statistics as of <paramref name="asOf"/>: read once per date in a run that shares its reads, else read now.</summary>
    public static Task<LatestStatistics> OfAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        SharedReads.Of(db) is { } shared ? shared.StatisticsAsync(db, asOf, cancellationToken) : ReadAsync(db, asOf, cancellationToken);

    public static async Task<LatestStatistics> ReadAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken)
    {
        var rows = await db.Statistics.AsNoTracking()
            .Where(s => s.Year <= asOf.Year && s.SubmittedOn <= asOf)
            .ToListAsync(cancellationToken);
        var years = new SortedDictionary<int, SortedList<string, ClusterStatistics>>();
        foreach (var year in rows.GroupBy(s => s.Year))
        {
            years[year.Key] = new SortedList<string, ClusterStatistics>(
                OverviewService.HighestVersions(year).ToDictionary(s => s.Cluster.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        }

        return new LatestStatistics(years);
    }
}
