using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Jiju.Data.Demo;

namespace Jiju.Bench;

/// <summary>
/// Runs the suite: makes sure the datasets and import files exist (generating what the cache lacks),
/// runs each measurement in a child process, and hands the outcomes to <see cref="Report"/>.
/// </summary>
public sealed class Suite(SuiteOptions options)
{
    private readonly Outcomes _outcomes = new();
    private bool _assessedNationalInDuckDb;

    /// <summary>The draws of the sensitivity analysis the target names.</summary>
    public const int AssessmentDraws = 10_000;

    public static readonly DateOnly AsOf = DemoGenerator.AsOf;

    /// <summary>The county whose own sweep the suite measures on every dataset: 中原区 (郑州), one cluster, in all of them.</summary>
    public const string County = "410102";

    public async Task<int> RunAsync()
    {
        var started = DateTimeOffset.Now;
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(options.WorkDirectory);
        Say($"Jiju.Bench — work directory {options.WorkDirectory}, code version {CodeVersion.Data}");
        if (!options.KeepStale)
        {
            await RemoveStaleCacheAsync();
        }

        var environment = await EnvironmentInfo.CollectAsync(options);
        foreach (var (key, value) in environment)
        {
            Say($"  {key}: {value}");
        }

        var datasets = new List<Dataset>();
        if (options.Province)
        {
            datasets.Add(Dataset.Province);
        }

        if (options.National)
        {
            datasets.AddRange(options.Fractions.Select(Dataset.National));
        }

        var needsDatasets = options.Runs("sweep") || options.Runs("idle") || options.Runs("breakdown") || options.Runs("assessment");
        if (needsDatasets)
        {
            foreach (var dataset in datasets)
            {
                await EnsureDatasetAsync(dataset);
            }

            foreach (var dataset in datasets)
            {
                await MeasureDatasetAsync(dataset, dataset == datasets[^1]);
            }
        }

        if (options.Runs("import"))
        {
            await MeasureImportAsync();
        }

        total.Stop();
        environment.Add(("Load average at end (1, 5, 15 min)", EnvironmentInfo.LoadAverage()));
        var markdown = Report.Build(options, environment, datasets.Where(d => _outcomes.Has("generate", d.Name)).ToList(), _outcomes, started, total.Elapsed);
        await Console.Out.WriteLineAsync();
        await Console.Out.WriteLineAsync(markdown);
        await Report.WriteAsync(options.OutputPath, markdown);
        Say($"Written to {options.OutputPath} after {total.Elapsed:hh\\:mm\\:ss}.");
        return _outcomes.Failures.Any() ? 1 : 0;
    }

    private static void Say(string text) => Console.WriteLine(text);

    private string LogDirectory => Path.Combine(options.WorkDirectory, "logs");

    private async Task<ChildOutcome> ChildAsync(string kind, string dataset, Dictionary<string, string> arguments)
    {
        var outcome = await RunChildAsync(kind, $"[{dataset}]", arguments);
        _outcomes.Add(kind, dataset, outcome);
        return outcome;
    }

    private async Task<ChildOutcome> RunChildAsync(string kind, string label, Dictionary<string, string> arguments)
    {
        Say($"==> {kind} {label}");
        var outcome = await ChildProcess.RunAsync(kind, arguments, LogDirectory);
        if (outcome.Failure is { } failure)
        {
            Say("    FAILED: " + failure);
        }

        return outcome;
    }

    /// <summary>
    /// A figure that a target judges, measured in <see cref="SuiteOptions.ProcessRuns"/> fresh processes one after the other: the
    /// run of median time stands for it, and every run's time is kept beside it (<c>runs_seconds</c>), so that a reader sees
    /// how far one run strays on this machine and no verdict rests on one lucky or unlucky run.
    /// </summary>
    private async Task<ChildOutcome> ChildMedianAsync(string kind, string dataset, Dictionary<string, string> arguments)
    {
        var runs = new List<ChildOutcome>();
        for (var i = 1; i <= options.ProcessRuns; i++)
        {
            var outcome = await RunChildAsync(kind, $"[{dataset}] run {i} of {options.ProcessRuns}", arguments);
            if (outcome.Result is null)
            {
                _outcomes.Add(kind, dataset, outcome);
                return outcome;
            }

            runs.Add(outcome);
        }

        var median = runs.OrderBy(r => r.Result!["seconds"]).ElementAt(runs.Count / 2);
        median.Result!.Metrics["runs_in_processes"] = runs.Count;
        median.Result.Notes["runs_seconds"] = string.Join(", ", runs.Select(r => r.Result!["seconds"].ToString("0.00", CultureInfo.InvariantCulture)));
        _outcomes.Add(kind, dataset, median);
        return median;
    }

