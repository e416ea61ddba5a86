using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Jiju.Bench;

/// <summary>
/// Runs one measurement in a fresh process of this executable (<c>child KIND ...</c>), so that its peak
/// working set is its own, shows its progress lines, and reads its result line.
/// </summary>
public static class ChildProcess
{
    public static async Task<ChildOutcome> RunAsync(string kind, IReadOnlyDictionary<string, string> arguments, string logDirectory)
    {
        var (file, prefix) = SelfInvocation();
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in prefix)
        {
            info.ArgumentList.Add(a);
        }

        info.ArgumentList.Add("child");
        info.ArgumentList.Add(kind);
        foreach (var (key, value) in arguments)
        {
            info.ArgumentList.Add("--" + key);
            info.ArgumentList.Add(value);
        }

        Directory.CreateDirectory(logDirectory);
        var logPath = Path.Combine(logDirectory, string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{kind}.log"));
        await using var log = new StreamWriter(logPath, append: false, Encoding.UTF8);
        await log.WriteLineAsync("$ " + file + " " + string.Join(' ', info.ArgumentList));
        ChildResult? result = null;
        var lastError = string.Empty;
        var gate = new object();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (gate)
            {
                log.WriteLine(e.Data);
                if (e.Data.StartsWith(ChildResult.Marker, StringComparison.Ordinal))
                {
                    result = ChildResult.FromJson(e.Data[ChildResult.Marker.Length..]);
                }
                else
                {
                    Console.WriteLine($"    [{kind} {stopwatch.Elapsed:hh\\:mm\\:ss}] {e.Data}");
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (gate)
            {
                log.WriteLine("! " + e.Data);
                Console.WriteLine($"    [{kind} {stopwatch.Elapsed:hh\\:mm\\:ss}] ! {e.Data}");
                if (e.Data.Trim().Length > 0)
                {
                    lastError = e.Data.Trim();
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        stopwatch.Stop();
        lock (gate)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exit {process.ExitCode} after {stopwatch.Elapsed.TotalSeconds:0.0} s"));
        }

        return process.ExitCode == 0 && result is not null
            ? new ChildOutcome(result, null, stopwatch.Elapsed, logPath)
            : new ChildOutcome(null, string.Create(CultureInfo.InvariantCulture, $"child {kind} failed (exit {process.ExitCode}): {lastError} — log {logPath}"), stopwatch.Elapsed, logPath);
    }

    /// <summary>This program again: the apphost, or <c>dotnet Jiju.Bench.dll</c> when started that way.</summary>
    private static (string File, string[] Prefix) SelfInvocation()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which executable is running");
        var name = Path.GetFileNameWithoutExtension(process);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (process, [typeof(ChildProcess).Assembly.Location])
            : (process, []);
    }
}

/// <summary>A child's result, or why there is none; its wall time as the parent saw it, and its log.</summary>
public sealed record ChildOutcome(ChildResult? Result, string? Failure, TimeSpan Wall, string LogPath);
