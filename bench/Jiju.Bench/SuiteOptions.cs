using System.Globalization;

namespace Jiju.Bench;

/// <summary>What the suite measures, on which datasets, and where it keeps them.</summary>
public sealed class SuiteOptions
{
    public const string Usage = """
        Jiju.Bench: the province and national benchmarks with their baselines (issue 5; see docs/performance.md).

        Usage: dotnet run -c Release --project bench/Jiju.Bench -- [options]

          --scale province|national|all   datasets to measure (default all: the province and the national curve)
          --fractions 0.25,0.5,1          the national curve: fractions of the national volume per zone (default 0.25,0.5,1)
          --only LIST                     measurements, comma-separated (default all):
                                          sweep, idle (art. 7 alone + DuckDB + floors), breakdown, assessment, import
          --import-rows 100000,300000,1000000
                                          import sizes: the largest is the headline, the others draw the memory curve
          --postgres CONNECTION           PostgreSQL admin connection for the import figures (also JIJU_BENCH_POSTGRES,
                                          then JIJU_TEST_POSTGRES); without one they are reported as not measured
          --seed N                        demo seed (default 2012)
          --repeat N                      runs per measurement on datasets under 1M parcels; the median is reported (default 3)
          --runs N                        fresh processes for the figures a target judges (the national sweep, the largest
                                          CSV imports into SQLite and PostgreSQL); the median is reported, and every run
                                          shown (default 5)
          --work DIR                      cache of generated datasets and import files (default bench/.work), keyed by
                                          seed, scale and code version, so a second run skips generation
          --keep-stale                    keep the cache's datasets, import files and PostgreSQL templates of other code
                                          versions (by default they are removed before the run: about 9 GiB a version;
                                          two suites of different versions sharing the work directory or the server
                                          at once should both keep them)
          --out PATH                      where the markdown goes (default docs/performance.md for the whole suite,
                                          DIR/performance.md for a partial run)
          --micro [BenchmarkDotNet args]  run the BenchmarkDotNet micro-benchmarks of hot paths instead
                                          (everything after --micro goes to BenchmarkDotNet, e.g. --filter '*Credit*')
          --help                          this text
        """;

    public bool Help { get; private init; }

    public bool Micro { get; private init; }

    public string[] MicroArgs { get; private init; } = [];

    public bool Province { get; private init; } = true;

    public bool National { get; private init; } = true;

    public IReadOnlyList<double> Fractions { get; private init; } = [0.25, 0.5, 1.0];

    public IReadOnlySet<string> Only { get; private init; } = AllMeasurements;

    public IReadOnlyList<int> ImportRows { get; private init; } = [100_000, 300_000, 1_000_000];

    public string? Postgres { get; private init; }

    public string PostgresSource { get; private init; } = "none";

    public int Seed { get; private init; } = 2012;

    public int Repeat { get; private init; } = 3;

    /// <summary>
    /// Fresh processes, one after the other, for each figure a target judges; the median run stands for it. Five: on this
    /// machine one build's fresh national sweeps ranged over 2.7–3.3 s within minutes, and a median of three moved with it.
    /// </summary>
    public int ProcessRuns { get; private init; } = 5;

    public string WorkDirectory { get; private init; } = string.Empty;

    /// <summary>Whether the cache of other code versions stays (<see cref="StaleCache"/>).</summary>
    public bool KeepStale { get; private init; }

    public string OutputPath { get; private init; } = string.Empty;

    public string RepositoryRoot { get; private init; } = string.Empty;

    /// <summary>The whole suite with its default sizes: only such a run writes docs/performance.md by default.</summary>
    public bool IsWholeSuite { get; private init; }

    /// <summary>The command line as given, for the report's reproduce section.</summary>
    public string CommandLine { get; private init; } = string.Empty;

    public static readonly IReadOnlySet<string> AllMeasurements = new HashSet<string>(["sweep", "idle", "breakdown", "assessment", "import"], StringComparer.Ordinal);

    public bool Runs(string measurement) => Only.Contains(measurement);