    /// <summary>Generates the dataset unless the cache has it; the generation's own figures are kept beside the file.</summary>
    private async Task EnsureDatasetAsync(Dataset dataset)
    {
        var path = dataset.PathIn(options.WorkDirectory, options.Seed);
        var figures = path + ".json";
        if (_outcomes.Has("generate", dataset.Name))
        {
            return; // Generated (or found) earlier in this run: the import needs the province the measurements made.
        }

        if (File.Exists(path) && File.Exists(figures))
        {
            Say($"==> dataset {dataset.Name}: cached ({path})");
            var cached = ChildResult.FromJson(await File.ReadAllTextAsync(figures));
            cached.Notes["cached"] = "generated in an earlier run";
            _outcomes.Add("generate", dataset.Name, new ChildOutcome(cached, null, TimeSpan.Zero, string.Empty));
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".part";
        var outcome = await ChildAsync("generate", dataset.Name, new()
        {
            ["db"] = building,
            ["scale"] = dataset.Scale.ToString(),
            ["fraction"] = dataset.Fraction.ToString(CultureInfo.InvariantCulture),
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
        });
        if (outcome.Result is { } result)
        {
            File.Move(building, path, overwrite: true);
            await File.WriteAllTextAsync(figures, result.ToJson());
        }
    }

    private async Task MeasureDatasetAsync(Dataset dataset, bool largest)
    {
        var path = dataset.PathIn(options.WorkDirectory, options.Seed);
        if (!File.Exists(path))
        {
            return;
        }

        var small = dataset.Scale == DemoScale.Province || dataset.Fraction * 10_000_000 < 1_000_000;
        var common = new Dictionary<string, string>
        {
            ["db"] = path,
            ["as-of"] = AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["scope"] = dataset.Scale == DemoScale.National ? "system" : "province",
            ["repeat"] = (small ? options.Repeat : 1).ToString(CultureInfo.InvariantCulture),
        };
        if (options.Runs("sweep"))
        {
            // The floor first: its warm-up pass brings the file into the page cache, from which the floor is then read, so
            // the sweep too reads from memory, not from the disk, as a sweep of a database in use does.
            await ChildAsync("floor-file", dataset.Name, new() { ["path"] = path });
            await (largest && dataset.Scale == DemoScale.National
                ? ChildMedianAsync("sweep", dataset.Name, new(common))
                : ChildAsync("sweep", dataset.Name, new(common)));

            // One county's share, as its officials sweep it: it should cost what the county's own rows cost, however
            // many other counties the database holds.
            await ChildAsync("sweep-county", dataset.Name, new(common) { ["scope"] = County, ["repeat"] = options.Repeat.ToString(CultureInfo.InvariantCulture) });
        }

        if (options.Runs("idle"))
        {
            // Since ADR 0013 art. 7 reads a few parcels and counts the rest: well under a second on any dataset, so the
            // median of --repeat runs in one process, as DuckDB's query is the median of its runs after its load.
            await ChildAsync("idle", dataset.Name, new(common) { ["repeat"] = options.Repeat.ToString(CultureInfo.InvariantCulture) });
            await ChildAsync("duckdb-idle", dataset.Name, new(common));
            await ChildAsync("columns-idle", dataset.Name, new(common));
        }

        // Item 2. DuckDB's sensitivity query over the national zones would hold 380 million weighted scores: it runs on the
        // province and the first national dataset only, whose zones (and so whose assessment computation) the larger ones share.
        if (options.Runs("assessment"))
        {
            // A run takes about a second on the province, where the JIT is still tiering up over the first runs: five at least.
            var assessment = new Dictionary<string, string>(common)
            {
                ["draws"] = AssessmentDraws.ToString(CultureInfo.InvariantCulture),
                ["repeat"] = (small ? Math.Max(5, options.Repeat) : 1).ToString(CultureInfo.InvariantCulture),
            };
            await ChildAsync("assessment", dataset.Name, assessment);
            if (dataset.Scale == DemoScale.Province || !_assessedNationalInDuckDb)
            {
                _assessedNationalInDuckDb |= dataset.Scale == DemoScale.National;
                await ChildAsync("duckdb-assessment", dataset.Name, assessment);
            }
        }

        // The breakdown costs another sweep: on the province and the largest dataset only.
        if (options.Runs("breakdown") && (dataset.Scale == DemoScale.Province || largest))
        {
            await ChildAsync("sweep-breakdown", dataset.Name, new(common));
        }
    }

    /// <summary>The cache of other code versions, which this run cannot use (<see cref="StaleCache"/>).</summary>
    private async Task RemoveStaleCacheAsync()
    {
        var files = StaleCache.RemoveFiles(options.WorkDirectory, CodeVersion.Data);
        var removed = files.Removed.ToList();
        var left = files.Left.ToList();
        if (options.Postgres is { } pg)
        {
            var templates = await StaleCache.DropTemplatesAsync(pg, CodeVersion.Data);
            removed.AddRange(templates.Removed);
            left.AddRange(templates.Left);
        }

        if (removed.Count > 0)
        {
            Say(string.Create(CultureInfo.InvariantCulture, $"Removed the cache of other code versions ({files.Bytes / (1024.0 * 1024 * 1024):0.0} GiB on disk; --keep-stale keeps it):"));
            foreach (var item in removed)
            {
                Say("  " + item);
            }
        }

        if (left.Count > 0)
        {
            Say("Left in place, of the cache of other code versions:");
            foreach (var item in left)
            {
                Say("  " + item);
            }
        }
    }

    private async Task MeasureImportAsync()
    {
        await EnsureDatasetAsync(Dataset.Province);
        var province = Dataset.Province.PathIn(options.WorkDirectory, options.Seed);
        if (!File.Exists(province))
        {
            _outcomes.NotMeasured("import", "all", "not measured: the province dataset (the import's target) could not be generated");
            return;
        }

        string? template = null;
        if (options.Postgres is { } pg)
        {
            template = $"jiju_bench_tpl_{CodeVersion.Data}_s{options.Seed}";
            var made = await ChildAsync("pg-template", "province", new() { ["pg"] = pg, ["template"] = template, ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture) });
            if (made.Result is null)
            {
                template = null;
            }
        }

        foreach (var rows in options.ImportRows)
        {
            var directory = ImportDirectory(rows);
            var csv = Path.Combine(directory, ImportChildren.Entity + ".csv");
            var xlsx = Path.Combine(directory, ImportChildren.Entity + ".xlsx");
            var sizeName = ImportName(rows);
            if (!File.Exists(csv) || !File.Exists(xlsx))
            {
                var made = await ChildAsync("import-files", sizeName, new()
                {
                    ["base"] = province,
                    ["rows"] = rows.ToString(CultureInfo.InvariantCulture),
                    ["out"] = directory,
                    ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
                });
                if (made.Result is null)
                {
                    continue;
                }
            }

            foreach (var (format, file) in new[] { ("csv", csv), ("xlsx", xlsx) })
            {
                var sqlite = SqliteImport(file, province);
                await (format == "csv" && rows == options.ImportRows.Max()
                    ? ChildMedianAsync("import", $"{sizeName}/{format}/sqlite", sqlite)
                    : ChildAsync("import", $"{sizeName}/{format}/sqlite", sqlite));
                await ChildAsync("import-raw", $"{sizeName}/{format}/sqlite", sqlite);
                if (format == "csv")
                {
                    await ChildAsync("import-table", $"{sizeName}/{format}/sqlite", sqlite);
                }
                var key = $"{sizeName}/{format}/postgres";
                if (template is null)
                {
                    var reason = options.Postgres is null
                        ? "not measured: no PostgreSQL connection (give --postgres or JIJU_BENCH_POSTGRES)"
                        : "not measured: the PostgreSQL template database could not be made (see the pg-template log)";
                    _outcomes.NotMeasured("import", key, reason);
                    _outcomes.NotMeasured("import-raw", key, reason);
                    if (format == "csv")
                    {
                        _outcomes.NotMeasured("import-table", key, reason);
                    }

                    continue;
                }

                var postgres = new Dictionary<string, string>
                {
                    ["provider"] = "postgres",
                    ["file"] = file,
                    ["pg"] = options.Postgres!,
                    ["template"] = template,
                    ["target"] = "jiju_bench_import",
                };
                await (format == "csv" && rows == options.ImportRows.Max()
                    ? ChildMedianAsync("import", key, postgres)
                    : ChildAsync("import", key, postgres));
                await ChildAsync("import-raw", key, postgres);
                if (format == "csv")
                {
                    await ChildAsync("import-table", key, postgres);
                }
            }
        }

        // The largest CSV again with its rows in random order: an export is sorted by key, a file from elsewhere may not be.
        if (options.ImportRows.Count > 0)
        {
            var rows = options.ImportRows.Max();
            var directory = ImportDirectory(rows);
            var sorted = Path.Combine(directory, ImportChildren.Entity + ".csv");
            var shuffled = Path.Combine(directory, "shuffled", ImportChildren.Entity + ".csv");
            if (File.Exists(sorted))
            {
                if (!File.Exists(shuffled))
                {
                    Shuffle(sorted, shuffled, options.Seed);
                }

                await ChildAsync("import", ShuffledKey(rows), SqliteImport(shuffled, province));
            }
        }
    }

