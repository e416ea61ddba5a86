using System.Runtime.InteropServices;
using System.Text.Json;
using Jiju.Data;
using Jiju.Data.Bulk;
using Jiju.Data.Findings;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Policy.Administration;
using Jiju.Policy.Engine;
using Jiju.Policy.Planning;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>
/// One thing a rule is asked about: a parcel, a project, a cluster-year …, with its owner and its facts. A value, not an
/// object: a national sweep asks about twelve million subjects (eleven rules ask about each live project), and as records
/// they were 190 MB of the sweep's 1.54 GB allocated.
/// </summary>
public readonly record struct Subject(string Kind, string Key, DivisionCode County, ClusterCode? Cluster, object Facts);

/// <summary>
/// Feeds one rule from the database: which subjects it is asked about as of a date, their facts, and
/// which decisions are findings worth recording (a fee, a refusal), as opposed to routine ones.
/// </summary>
public interface IRuleAdapter
{
    string RuleId { get; }

    IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>A short code for the decision (e.g. Fee, Recover), or null when it is not a finding.</summary>
    string? Kind(DecisionResult decision);

    /// <summary>The money the finding is about (a fee, a reward), if any.</summary>
    Money? Amount(DecisionResult decision) => null;

    /// <summary>Whether its subjects are the live projects (<c>Projects.Live</c>), which a sweep reads once for all its rules.</summary>
    bool ReadsLiveProjects => false;
}

/// <summary>
/// An adapter over a table of millions of rows (parcels), whose subjects can be read in parts, each part on a
/// context of its own, so that every core reads. The parts together are exactly the subjects of
/// <see cref="IRuleAdapter.SubjectsAsync"/>, in the same order.
/// </summary>
public interface IPartitionedRuleAdapter : IRuleAdapter
{
    /// <summary>The parts for a sweep on <paramref name="workers"/> workers: one part when the table is small.</summary>
    IReadOnlyList<TablePart> Parts(JijuDbContext db, int workers);

    IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, TablePart part, CancellationToken cancellationToken);
}

/// <summary>
/// An adapter over a table whose rule can be a finding only for rows a condition the database checks by index lets
/// through (ADR 0013): a sweep reads those candidates, has the rule decide each, and counts the rest as routine
/// decisions, which the rule would have made and the sweep would only have counted.
/// </summary>
public interface IScreenedRuleAdapter : IRuleAdapter
{
    /// <summary>Whether <paramref name="context"/>'s parameters give a condition to screen by; when not, every subject is read.</summary>
    bool CanScreen(RuleContext context);

    /// <summary>How many subjects <see cref="IRuleAdapter.SubjectsAsync"/> would give.</summary>
    Task<int> CountAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>The subjects that could be findings, a subset of <see cref="IRuleAdapter.SubjectsAsync"/>'s, in key order.</summary>
    IAsyncEnumerable<Subject> CandidatesAsync(JijuDbContext db, RuleContext context, CancellationToken cancellationToken);
}

/// <summary>
/// What a sweep found about one subject: the rule, the subject, the outcome, the kind of finding and its money, and why.
/// The why (<see cref="Trace"/>, and its <see cref="Conclusion"/>) is written the first time it is asked for, by deciding
/// the subject again with its trace: a rule decides from its facts and the date's parameters only (ADR 0004), so it is the
/// decision the sweep made. A dry run or a what-if that only counts and sums its findings does not write the explanations
/// of a quarter of a million findings; a stored run writes each as it stores it, and drops it.
/// </summary>
public sealed class SweepFinding
{
    private readonly IRule _rule;
    private readonly object _facts;
    private readonly RuleContext _context;
    private Trace? _trace;

    /// <summary>A finding of <paramref name="rule"/> about <paramref name="subject"/>, explained when asked.</summary>
    internal SweepFinding(IRule rule, RuleContext context, Subject subject, string outcome, string kind, Money? amount)
    {
        (RuleId, Article, SubjectKind, Subject, County, Cluster, Outcome, Kind, Amount) = (rule.Id, rule.Article.Number, subject.Kind, subject.Key, subject.County, subject.Cluster, outcome, kind, amount);
        (_rule, _facts, _context) = (rule, subject.Facts, context);
    }

    public string RuleId { get; }

    public int Article { get; }

    public string SubjectKind { get; }

