using System.CommandLine;
using Jiju.Data;
using Jiju.Data.Jurisdiction;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Jiju.Cli;

/// <summary>
/// The <c>jiju</c> command. Exit codes: 0 done; 1 the input or the request was refused (nothing
/// changed); 2 the command line itself was wrong.
/// </summary>
public static class JijuCommand
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        });
        if (console.Profile.Capabilities.Interactive is false)
        {
            // Redirected output (files, CI logs, tests) is read by people later: don't wrap tables at 80 columns.
            console.Profile.Width = 160;
        }

        var context = new CliContext(console, error);
        var root = new RootCommand("集聚 Jiju：河南省产业集聚区政策实施平台（数据、规则、考核、流程、报表）");
        foreach (var option in context.GlobalOptions)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(DbCommands.Create(context));
        root.Subcommands.Add(DemoCommands.Create(context));
        root.Subcommands.Add(ImportCommands.Create(context));
        root.Subcommands.Add(ExportCommands.Create(context));
        root.Subcommands.Add(StatsCommand.Create(context));
        foreach (var command in RulesCommands.Create(context).Concat(SweepCommands.Create(context)).Append(AssessCommands.Create(context)))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("用 jiju --help 查看用法。");
            return 2;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
    }
}

/// <summary>What every command shares: the console, the database options and the caller's jurisdiction.</summary>
internal sealed class CliContext(IAnsiConsole console, TextWriter error)
{
    public IAnsiConsole Console { get; } = console;

    public TextWriter Error { get; } = error;

    public Option<string?> Db { get; } = new("--db")
    {
        Description = "SQLite 数据库文件（默认 jiju.db；也可设环境变量 JIJU_DATABASE__SQLITEPATH）",
        Recursive = true,
    };

    public Option<DatabaseProvider?> Provider { get; } = new("--provider")
    {
        Description = "数据库类型：Sqlite（默认）或 Postgres（JIJU_DATABASE__PROVIDER）",
        Recursive = true,
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "数据库连接字符串，PostgreSQL 必填（JIJU_DATABASE__CONNECTIONSTRING）",
        Recursive = true,
    };

    public Option<string?> As { get; } = new("--as")
    {
        Description = "以某一级用户身份操作：行政区划代码（如 410100）或集聚区代码（8位）；默认省级",
        Recursive = true,
    };

    public IEnumerable<Option> GlobalOptions => [Db, Provider, Connection, As];

    public DatabaseOptions DatabaseOptions(ParseResult parse)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("JIJU_")
            .Build();
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        if (parse.GetValue(Db) is { } db)
        {
            options.SqlitePath = db;
            options.ConnectionString = null;
        }

        if (parse.GetValue(Provider) is { } provider)
        {
            options.Provider = provider;
        }

        if (parse.GetValue(Connection) is { } connection)
        {
            options.ConnectionString = connection;
        }

        return options;
    }

    /// <summary>
    /// Opens the database at province level whatever <c>--as</c> says, for computations whose population is the province
    /// (a ranking); the caller then shows only what the jurisdiction of <see cref="OpenAsync"/> covers.
    /// </summary>
    public async Task<JijuDbContext> OpenProvinceAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = DatabaseOptions(parse);
        await DatabaseMigrator.MigrateAsync(options, cancellationToken);
        return options.CreateContext(JurisdictionScope.Province(System.Environment.UserName));
    }

    /// <summary>Opens the database in the caller's jurisdiction, migrating it first so a fresh file just works.</summary>
    public async Task<JijuDbContext> OpenAsync(ParseResult parse, CancellationToken cancellationToken, bool aboveProvince = false)
    {
        var options = DatabaseOptions(parse);
        await DatabaseMigrator.MigrateAsync(options, cancellationToken);
        var actor = System.Environment.UserName;
        var top = aboveProvince ? JurisdictionScope.System(actor) : JurisdictionScope.Province(actor);
        var db = options.CreateContext(top);
        if (parse.GetValue(As) is { } node)
        {
            db.EnsureDivisionsLoaded();
            var path = db.DivisionDirectory.ScopePathOf(node);
            var directory = db.DivisionDirectory;
            await db.DisposeAsync();
            db = options.CreateContext(new JurisdictionScope(actor, path), directory);
        }

        return db;
    }

    /// <summary>
    /// Long work with a visible status: a spinner with the current status on a terminal; on redirected
    /// output (CI logs, files) one plain line per status change, at most one a second.
    /// </summary>
    public async Task<T> WithProgressAsync<T>(string title, Func<IProgress<string>, Task<T>> work)
    {
        if (Console.Profile.Capabilities.Interactive)
        {
            return await Console.Status().StartAsync(title, async status =>
                await work(new Progress<string>(text => status.Status(Markup.Escape($"{title}：{text}")))));
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var last = TimeSpan.FromSeconds(-1);
        var result = await work(new SynchronousProgress(text =>
        {
            if (started.Elapsed - last >= TimeSpan.FromSeconds(1))
            {
                last = started.Elapsed;
                Console.WriteLine($"[{started.Elapsed:hh\\:mm\\:ss}] {title}：{text}");
            }
        }));
        Console.WriteLine($"[{started.Elapsed:hh\\:mm\\:ss}] {title}：完成");
        return result;
    }

    /// <summary>Reports on the caller's thread, so lines come out in order.</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }

    /// <summary>A date option as yyyy-MM-dd, or a refusal naming the option and what it got.</summary>
    /// <summary>Parameter overrides given as <c>--set id=value</c> (what-if); the values are checked when the overlay is applied.</summary>
    public static Dictionary<string, string> ParseOverlay(IEnumerable<string> pairs)
    {
        var overlay = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new FormatException($"--set 应形如 参数=值，实为“{pair}”");
            }

            overlay[pair[..at]] = pair[(at + 1)..];
        }

        return overlay;
    }

    public static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : throw new FormatException($"{option} 应为日期（yyyy-MM-dd），实为“{text}”");

    /// <summary>Runs a command body and turns refusals into a clear message and exit code 1.</summary>
    public async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or IOException or UnauthorizedAccessException or FormatException or Policy.Engine.ParameterFileException or Assessment.Indicators.IndicatorSetException)
        {
            Console.MarkupLineInterpolated($"[red]错误：[/]{e.Message}");
            await Error.WriteLineAsync("错误：" + e.Message);
            return 1;
        }
    }
}
