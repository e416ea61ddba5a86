using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Jiju.Application.Sweep;
using Jiju.Data;
using Jiju.Data.Demo;
using Jiju.Data.Jurisdiction;
using Jiju.Policy.Engine;
using Jiju.Policy.Land;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Bench;

/// <summary>
/// The measurements, one per child process. Each prints progress lines and, at the end, its
/// <see cref="ChildResult"/> with the process's peak working set, allocation and GC figures.
/// </summary>
public static partial class Children
{
    public static async Task<int> RunAsync(ChildArgs args)
    {
        var result = new ChildResult();
        Func<ChildArgs, ChildResult, Task> body = args.Kind switch
        {
            "generate" => GenerateAsync,
            "sweep" or "sweep-county" => SweepAsync,
            "sweep-breakdown" => SweepBreakdownAsync,
            "idle" => IdleLandAsync,
            "duckdb-idle" => IdleLandBaselines.DuckDbAsync,
            "columns-idle" => IdleLandBaselines.ColumnsAsync,
            "floor-file" => Floors.FileAsync,
            "assessment" => AssessmentChildren.JijuAsync,
            "duckdb-assessment" => AssessmentChildren.DuckDbAsync,
            "import-files" => ImportChildren.MakeFilesAsync,
            "import" => ImportChildren.ImportAsync,
            "import-raw" => ImportChildren.RawAsync,
            "import-table" => ImportChildren.TableAsync,
            "pg-template" => ImportChildren.PostgresTemplateAsync,
            _ => throw new UsageException($"unknown child kind {args.Kind}"),
        };
        try
        {
            await body(args, result);
        }
        catch (Exception e)
        {
            // The suite shows the last line of a failed child as the reason.
            await Console.Error.WriteLineAsync(e.ToString());
            await Console.Error.WriteLineAsync($"error: {e.GetType().Name}: {e.Message}");
            return 1;
        }

        result.AddProcessFigures();
        await Console.Out.WriteLineAsync(ChildResult.Marker + result.ToJson());
        return 0;
    }

    public static DatabaseOptions Sqlite(string path) => new() { Provider = DatabaseProvider.Sqlite, SqlitePath = path };