    public string Subject { get; }

    public DivisionCode County { get; }

    public ClusterCode? Cluster { get; }

    public string Outcome { get; }

    public string Kind { get; }

    public Money? Amount { get; }

    /// <summary>Why the rule decided so: the clause, parameters, facts, branch and conclusion.</summary>
    public Trace Trace => Volatile.Read(ref _trace) ?? Explain();

    public string Conclusion => Trace.Conclusion;

    private Trace Explain()
    {
        // Two threads asking at once both write it: the same words, since the rule is pure; one of them is kept.
        var trace = _rule.Evaluate(_facts, _context).Trace;
        return Interlocked.CompareExchange(ref _trace, trace, null) ?? trace;
    }
}

/// <summary>A rule's part of a run: its subjects, its findings by kind, and the sum of the money its findings name.</summary>
public sealed record RuleSummary(string RuleId, int Article, string Title, int Subjects, int Findings, IReadOnlyDictionary<string, int> ByKind, Money Amount);

/// <summary>A county's findings in a run: how many, and the sum of the money those that name an amount name.</summary>
public sealed record CountyTally(DivisionCode County, int Findings, Money Amount);

/// <summary>
/// A run's result: a summary per rule, a tally per county, and the findings themselves unless the run was asked not to keep
/// them (<see cref="FindingsKept"/>: a dry run that only shows the tallies).
/// </summary>
public sealed record SweepResult(long? RunId, DateOnly AsOf, IReadOnlyList<RuleSummary> Rules, IReadOnlyList<SweepFinding> Findings, int Subjects, IReadOnlyList<CountyTally> ByCounty, bool FindingsKept)
{
    /// <summary>How many findings the run made, whether or not it kept them.</summary>
    public int FindingCount => ByCounty.Sum(t => t.Findings);
}

/// <summary>What <see cref="SweepService.JudgeAsync(JijuDbContext, IReadOnlyList{IRuleAdapter}, RuleContext, bool, CancellationToken)"/> found: a summary per rule, the findings (unless not kept) and a tally per county.</summary>
internal sealed record Judgement(List<RuleSummary> Summaries, List<SweepFinding> Findings, IReadOnlyList<CountyTally> ByCounty)
{
    public void Deconstruct(out List<RuleSummary> summaries, out List<SweepFinding> findings) => (summaries, findings) = (Summaries, Findings);
}

