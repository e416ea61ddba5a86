using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>
/// Rows that several rules of one run read alike, read once for the run: eleven rules of a sweep judge the live
/// projects, and two inputs of an assessment year (key and major-attraction projects) judge them again. Only while a run holds it open
/// (<see cref="Begin"/> … <see cref="Dispose"/>) and only for that context: nothing outlives the run, so no later
/// read sees rows older than the database.
/// </summary>
internal sealed class SharedReads : IDisposable
{
    private static readonly ConditionalWeakTable<JijuDbContext, SharedReads> Open = new();

    private readonly JijuDbContext _db;
    private readonly Dictionary<DateOnly, IReadOnlyList<InvestmentProject>> _liveProjects = [];

    private SharedReads(JijuDbContext db) => _db = db;

    /// <summary>Shares reads on <paramref name="db"/> until disposed; inside a run that already shares them, does nothing more.</summary>
    public static IDisposable Begin(JijuDbContext db)
    {
        if (Open.TryGetValue(db, out _))
        {
            return NothingToEnd.Instance;
        }

        var shared = new SharedReads(db);
        Open.Add(db, shared);
        return shared;
    }

    public static SharedReads? Of(JijuDbContext db) => Open.TryGetValue(db, out var shared) ? shared : null;

    /// <summary>The projects not cancelled and signed by <paramref name="asOf"/> (or not yet signed), read once per date.</summary>
    public async Task<IReadOnlyList<InvestmentProject>> LiveProjectsAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        if (!_liveProjects.TryGetValue(asOf, out var projects))
        {
            projects = await Projects.LiveQuery(_db, asOf).ToListAsync(cancellationToken);
            _liveProjects[asOf] = projects;
        }

        return projects;
    }

    public void Dispose() => Open.Remove(_db);

    private sealed class NothingToEnd : IDisposable
    {
        public static readonly NothingToEnd Instance = new();

        public void Dispose()
        {
        }
    }
}
