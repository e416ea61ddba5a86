using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Jiju.Data;
using Jiju.Data.Bulk;
using Jiju.Data.Demo;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using Jiju.Policy.Engine;
using Jiju.Policy.Land;
using Microsoft.Data.Sqlite;

namespace Jiju.Bench.Micro;

/// <summary>
/// BenchmarkDotNet micro-benchmarks of the sweep's and the import's hot paths (<c>--micro</c>). They run in
/// process: BenchmarkDotNet's generated projects would inherit the repository's warnings-as-errors build.
/// </summary>
public static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.Combine(SuiteOptions.FindRepositoryRoot(), "bench", ".work", "BenchmarkDotNet.Artifacts"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(RuleBenchmarks), typeof(CreditCodeBenchmarks), typeof(BulkWriterBenchmarks), typeof(PostgresCopyRowsBenchmarks), typeof(KeysInFileBenchmarks), typeof(CellMemoBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }

    /// <summary>The i-th enterprise's credit code in 荥阳 (410182), as the benchmarks make their rows.</summary>
    internal static UnifiedSocialCreditCode CreditCode(int i) =>
        DemoRows.CreditCode("91", "410182", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"B{i:0000000}"));
}

/// <summary>One evaluation of art. 7 as the sweep makes it (through <see cref="IRule"/>), against the same decision by hand.</summary>
[MemoryDiagnoser]
public class RuleBenchmarks
{
    private readonly IRule _rule = RuleCatalog.Find(nameof(IdleLandIsChargedOrRecovered))!;
    private readonly RuleContext _context = new(new DateOnly(2015, 12, 31), ParameterSet.Shipped);

    private readonly IdleLandFacts _notIdle = new()
    {
        GrantType = GrantType.Transfer,
        Price = new Money(12_345_678.90m),
        AgreedStart = new DateOnly(2015, 3, 1),
        ActualStart = new DateOnly(2015, 5, 1),
    };

    private readonly IdleLandFacts _fee = new()
    {
        GrantType = GrantType.Transfer,
        Price = new Money(12_345_678.90m),
        AgreedStart = new DateOnly(2014, 6, 1),
    };

    [Benchmark(Baseline = true, Description = "hand-written decision (no trace)")]
    public long ByHand()
    {
        var start = _fee.ApprovedNewStart ?? _fee.AgreedStart;
        var late = Policy.Statute.StatutePeriods.FullYears(start, _context.AsOf);
        return late >= 2 ? -1 : late >= 1 ? (long)decimal.Round(_fee.Price.Yuan * 0.2m * 100m, 0, MidpointRounding.AwayFromZero) : 0;
    }

    [Benchmark(Description = "IdleLand rule: not idle (most parcels)")]
    public object EvaluateNotIdle() => _rule.Evaluate(_notIdle, _context);

    [Benchmark(Description = "IdleLand rule: fee")]
    public object EvaluateFee() => _rule.Evaluate(_fee, _context);

    // The parts of an evaluation, to see where its time goes (each evaluation does all of these).
    [Benchmark(Description = "part: FactFormatting.Describe(facts) (when a trace's facts are read)")]
    public object DescribeFacts() => FactFormatting.Describe(_fee);

    [Benchmark(Description = "part: rule.Article (the attribute read once per rule)")]
    public int Article() => _rule.Article.Number;

    [Benchmark(Description = "part: one parameter's value on the date (three per evaluation)")]
    public decimal Parameter() => _context.Parameters.Get("land.idle.fee-rate").At(_context.AsOf)!.AsDecimal;
}

/// <summary>Parsing and making unified social credit codes (every enterprise row of an import parses one).</summary>
[MemoryDiagnoser]
public class CreditCodeBenchmarks
{
    private readonly string _code = ValidCode();
    private readonly string _invalid = WrongCheckCharacter(ValidCode());

    private static string ValidCode() => DemoRows.CreditCode("91", "410182", "B0012345").Value;

    private static string WrongCheckCharacter(string valid) => valid[..17] + (valid[17] == '0' ? '1' : '0');

    [Benchmark(Description = "UnifiedSocialCreditCode.Parse (valid)")]
    public bool Parse() => UnifiedSocialCreditCode.Parse(_code).IsValid;

    [Benchmark(Description = "UnifiedSocialCreditCode.Parse (wrong check character)")]
    public bool ParseInvalid() => UnifiedSocialCreditCode.Parse(_invalid).IsValid;

    [Benchmark(Description = "UnifiedSocialCreditCode.CheckCharacter")]
    public char CheckCharacter() => UnifiedSocialCreditCode.CheckCharacter(_code.AsSpan(0, 17));
}

/// <summary>The bulk writer's cost per row on SQLite (10,000 enterprises per operation, rolled back each time).</summary>
[MemoryDiagnoser]
public class BulkWriterBenchmarks
{
    private const int Rows = 10_000;
    private string _path = string.Empty;
    private JijuDbContext? _db;
    private Enterprise[] _enterprises = [];

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"jiju-bench-bulk-{Environment.ProcessId}.db");
        File.Delete(_path);
        var options = new DatabaseOptions { SqlitePath = _path };
        DatabaseMigrator.MigrateAsync(options).GetAwaiter().GetResult();
        _db = options.CreateContext(JurisdictionScope.Province("bench"));
        _db.EnsureDivisionsLoaded();
        var county = DivisionCode.Of("410182");
        _enterprises = Enumerable.Range(0, Rows).Select(i => new Enterprise
        {
            CreditCode = MicroBenchmarks.CreditCode(i),
            Name = "河南华源科技有限公司",
            Industry = IndustryCode.Of("34"),
            County = county,
            RegisteredOn = new DateOnly(2010, 1, 1),
            Employees = 100,
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db?.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "BulkWriter.WriteAsync per row (SQLite, enterprises)")]
    public async Task<long> WritePerRow()
    {
        await using var transaction = await _db!.Database.BeginTransactionAsync();
        var written = await new BulkWriter(_db).WriteAsync(_enterprises, e => _db.DivisionDirectory.PathOf(e));
        await transaction.RollbackAsync();
        return written;
    }
}