    public static SuiteOptions Parse(string[] args)
    {
        var root = FindRepositoryRoot();
        string? scale = null, fractions = null, only = null, rows = null, postgres = null, seed = null, repeat = null, runs = null, work = null, output = null;
        var help = false;
        var keepStale = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                case "--micro":
                    return new SuiteOptions { Micro = true, MicroArgs = args[(i + 1)..], RepositoryRoot = root };
                case "--scale":
                    scale = Value();
                    break;
                case "--fractions":
                    fractions = Value();
                    break;
                case "--only":
                    only = Value();
                    break;
                case "--import-rows":
                    rows = Value();
                    break;
                case "--postgres":
                    postgres = Value();
                    break;
                case "--seed":
                    seed = Value();
                    break;
                case "--repeat":
                    repeat = Value();
                    break;
                case "--runs":
                    runs = Value();
                    break;
                case "--keep-stale":
                    keepStale = true;
                    break;
                case "--work":
                    work = Value();
                    break;
                case "--out":
                    output = Value();
                    break;
                default:
                    throw new UsageException($"Unknown option {args[i]}");
            }
        }

        var (province, national) = (scale ?? "all") switch
        {
            "province" => (true, false),
            "national" => (false, true),
            "all" => (true, true),
            _ => throw new UsageException($"--scale must be province, national or all, not {scale}"),
        };
        var onlySet = only is null
            ? AllMeasurements
            : only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var m in onlySet.Where(m => !AllMeasurements.Contains(m)))
        {
            throw new UsageException($"--only: unknown measurement {m}; known: {string.Join(", ", AllMeasurements)}");
        }

        var fractionList = fractions is null
            ? [0.25, 0.5, 1.0]
            : fractions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v <= 1 ? v : throw new UsageException($"--fractions: {f} is not a number in (0, 1]"))
                .Distinct().Order().ToList();
        var rowList = rows is null
            ? [100_000, 300_000, 1_000_000]
            : rows.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => int.TryParse(r.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new UsageException($"--import-rows: {r} is not a positive whole number"))
                .Distinct().Order().ToList();

        var (connection, source) = postgres is not null ? (postgres, "--postgres")
            : Environment.GetEnvironmentVariable("JIJU_BENCH_POSTGRES") is { Length: > 0 } b ? (b, "JIJU_BENCH_POSTGRES")
            : Environment.GetEnvironmentVariable("JIJU_TEST_POSTGRES") is { Length: > 0 } t ? (t, "JIJU_TEST_POSTGRES")
            : ((string?)null, "none");

        var whole = scale is null or "all" && only is null && fractions is null && rows is null;
        var workDirectory = Path.GetFullPath(work ?? Path.Combine(root, "bench", ".work"));
        return new SuiteOptions
        {
            Help = help,
            Province = province,
            National = national,
            Fractions = fractionList,
            Only = onlySet,
            ImportRows = rowList,
            Postgres = connection,
            PostgresSource = source,
            Seed = seed is null ? 2012 : int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : throw new UsageException($"--seed: {seed} is not a whole number"),
            Repeat = PositiveCount("--repeat", repeat, 3),
            ProcessRuns = PositiveCount("--runs", runs, 5),
            WorkDirectory = workDirectory,
            KeepStale = keepStale,
            OutputPath = Path.GetFullPath(output ?? (whole ? Path.Combine(root, "docs", "performance.md") : Path.Combine(workDirectory, "performance.md"))),
            RepositoryRoot = root,
            IsWholeSuite = whole,
            CommandLine = string.Join(' ', args.Select(Quote)),
        };
    }

    /// <summary>The option's whole number, greater than zero, or <paramref name="fallback"/> when it was not given.</summary>
    private static int PositiveCount(string option, string? text, int fallback) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new UsageException($"{option}: {text} is not a positive whole number");

    private static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ',' or '/' or '=' or ':') ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The directory holding Jiju.slnx, from the working directory or the executable upwards.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Jiju.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>A child's arguments: <c>KIND --key value ...</c>.</summary>
public sealed class ChildArgs
{
    private readonly Dictionary<string, string> _values;

    private ChildArgs(string kind, Dictionary<string, string> values)
    {
        Kind = kind;
        _values = values;
    }

    public string Kind { get; }

    public string this[string key] => _values.TryGetValue(key, out var v) ? v : throw new UsageException($"child {Kind}: missing --{key}");

    public string? Optional(string key) => _values.GetValueOrDefault(key);

    public int Count(string key, int fallback) => _values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static ChildArgs Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new UsageException("child needs a kind");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new UsageException($"child {args[0]}: expected --key value at {args[i]}");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new ChildArgs(args[0], values);
    }
}
