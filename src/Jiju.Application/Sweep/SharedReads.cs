using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Policy.Environment;

namespace Jiju.Application.Sweep;

/// <summary>
/// Rows that several rules of one run read alike, read once for the run: eleven rules of a sweep judge the live
/// projects, two art. 18 rules the projects' planned emissions, art. 4 and art. 5 the enterprises, arts. 3, 8 and 26 the statistics, and two inputs of an assessment year (key and major-attraction
/// projects) judge the live projects again. Only while a run holds it open
/// (<see cref="Begin"/> until the handle it gives is disposed): nothing outlives the run, so no later read sees rows older than the
/// database. A run on several contexts (a sweep's workers) shares one set of reads among them (<see cref="Join"/>):
/// the rows are read once, on the context of the worker that first needs them, while the others wait for them. They
/// are entities and facts read without tracking and with init-only properties, so the workers share them safely, and every
/// context of a run has the same jurisdiction, so every worker would have read the same rows.
/// </summary>
internal sealed class SharedReads
{
    private static readonly ConditionalWeakTable<JijuDbContext, SharedReads> Open = new();

    private readonly ConcurrentDictionary<DateOnly, Lazy<IReadOnlyList<LiveProject>>> _liveProjects = new();

    private Lazy<Dictionary<string, List<ProjectEmissionFacts>>>? _plannedEmissions;

    private Lazy<EnterpriseSummary>? _enterprises;

    private readonly ConcurrentDictionary<DateOnly, Lazy<Task<LatestStatistics>>> _statistics = new();

    private SharedReads()
    {
    }

    /// <summary>Shares reads on <paramref name="db"/> until disposed; inside a run that already shares them, does nothing more.</summary>
    public static IDisposable Begin(JijuDbContext db) => new SharedReads().Join(db);

    /// <summary>Reads shared by the contexts that <see cref="Join"/> them.</summary>
    public static SharedReads ForRun() => new();

    /// <summary>Lets <paramref name="db"/> share this run's reads until disposed; a context already in a run stays in its own.</summary>
    public IDisposable Join(JijuDbContext db)
    {
        if (Open.TryGetValue(db, out _))
        {
            return NothingToEnd.Instance;
        }

        Open.Add(db, this);
        return new Membership(db);
    }

    public static SharedReads? Of(JijuDbContext db) => Open.TryGetValue(db, out var shared) ? shared : null;

    /// <summary>The projects not cancelled and signed by <paramref name="asOf"/> (or not yet signed), read once per date, on <paramref name="db"/> if no one has read them yet.</summary>
    public Task<IReadOnlyList<LiveProject>> LiveProjectsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        Task.FromResult(_liveProjects.GetOrAdd(asOf, date => new Lazy<IReadOnlyList<LiveProject>>(
            () => Projects.Read(db, date, cancellationToken).ToList())).Value);

    /// <summary>Each project's planned emissions (<see cref="PlannedEmissions"/>), read once per run, on <paramref name="db"/> if no one has read them yet.</summary>
    public Task<Dictionary<string, List<ProjectEmissionFacts>>> PlannedEmissionsAsync(JijuDbContext db, CancellationToken cancellationToken)
    {
        var read = new Lazy<Dictionary<string, List<ProjectEmissionFacts>>>(() => PlannedEmissions.Read(db, cancellationToken));
        return Task.FromResult((Interlocked.CompareExchange(ref _plannedEmissions, read, null) ?? read).Value);
    }

    /// <summary>What art. 4 and art. 5 need of every enterprise (<see cref="EnterpriseSummary"/>), read once per run, on <paramref name="db"/> if no one has read it yet.</summary>
    public Task<EnterpriseSummary> EnterprisesAsync(JijuDbContext db, CancellationToken cancellationToken)
    {
        var read = new Lazy<EnterpriseSummary>(() => EnterpriseSummary.Read(db, cancellationToken));
        return Task.FromResult((Interlocked.CompareExchange(ref _enterprises, read, null) ?? read).Value);
    }

    /// <summary>
    /// The statistics as last corrected by <paramref name="asOf"/> (<see cref="LatestStatistics"/>), read once per date, on
    /// <paramref name="db"/> if no one has read them yet; the others await the same read. As with the other reads, a read
    /// that fails or is cancelled stays so for the run: every context of a run shares the run's cancellation token.
    /// </summary>
    public Task<LatestStatistics> StatisticsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        _statistics.GetOrAdd(asOf, date => new Lazy<Task<LatestStatistics>>(() => LatestStatistics.ReadAsync(db, date, cancellationToken))).Value;

    /// <summary>Whether the live projects of <paramref name="asOf"/> have been asked for in this run.</summary>
    public bool HasLiveProjects(DateOnly asOf) => _liveProjects.ContainsKey(asOf);

    private sealed class Membership(JijuDbContext db) : IDisposable
    {
        public void Dispose() => Open.Remove(db);
    }

    private sealed class NothingToEnd : IDisposable
    {
        public static readonly NothingToEnd Instance = new();

        public void Dispose()
        {
        }
    }
}
