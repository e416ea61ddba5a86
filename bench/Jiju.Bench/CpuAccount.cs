using System.Diagnostics;
using System.Globalization;

namespace Jiju.Bench;

/// <summary>
/// The CPU time spent during one timed part of a child, by the child's own process and by the whole machine (Linux's
/// /proc/stat), so that a figure can say what else shared the cores: on PostgreSQL, mostly its server. The machine's
/// busy time is its busy share of the CPU ticks counted meanwhile, times the CPUs it lists, times the wall time: no
/// assumption about the tick's length.
/// </summary>
public sealed class CpuAccount
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _processBefore = ProcessTime();
    private readonly (long Busy, long Total, int Cpus)? _machineBefore = Machine();

    /// <summary>Starts counting now.</summary>
    public static CpuAccount Start() => new();

    /// <summary>
    /// Stops counting and records <c>{prefix}process_cpu_seconds</c>, and where /proc/stat can be read
    /// <c>{prefix}machine_cpu_seconds</c> (every process's busy time, this one's included) and <c>{prefix}cores_seconds</c>
    /// (the CPUs times the wall time: what the cores could have given).
    /// </summary>
    public void Record(ChildResult r, string prefix = "")
    {
        var wall = _wall.Elapsed.TotalSeconds;
        r[prefix + "process_cpu_seconds"] = (ProcessTime() - _processBefore).TotalSeconds;
        if (_machineBefore is { } before && Machine() is { } after && after.Total > before.Total)
        {
            r[prefix + "machine_cpu_seconds"] = (double)(after.Busy - before.Busy) / (after.Total - before.Total) * after.Cpus * wall;
            r[prefix + "cores_seconds"] = after.Cpus * wall;
        }
    }

    private static TimeSpan ProcessTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>The machine's busy and total ticks (all CPUs), and how many CPUs it lists; null off Linux.</summary>
    private static (long Busy, long Total, int Cpus)? Machine()
    {
        const string Stat = "/proc/stat";
        if (!File.Exists(Stat))
        {
            return null;
        }

        var lines = File.ReadAllLines(Stat);
        return Parse(lines);
    }

    /// <summary>
    /// From /proc/stat's lines: the first ("cpu  user nice system idle iowait irq softirq steal …") summed as the total
    /// ticks, with user, nice, system, irq and softirq as busy (guest time is already counted in user). Idle and iowait
    /// are not busy, nor is steal: time the hypervisor gave to other machines, which no process here used. And the
    /// number of "cpuN" lines.
    /// </summary>
    public static (long Busy, long Total, int Cpus)? Parse(IReadOnlyList<string> lines)
    {
        var all = lines.FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (all is null)
        {
            return null;
        }

        var ticks = all.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        if (ticks.Length < 5)
        {
            return null;
        }

        var idle = ticks[3] + ticks[4];
        var steal = ticks.Length > 7 ? ticks[7] : 0;
        var total = ticks.Sum();
        var cpus = lines.Count(l => l.Length > 3 && l.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(l[3]));
        return (total - idle - steal, total, cpus);
    }
}