    /// <summary>Where the import files of <paramref name="rows"/> rows are cached, by seed and code version.</summary>
    private string ImportDirectory(int rows) =>
        Path.Combine(options.WorkDirectory, "imports", string.Create(CultureInfo.InvariantCulture, $"enterprises-{rows}-seed{options.Seed}-{CodeVersion.Data}"));

    /// <summary>The import child's arguments for <paramref name="file"/> into a fresh copy of <paramref name="province"/> on SQLite.</summary>
    private Dictionary<string, string> SqliteImport(string file, string province) => new()
    {
        ["provider"] = "sqlite",
        ["file"] = file,
        ["base"] = province,
        ["target"] = Path.Combine(options.WorkDirectory, "import-target.db"),
    };

    /// <summary>The outcome key of the CSV import into SQLite of <paramref name="rows"/> rows in random order.</summary>
    public static string ShuffledKey(int rows) => ImportName(rows) + " in random order/csv/sqlite";

    /// <summary>A copy of a CSV file with its data rows in an order drawn from <paramref name="seed"/>, the header first.</summary>
    private static void Shuffle(string from, string to, int seed)
    {
        var lines = File.ReadAllLines(from, Encoding.UTF8);
        new Random(seed).Shuffle(lines.AsSpan(1));
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.WriteAllLines(to + ".tmp", lines, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.Move(to + ".tmp", to, overwrite: true);
    }

    public static string ImportName(int rows) => rows.ToString("N0", CultureInfo.InvariantCulture) + " rows";
}

/// <summary>Every child's outcome by measurement kind and dataset (or import size/format/provider).</summary>
public sealed class Outcomes
{
    private readonly Dictionary<(string Kind, string Key), ChildOutcome> _results = [];
    private readonly Dictionary<(string Kind, string Key), string> _notMeasured = [];

    public void Add(string kind, string key, ChildOutcome outcome) => _results[(kind, key)] = outcome;

    public void NotMeasured(string kind, string key, string reason) => _notMeasured[(kind, key)] = reason;

    public bool Has(string kind, string key) => _results.TryGetValue((kind, key), out var o) && o.Result is not null;

    public ChildResult? Result(string kind, string key) => _results.TryGetValue((kind, key), out var o) ? o.Result : null;

    /// <summary>Why there is no figure: not measured (with the reason), failed (with the log), or not run.</summary>
    public string Reason(string kind, string key) =>
        _notMeasured.TryGetValue((kind, key), out var reason) ? reason
        : _results.TryGetValue((kind, key), out var o) && o.Failure is { } f ? "failed: " + f
        : "not run (excluded by --only/--scale)";

    public IEnumerable<string> Failures => _results.Values.Where(o => o.Failure is not null).Select(o => o.Failure!);

    public string ToJson() => JsonSerializer.Serialize(_results.Where(r => r.Value.Result is not null).ToDictionary(r => r.Key.Kind + "|" + r.Key.Key, r => r.Value.Result));
}
