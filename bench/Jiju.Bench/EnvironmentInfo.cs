using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiju.Bench;

/// <summary>What the figures were measured on: machine, runtime, databases and the code's commit.</summary>
public static class EnvironmentInfo
{
    public static async Task<List<(string Key, string Value)>> CollectAsync(SuiteOptions options)
    {
        var info = new List<(string, string)>
        {
            ("CPU", CpuModel() + $" — {Environment.ProcessorCount} logical cores available"),
            ("Memory", MemTotal()),
            ("OS", RuntimeInformation.OSDescription),
            (".NET", RuntimeInformation.FrameworkDescription + (System.Runtime.GCSettings.IsServerGC ? ", server GC" : ", workstation GC") + ", " + DynamicPgo() + ", " + CallCounting()),
            ("SQLite", SqliteVersion()),
            ("Commit", await GitAsync(options.RepositoryRoot)),
            ("Load average at start (1, 5, 15 min)", LoadAverage()),
        };
        info.Add(("PostgreSQL", options.Postgres is null ? "none given (import figures for PostgreSQL are not measured)" : await PostgresVersionAsync(options.Postgres, options.PostgresSource)));
        return info;
    }

    /// <summary>Whether the JIT's dynamic PGO is on: off in the CLI and the bench as built (ADR 0009), unless the environment says otherwise.</summary>
    private static string DynamicPgo() =>
        Environment.GetEnvironmentVariable("DOTNET_TieredPGO") is { } set ? $"dynamic PGO {(set == "0" ? "off" : "on")} (DOTNET_TieredPGO={set})"
        : AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var on) && !on ? "dynamic PGO off"
        : "dynamic PGO on";

    /// <summary>
    /// When the runtime compiles a method again, optimised (ADR 0015): after how many calls, and how long after the last new
    /// method it starts counting; from the environment (<c>DOTNET_TC_…</c>, which wins) or the build's runtime settings.
    /// </summary>
    private static string CallCounting()
    {
        static string Setting(string variable, string knob, string fallback)
        {
            var configured = AppContext.GetData(knob)?.ToString() ?? fallback;
            return Environment.GetEnvironmentVariable("DOTNET_" + variable) is not { } set ? configured
                : RuntimeKnob(set) is { } value ? $"{value:N0} (DOTNET_{variable}={set}, read as hexadecimal)"
                : $"{configured} (DOTNET_{variable}={set} ignored: not hexadecimal)";
        }

        var threshold = Setting("TC_CallCountThreshold", "System.Runtime.TieredCompilation.CallCountThreshold", "30");
        var delay = Setting("TC_CallCountingDelayMs", "System.Runtime.TieredCompilation.CallCountingDelayMs", "100");
        return $"a method compiled optimised after {threshold} calls, counted from {delay} ms after the last new method";
    }

    /// <summary>
    /// A number of the runtime's <c>DOTNET_…</c> variables as the runtime reads it (<c>wcstoul</c> in base 16): hexadecimal,
    /// an optional <c>0x</c> first, up to the first other character (<c>DOTNET_TC_CallCountThreshold=5000</c> is 20,480
    /// calls); null where no digit starts it, and the runtime then ignores the variable. A signed value is not read here.
    /// A runtime configuration's value, by contrast, is decimal (<c>jiju.runtimeconfig.json</c>'s 5000 is 5,000).
    /// </summary>
    public static uint? RuntimeKnob(string text)
    {
        var digits = text.Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        var length = 0;
        while (length < digits.Length && char.IsAsciiHexDigit(digits[length]))
        {
            length++;
        }

        return length > 0 && uint.TryParse(digits.AsSpan(0, length), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>Other work on the machine during the run shows here: the figures of a busy machine are slower.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string MemTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            return Report.Bytes(kb * 1024.0);
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static async Task<string> GitAsync(string root)
    {
        try
        {
            var head = (await RunAsync("git", root, "rev-parse", "--short", "HEAD")).Trim();
            var changed = (await RunAsync("git", root, "status", "--porcelain", "--untracked-files=all"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries)[^1])
                .Where(p => !p.StartsWith("docs/performance.md", StringComparison.Ordinal))
                .ToList();
            return changed.Count == 0
                ? head
                : $"{head}, with uncommitted changes measured too: {string.Join(", ", changed.Take(12))}{(changed.Count > 12 ? $" and {changed.Count - 12} more" : string.Empty)}";
        }

        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (git not found)";
        }
    }

    private static async Task<string> RunAsync(string file, string directory, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static async Task<string> PostgresVersionAsync(string connectionString, string source)
    {
        try
        {
            await using var connection = await ImportChildren.OpenAdminAsync(connectionString);
            await using var command = new NpgsqlCommand("SHOW server_version", connection);
            return $"{await command.ExecuteScalarAsync()} (connection from {source})";
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return $"unreachable ({e.Message}); connection from {source}";
        }
    }
}
