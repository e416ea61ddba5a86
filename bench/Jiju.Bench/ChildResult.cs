using System.Diagnostics;
using System.Runtime;
using System.Text.Json;

namespace Jiju.Bench;

/// <summary>
/// What one measurement reports: numbers (seconds, rows, bytes …) and notes (why something was not
/// measured, what a figure means). A child prints it as one JSON line after <see cref="Marker"/>.
/// </summary>
public sealed class ChildResult
{
    public const string Marker = "##JIJU-BENCH-RESULT ";

    public Dictionary<string, double> Metrics { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Notes { get; init; } = new(StringComparer.Ordinal);

    public double this[string key]
    {
        get => Metrics[key];
        set => Metrics[key] = value;
    }

    public double? Get(string key) => Metrics.TryGetValue(key, out var v) ? v : null;

    public string? Note(string key) => Notes.GetValueOrDefault(key);

    /// <summary>Peak working set, managed allocation, GC pauses, compilation and CPU time of the whole child process.</summary>
    public void AddProcessFigures()
    {
        if (ProcessMemory.PeakWorkingSet() is { } peak)
        {
            Metrics["peak_bytes"] = peak;
        }

        Metrics["allocated_bytes"] = GC.GetTotalAllocatedBytes(precise: false);
        Metrics["gc_pause_seconds"] = GC.GetTotalPauseDuration().TotalSeconds;
        Metrics["gc_gen0"] = GC.CollectionCount(0);
        Metrics["gc_gen1"] = GC.CollectionCount(1);
        Metrics["gc_gen2"] = GC.CollectionCount(2);
        Metrics["gc_heap_max_bytes"] = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        Metrics["jit_seconds"] = JitInfo.GetCompilationTime().TotalSeconds;
        Metrics["jit_methods"] = JitInfo.GetCompiledMethodCount();
        using var self = Process.GetCurrentProcess();
        Metrics["cpu_seconds"] = self.TotalProcessorTime.TotalSeconds;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static ChildResult FromJson(string json) => JsonSerializer.Deserialize<ChildResult>(json, JsonOptions) ?? new ChildResult();

    private static readonly JsonSerializerOptions JsonOptions = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