/// <summary>
/// The PostgreSQL bulk writer's encoding of a row for binary COPY (<see cref="PostgresCopyRows"/>), without the server: an
/// enterprise's ten provider values, as the writer fills them, encoded into a stream that drops them (10,000 rows per
/// operation). Npgsql's importer, which this replaced, cannot run without a server; the import's figures compare them.
/// </summary>
[MemoryDiagnoser]
public class PostgresCopyRowsBenchmarks
{
    private const int Rows = 10_000;
    private object?[][] _rows = [];
    private Action<PostgresCopyRows, object>[] _encoders = [];

    [GlobalSetup]
    public void Setup()
    {
        _rows = Enumerable.Range(0, Rows).Select(i => new object?[]
        {
            MicroBenchmarks.CreditCode(i).Value, "河南华源科技有限公司", "34", "410182", i % 3 == 0 ? null : "41018201",
            i % 2 == 0, false, new DateOnly(2010, 1, 1).AddDays(i % 3_000), 100 + (i % 900), "41/4101/410182/41018201",
        }).ToArray();
        Type[] types = [typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(bool), typeof(bool), typeof(DateOnly), typeof(int), typeof(string)];
        _encoders = types.Select(PostgresCopyRows.EncoderFor).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "PostgresCopyRows: one enterprise row (10 fields) encoded, no server")]
    public int EncodePerRow()
    {
        using var rows = new PostgresCopyRows(Stream.Null, _encoders.Length);
        foreach (var row in _rows)
        {
            rows.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is { } value)
                {
                    _encoders[i](rows, value);
                }
                else
                {
                    rows.WriteNull();
                }
            }
        }

        rows.Complete();
        return _rows.Length;
    }
}

/// <summary>
/// The import's record of the keys a file has given (<see cref="Data.Import.KeysInFile"/>): 100,000 credit codes in key
/// order, as exports come, and shuffled, against the dictionary of strings it replaced. Each key is a new string, as each
/// row's cell is, so that only the dictionary keeps them alive: what <see cref="Data.Import.KeysInFile"/> saves is mostly
/// the collector's work on a million such strings, which a benchmark of 100,000 shows only in part.
/// </summary>
[MemoryDiagnoser]
public class KeysInFileBenchmarks
{
    private const int Keys = 100_000;
    private string[] _sorted = [];
    private string[] _shuffled = [];

    [GlobalSetup]
    public void Setup()
    {
        _sorted = Enumerable.Range(0, Keys).Select(i => MicroBenchmarks.CreditCode(i).Value).Order(StringComparer.Ordinal).ToArray();
        _shuffled = [.. _sorted];
        new Random(2012).Shuffle(_shuffled);
    }

    [Benchmark(Baseline = true, Description = "Dictionary<string, long>, keys in order")]
    public int DictionarySorted() => Dictionary(_sorted);

    [Benchmark(Description = "KeysInFile, keys in order")]
    public int KeysInFileSorted() => KeysInFile(_sorted);

    [Benchmark(Description = "Dictionary<string, long>, keys shuffled")]
    public int DictionaryShuffled() => Dictionary(_shuffled);

    [Benchmark(Description = "KeysInFile, keys shuffled")]
    public int KeysInFileShuffled() => KeysInFile(_shuffled);

    private static int Dictionary(string[] keys)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var repeated = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            repeated += seen.TryAdd(new string(keys[i].AsSpan()), i) ? 0 : 1;
        }

        return repeated;
    }

    private static int KeysInFile(string[] keys)
    {
        var seen = new Data.Import.KeysInFile();
        var repeated = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            repeated += seen.TryAdd(new string(keys[i].AsSpan()), i, out _) ? 0 : 1;
        }

        return repeated;
    }
}

/// <summary>
/// A CSV column's cells (1,000 founding dates out of some 5,000 distinct ones): parsed one by one, as each cell was, against
/// looked up by their characters in the column's <see cref="Data.Import.CellMemo"/>.
/// </summary>
[MemoryDiagnoser]
public class CellMemoBenchmarks
{
    private readonly Data.Import.ImportColumn _column = Data.Import.ImportCatalog.Find("enterprises")!.Columns.Single(c => c.Key == "registered_on");
    private readonly Data.Import.CellMemo _memo = new();
    private string[] _cells = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2012);
        _cells = Enumerable.Range(0, 1_000).Select(_ => new DateOnly(2000, 1, 1).AddDays(random.Next(5_000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var cell in _cells)
        {
            _memo.Add(cell, _column.Codec.Parse(cell));
        }
    }

    [Benchmark(Baseline = true, Description = "a date cell: a string, parsed")]
    public int Parse()
    {
        var valid = 0;
        foreach (var cell in _cells)
        {
            valid += _column.Codec.Parse(new string(cell.AsSpan())).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(Description = "a date cell: its characters, looked up in the memo")]
    public int Memo()
    {
        var valid = 0;
        foreach (var cell in _cells)
        {
            valid += _memo.TryGet(cell.AsSpan(), out var parsed) && parsed.IsValid ? 1 : 0;
        }

        return valid;
    }
}