    public static DateOnly AsOf(ChildArgs a) => DateOnly.ParseExact(a["as-of"], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The sweep's jurisdiction: the province, as <c>jiju sweep</c> acts, above it for the national dataset (<c>system</c>),
    /// or the node of a division or cluster code, as <c>jiju sweep --as CODE</c> acts.
    /// </summary>
    public static JurisdictionScope Scope(ChildArgs a)
    {
        switch (a["scope"])
        {
            case "system":
                return JurisdictionScope.System("bench");
            case "province":
                return JurisdictionScope.Province("bench");
            default:
                using (var province = Sqlite(a["db"]).CreateContext(JurisdictionScope.Province("bench")))
                {
                    province.EnsureDivisionsLoaded();
                    return new JurisdictionScope("bench", province.DivisionDirectory.ScopePathOf(a["scope"]));
                }
        }
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static void Say(string text) => Console.WriteLine(text);

    /// <summary>Generates a dataset exactly as <c>jiju demo generate --scale …</c> does, into a new file.</summary>
    private static async Task GenerateAsync(ChildArgs a, ChildResult r)
    {
        var path = a["db"];
        var scale = Enum.Parse<DemoScale>(a["scale"]);
        var fraction = double.Parse(a["fraction"], CultureInfo.InvariantCulture);
        var dataset = scale == DemoScale.Province ? Dataset.Province : Dataset.National(fraction);
        File.Delete(path);
        var options = Sqlite(path);
        var stopwatch = Stopwatch.StartNew();
        await DatabaseMigrator.MigrateAsync(options);
        await using var db = options.CreateContext(scale == DemoScale.National ? JurisdictionScope.System("bench") : JurisdictionScope.Province("bench"));
        var lastReport = Stopwatch.StartNew();
        var report = await new DemoGenerator(db).GenerateAsync(
            new DemoOptions(int.Parse(a["seed"], CultureInfo.InvariantCulture), scale, dataset.Volume),
            new InlineProgress<DemoProgress>(p =>
            {
                if (lastReport.Elapsed.TotalSeconds >= 15)
                {
                    lastReport.Restart();
                    Say($"generating {p.Table}: {p.Rows:N0} rows");
                }
            }));
        stopwatch.Stop();
        r["seconds"] = stopwatch.Elapsed.TotalSeconds;
        r["clusters"] = report.Clusters;
        foreach (var (table, rows) in report.RowsByTable)
        {
            r["rows." + table] = rows;
        }

        r["rows"] = report.RowsByTable.Values.Sum();
        Say($"generated {report.Clusters:N0} zones, {report.RowsByTable.Values.Sum():N0} rows in {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// Item 1: the sweep as <c>jiju sweep --as-of DATE --dry-run</c> runs it — every rule with an adapter
    /// over every subject, findings tallied by rule and county but not kept (ADR 0007, fifth amendment), nothing stored.
    /// Timed from opening the context to the result.
    /// </summary>
    private static async Task SweepAsync(ChildArgs a, ChildResult r)
    {
        var options = Sqlite(a["db"]);
        var asOf = AsOf(a);
        await DatabaseMigrator.MigrateAsync(options);
        await CountEntitiesAsync(options, Scope(a), r);
        var times = new List<double>();
        for (var i = 0; i < a.Count("repeat", 1); i++)
        {
            var (compiling, compiled) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
            var stopwatch = Stopwatch.StartNew();
            await using var db = options.CreateContext(Scope(a));
            var result = await new SweepService(db).RunAsync(asOf, store: false, keepFindings: false);
            stopwatch.Stop();
            times.Add(stopwatch.Elapsed.TotalSeconds);
            if (i == 0)
            {
                // What the first run, in a process that has not swept yet, spent compiling its code (EF Core's queries
                // and materialisers, the adapters, the rules): the time of every thread that compiled, background included.
                r["first_jit_seconds"] = (JitInfo.GetCompilationTime() - compiling).TotalSeconds;
                r["first_jit_methods"] = JitInfo.GetCompiledMethodCount() - compiled;
            }

            r["subjects"] = result.Subjects;
            r["findings"] = result.FindingCount;
            r["rules"] = result.Rules.Count;
            var idle = result.Rules.Single(s => s.RuleId == nameof(IdleLandIsChargedOrRecovered));
            r["idle.fee"] = idle.ByKind.GetValueOrDefault(nameof(IdleLandStatus.Fee));
            r["idle.recover"] = idle.ByKind.GetValueOrDefault(nameof(IdleLandStatus.Recover));
            r["idle.fee_fen"] = (double)(idle.Amount.Yuan * 100m);
            Say($"run {i + 1}: {result.Subjects:N0} subjects, {result.FindingCount:N0} findings in {stopwatch.Elapsed.TotalSeconds:0.00} s");
        }

        r["seconds"] = Median(times);
        r["seconds_first"] = times[0];
        r["seconds_min"] = times.Min();
        r["runs"] = times.Count;
    }

    /// <summary>The rows the sweep is about, counted before timing: parcels, projects, enterprises.</summary>
    private static async Task CountEntitiesAsync(DatabaseOptions options, JurisdictionScope scope, ChildResult r)
    {
        await using var db = options.CreateContext(scope);
        r["parcels"] = await db.Parcels.LongCountAsync();
        r["projects"] = await db.Projects.LongCountAsync();
        r["enterprises"] = await db.Enterprises.LongCountAsync();
        r["entities"] = r["parcels"] + r["projects"] + r["enterprises"];
        r["file_bytes"] = new FileInfo(options.SqlitePath).Length;
    }

    /// <summary>
    /// Diagnosis for item 1: the sweep's own loop, rule by rule, with the time spent waiting for the adapter
    /// (query, materialisation, facts) apart from the time in the rule (evaluation and trace), and the bytes
    /// allocated. Stopwatch calls add ~0.1 µs per subject; the headline figure is <see cref="SweepAsync"/>.
    /// The rules share their reads as in a sweep (<see cref="SharedReads"/>): the first rule that judges the live
    /// projects pays for reading them, and the others find them read.
    /// </summary>
    private static async Task SweepBreakdownAsync(ChildArgs a, ChildResult r)
    {
        var options = Sqlite(a["db"]);
        var asOf = AsOf(a);
        await DatabaseMigrator.MigrateAsync(options);
        await using var db = options.CreateContext(Scope(a));
        db.EnsureDivisionsLoaded();
        var context = new RuleContext(asOf, ParameterSet.Shipped);
        var findings = new List<SweepFinding>();
        var total = Stopwatch.StartNew();
        using var shared = SharedReads.Begin(db);
        foreach (var adapter in SweepService.Adapters)
        {
            var rule = RuleCatalog.Find(adapter.RuleId) ?? throw new InvalidOperationException(adapter.RuleId);
            var load = new Stopwatch();
            var evaluate = new Stopwatch();
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            long subjects = 0, found = 0, counted = 0;

            // A screened rule as the sweep runs it (ADR 0013): its subjects counted, and only its candidates read and decided.
            var screened = adapter is IScreenedRuleAdapter s && s.CanScreen(context) ? s : null;
            if (screened is not null)
            {
                load.Start();
                counted = await screened.CountAsync(db, asOf, CancellationToken.None);
                load.Stop();
            }

            var enumerator = (screened?.CandidatesAsync(db, context, CancellationToken.None) ?? adapter.SubjectsAsync(db, asOf, CancellationToken.None)).GetAsyncEnumerator();
            await using (enumerator)
            {
                while (true)
                {
                    load.Start();
                    var more = await enumerator.MoveNextAsync();
                    load.Stop();
                    if (!more)
                    {
                        break;
                    }

                    subjects++;
                    var subject = enumerator.Current;
                    evaluate.Start();
                    var decision = rule.EvaluateWithoutTrace(subject.Facts, context);
                    if (adapter.Kind(decision) is { } kind)
                    {
                        found++;
                        findings.Add(new SweepFinding(rule, context, subject, decision.Outcome.ToString(), kind, adapter.Amount(decision)));
                    }

                    evaluate.Stop();
                }
            }

            var key = "rule." + rule.Id;
            r[key + ".article"] = rule.Article.Number;
            if (screened is not null)
            {
                r[key + ".candidates"] = subjects;
                subjects = counted;
            }

            r[key + ".subjects"] = subjects;
            r[key + ".findings"] = found;
            r[key + ".load_seconds"] = load.Elapsed.TotalSeconds;
            r[key + ".evaluate_seconds"] = evaluate.Elapsed.TotalSeconds;
            r[key + ".allocated_bytes"] = GC.GetTotalAllocatedBytes(precise: false) - allocated;
            Say($"{rule.Id}: {subjects:N0} subjects, {found:N0} findings, load {load.Elapsed.TotalSeconds:0.00} s, evaluate {evaluate.Elapsed.TotalSeconds:0.00} s");
        }

        r["seconds"] = total.Elapsed.TotalSeconds;
        r["findings"] = findings.Count;
    }

    /// <summary>
    /// Art. 7 alone, the part of the sweep that DuckDB repeats: the sweep's own adapter and rule over every
    /// parcel granted by the date, run by the sweep's own code (the parcels counted and the candidates decided as the
    /// sweep screens them, ADR 0013; findings kept as the sweep keeps them, each writing its trace when asked for).
    /// </summary>
    private static async Task IdleLandAsync(ChildArgs a, ChildResult r)
    {
        var options = Sqlite(a["db"]);
        var asOf = AsOf(a);
        await DatabaseMigrator.MigrateAsync(options);
        var adapter = SweepService.Adapters.Single(x => x.RuleId == nameof(IdleLandIsChargedOrRecovered));
        var rule = RuleCatalog.Find(adapter.RuleId)!;
        var times = new List<double>();
        for (var i = 0; i < a.Count("repeat", 1); i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await using var db = options.CreateContext(Scope(a));
            db.EnsureDivisionsLoaded();
            var context = new RuleContext(asOf, ParameterSet.Shipped);
            var (summaries, findings) = await SweepService.JudgeAsync(db, [adapter], context, CancellationToken.None);
            var subjects = summaries.Single().Subjects;
            stopwatch.Stop();
            times.Add(stopwatch.Elapsed.TotalSeconds);
            r["subjects"] = subjects;
            r["findings"] = findings.Count;
            r["idle.fee"] = findings.Count(f => f.Kind == nameof(IdleLandStatus.Fee));
            r["idle.recover"] = findings.Count(f => f.Kind == nameof(IdleLandStatus.Recover));
            r["idle.fee_fen"] = (double)findings.Where(f => f.Amount is not null).Sum(f => f.Amount!.Value.Yuan * 100m);
            Say($"run {i + 1}: {subjects:N0} parcels, {findings.Count:N0} findings in {stopwatch.Elapsed.TotalSeconds:0.00} s");
        }

        r["seconds"] = Median(times);
        r["seconds_first"] = times[0];
        r["runs"] = times.Count;
    }
}

/// <summary>Reports on the caller's thread as it happens (Progress&lt;T&gt; would post to the thread pool).</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