/// <summary>
/// Runs every rule that has an adapter over the caller's jurisdiction as of a date. The findings are
/// kept (and, when stored, written as a versioned run); routine decisions are only counted.
/// </summary>
public sealed class SweepService(JijuDbContext db, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public static IReadOnlyList<IRuleAdapter> Adapters { get; } = RuleAdapters.All;

    /// <summary>
    /// The rules the sweep cannot run from the database yet, by id, with the reason (shown by <c>jiju sweep</c>).
    /// Every rule in the catalogue has either an adapter or an entry here, never both.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotSwept { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(DynamicAdjustmentIsRecommendedFromAssessment)] = "按年度而非按日期判断，由年度考核给出：见 jiju assess --year YYYY（每个集聚区的建议及其依据）",
        [nameof(CommitteeGradeFollowsAssessment)] = "按年度而非按日期判断，由年度考核给出：见 jiju assess --year YYYY（管委会升降级建议及其依据）",
        [nameof(ExpansionRequestIsCheckedAgainstPlansFarmlandAndRanking)] = "扩区、调整空间布局的申请随审批流程提供，数据库中尚无申请记录；所需的土地节约集约利用评价排名见 jiju assess --kind land",
    };

    /// <summary>
    /// Runs every rule as of <paramref name="asOf"/>. A stored run keeps its findings to write them; a run that is not stored
    /// may leave them out (<paramref name="keepFindings"/> false) when its caller shows only the summaries and tallies, as
    /// <c>jiju sweep --dry-run</c> does: nationally, keeping a quarter of a million findings to the end of the run, each with
    /// its facts, was a sixth of its time (ADR 0007, fifth amendment).
    /// </summary>
    public async Task<SweepResult> RunAsync(DateOnly asOf, IReadOnlyDictionary<string, string>? overlay = null, bool store = true, bool keepFindings = true, CancellationToken cancellationToken = default)
    {
        if (store && !keepFindings)
        {
            throw new ArgumentException("保存的运行必须保留其发现", nameof(keepFindings));
        }

        db.EnsureDivisionsLoaded();
        var parameters = ParameterSet.Shipped.WithOverlay(overlay ?? new Dictionary<string, string>());
        var context = new RuleContext(asOf, parameters);
        var judgement = await JudgeAsync(db, Adapters, context, keepFindings, cancellationToken);
        var subjects = judgement.Summaries.Sum(s => s.Subjects);
        long? runId = store ? await StoreAsync(asOf, overlay, subjects, judgement.Findings, cancellationToken) : null;
        return new SweepResult(runId, asOf, judgement.Summaries, judgement.Findings, subjects, judgement.ByCounty, keepFindings);
    }

    /// <summary>Runs <paramref name="adapters"/>' rules as the sweep does, keeping their findings.</summary>
    internal static Task<Judgement> JudgeAsync(JijuDbContext db, IReadOnlyList<IRuleAdapter> adapters, RuleContext context, CancellationToken cancellationToken) =>
        JudgeAsync(db, adapters, context, keepFindings: true, cancellationToken);

    /// <summary>
    /// Runs <paramref name="adapters"/>' rules as the sweep does, and returns a summary per rule (in the adapters'
    /// order), the findings (none when <paramref name="keepFindings"/> is false) and a tally per county (in code order);
    /// the benchmark times art. 7 alone through it.
    /// </summary>
    internal static async Task<Judgement> JudgeAsync(JijuDbContext db, IReadOnlyList<IRuleAdapter> adapters, RuleContext context, bool keepFindings, CancellationToken cancellationToken)
    {
        // The rules run on every core, each worker on a context of its own (a context is not thread-safe), taking the
        // next piece of work as it finishes one, in the order of Plan: a rule, a part of a partitioned table, or a count.
        // The results are put back in the adapters' order (and a rule's parts in the table's order), so a run reads the same
        // whatever the cores. Inside a transaction the rules run on this context alone: another connection would not
        // see what the transaction has written.
        // A screened rule is two pieces: counting its subjects, and deciding the candidates the database lets through.
        var workers = db.Database.CurrentTransaction is null ? Math.Max(1, Environment.ProcessorCount) : 1;
        var pieces = Plan(db, adapters, context, workers);
        var outcomes = new RuleOutcome[pieces.Length];
        workers = Math.Min(workers, pieces.Length);

        // The live projects, which a dozen rules share, are read first on one worker while the others start on the work
        // that does not need them: read later, by the first project rule, the other workers' project rules would wait for them idle.
        var prefetch = workers > 1 && adapters.Any(a => a.ReadsLiveProjects);
        var contexts = new List<JijuDbContext> { db };
        var next = -1;
        var shared = SharedReads.ForRun();
        try
        {
            for (var w = 1; w < workers; w++)
            {
                contexts.Add(db.CreateSibling());
            }

            await Task.WhenAll(contexts.Select(c => Task.Run(
                async () =>
                {
                    using var member = shared.Join(c);
                    if (prefetch && Interlocked.Exchange(ref prefetch, false))
                    {
                        await shared.LiveProjectsAsync(c, context.AsOf, cancellationToken);
                    }

                    int k;
                    while ((k = Interlocked.Increment(ref next)) < pieces.Length)
                    {
                        var piece = pieces[k];
                        outcomes[k] = piece switch
                        {
                            { Work: PieceWork.Count, Adapter: IScreenedRuleAdapter screened } =>
                                RuleOutcome.Counted(piece.Adapter, await screened.CountAsync(c, context.AsOf, cancellationToken)),
                            { Work: PieceWork.Candidates, Adapter: IScreenedRuleAdapter screened } =>
                                await RunRuleAsync(screened.CandidatesAsync(c, context, cancellationToken), piece.Adapter, context, countSubjects: false, keepFindings, cancellationToken),
                            { Adapter: IPartitionedRuleAdapter partitioned, Part: { } part } =>
                                await RunRuleAsync(partitioned.SubjectsAsync(c, context.AsOf, part, cancellationToken), piece.Adapter, context, countSubjects: true, keepFindings, cancellationToken),
                            _ => await RunRuleAsync(piece.Adapter.SubjectsAsync(c, context.AsOf, cancellationToken), piece.Adapter, context, countSubjects: true, keepFindings, cancellationToken),
                        };
                    }
                },
                cancellationToken)));
        }
        finally
        {
            foreach (var sibling in contexts.Skip(1))
            {
                await sibling.DisposeAsync();
            }
        }

        var byRule = pieces.Select((piece, k) => (piece.Index, Outcome: outcomes[k]))
            .GroupBy(p => p.Index)
            .OrderBy(g => g.Key)
            .Select(g => RuleOutcome.Merge(g.Select(p => p.Outcome).ToList()))
            .ToList();
        var byCounty = Tally.ByCounty(byRule.SelectMany(o => o.ByCounty))
            .Select(kv => new CountyTally(kv.Key, kv.Value.Findings, kv.Value.Amount))
            .OrderBy(t => t.County.Value, StringComparer.Ordinal)
            .ToList();
        return new Judgement(byRule.Select(o => o.Summary).ToList(), byRule.SelectMany(o => o.Findings).ToList(), byCounty);
    }

    /// <summary>
    /// The pieces of a sweep's work in the order the workers take them:
    /// <list type="number">
    /// <item>the parts of a partitioned table and the counts of screened rules: the largest reads, and reads of an index alone;</item>
    /// <item>the rules whose subjects are not the live projects: while one worker reads the live projects for every rule that
    /// judges them, the others have this work, where a project rule taken then would wait for them idle (a national sweep's
    /// second worker waited 0.85 s of its 4.3 s so);</item>
    /// <item>the rules that judge the live projects.</item>
    /// </list>
    /// Within each, the adapters' order. The order of the results does not depend on it.
    /// </summary>
    internal static Piece[] Plan(JijuDbContext db, IReadOnlyList<IRuleAdapter> adapters, RuleContext context, int workers) =>
        adapters
            .SelectMany((adapter, index) => adapter switch
            {
                IScreenedRuleAdapter screened when screened.CanScreen(context) =>
                    [new Piece(index, adapter, null, PieceWork.Count), new Piece(index, adapter, null, PieceWork.Candidates)],
                IPartitionedRuleAdapter partitioned => partitioned.Parts(db, workers).Select(part => new Piece(index, adapter, part, PieceWork.Subjects)),
                _ => [new Piece(index, adapter, null, PieceWork.Subjects)],
            })
            .OrderBy(p => p.Part is not null || p.Work == PieceWork.Count ? 0 : p.Adapter.ReadsLiveProjects ? 2 : 1)
            .ToArray();

    /// <summary>
    /// The rule's decision on each subject; the subjects are counted unless another piece counts them (a screened rule's
    /// candidates are among the subjects its count piece counts). Each finding is tallied by its county, and kept when
    /// <paramref name="keepFindings"/>.
    /// </summary>
    private static async Task<RuleOutcome> RunRuleAsync(IAsyncEnumerable<Subject> subjects, IRuleAdapter adapter, RuleContext context, bool countSubjects, bool keepFindings, CancellationToken cancellationToken)
    {
        var rule = RuleOf(adapter);
        var count = 0;
        var byKind = new Dictionary<string, int>(StringComparer.Ordinal);
        var byCounty = new Dictionary<DivisionCode, Tally>();
        var findings = new List<SweepFinding>();
        await foreach (var subject in subjects.WithCancellation(cancellationToken))
        {
            count++;
            // Decisions are made without writing their trace: most are routine and only counted, and a finding writes its
            // trace when it is asked for (SweepFinding.Trace).
            var decision = rule.EvaluateWithoutTrace(subject.Facts, context);
            if (adapter.Kind(decision) is not { } kind)
            {
                continue;
            }

            byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
            var amount = adapter.Amount(decision);
            ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(byCounty, subject.County, out _);
            tally = tally.Add(new Tally(1, amount ?? Money.Zero));
            if (keepFindings)
            {
                findings.Add(new SweepFinding(rule, context, subject, decision.Outcome.ToString(), kind, amount));
            }
        }

        return new RuleOutcome(new RuleSummary(rule.Id, rule.Article.Number, rule.Title, countSubjects ? count : 0, byKind.Values.Sum(), byKind, byCounty.Values.Aggregate(Money.Zero, (sum, t) => sum + t.Amount)), findings, byCounty);
    }

    /// <summary>A county's findings so far, and their money.</summary>
    private readonly record struct Tally(int Findings, Money Amount)
    {
        public Tally Add(Tally other) => new(Findings + other.Findings, Amount + other.Amount);

        /// <summary>The tallies of each county added up: a rule's parts, or a run's rules.</summary>
        public static Dictionary<DivisionCode, Tally> ByCounty(IEnumerable<KeyValuePair<DivisionCode, Tally>> tallies)
        {
            var sums = new Dictionary<DivisionCode, Tally>();
            foreach (var (county, tally) in tallies)
            {
                ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, county, out _);
                sum = sum.Add(tally);
            }

            return sums;
        }
    }

    private static IRule RuleOf(IRuleAdapter adapter) =>
        RuleCatalog.Find(adapter.RuleId) ?? throw new InvalidOperationException($"适配器引用了不存在的规则 {adapter.RuleId}");

    internal enum PieceWork
    {
        /// <summary>Read the subjects (of a part) and decide each.</summary>
        Subjects,

        /// <summary>Count a screened rule's subjects.</summary>
        Count,

        /// <summary>Decide a screened rule's candidates.</summary>
        Candidates,
    }

    internal sealed record Piece(int Index, IRuleAdapter Adapter, TablePart? Part, PieceWork Work);

    private sealed record RuleOutcome(RuleSummary Summary, IReadOnlyList<SweepFinding> Findings, IReadOnlyDictionary<DivisionCode, Tally> ByCounty)
    {
        /// <summary>The outcome of counting a screened rule's subjects: no findings.</summary>
        public static RuleOutcome Counted(IRuleAdapter adapter, int subjects)
        {
            var rule = RuleOf(adapter);
            return new RuleOutcome(new RuleSummary(rule.Id, rule.Article.Number, rule.Title, subjects, 0, new Dictionary<string, int>(StringComparer.Ordinal), Money.Zero), [], new Dictionary<DivisionCode, Tally>());
        }

        /// <summary>A rule's outcome from the outcomes of its parts, in the parts' order.</summary>
        public static RuleOutcome Merge(IReadOnlyList<RuleOutcome> parts)
        {
            if (parts.Count == 1)
            {
                return parts[0];
            }

            var first = parts[0].Summary;
            var byKind = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (kind, n) in parts.SelectMany(p => p.Summary.ByKind))
            {
                byKind[kind] = byKind.GetValueOrDefault(kind) + n;
            }

            return new RuleOutcome(
                first with { Subjects = parts.Sum(p => p.Summary.Subjects), Findings = parts.Sum(p => p.Summary.Findings), ByKind = byKind, Amount = parts.Aggregate(Money.Zero, (sum, p) => sum + p.Summary.Amount) },
                [.. parts.SelectMany(p => p.Findings)],
                Tally.ByCounty(parts.SelectMany(p => p.ByCounty)));
        }
    }

    private async Task<long> StoreAsync(DateOnly asOf, IReadOnlyDictionary<string, string>? overlay, int subjects, List<SweepFinding> findings, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = new SweepRun
        {
            AsOf = asOf,
            RanAt = _time.GetUtcNow(),
            Actor = db.Scope.Actor,
            ScopePath = db.Scope.Path,
            Overlay = overlay is { Count: > 0 } ? JsonSerializer.Serialize(overlay) : null,
            Subjects = subjects,
            Findings = findings.Count,
        };
        db.SweepRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await new BulkWriter(db).WriteAsync(
            findings.Select(f => new Finding
            {
                RunId = run.Id,
                RuleId = f.RuleId,
                Article = f.Article,
                SubjectKind = f.SubjectKind,
                Subject = f.Subject,
                County = f.County,
                Cluster = f.Cluster,
                Outcome = f.Outcome,
                Kind = f.Kind,
                Amount = f.Amount,
                Conclusion = f.Conclusion,
                Trace = f.Trace.ToJson(),
            }),
            f => db.DivisionDirectory.PathOf(f.County, f.Cluster),
            cancellationToken);
        db.AuditLog.Add(new Domain.Audit.AuditEntry
        {
            At = run.RanAt,
            Actor = db.Scope.Actor,
            Scope = db.Scope.Path,
            Action = "sweep",
            Subject = $"run {run.Id} as of {asOf:yyyy-MM-dd}",
            Details = $"{subjects} subjects, {findings.Count} findings",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run.Id;
    }
}
