using System.Globalization;

namespace Jiju.Bench;

/// <summary>
/// The process's own memory as Linux counts it. Peak working set is VmHWM ("high water mark" of the
/// resident set) from /proc/self/status: Process.PeakWorkingSet64 is not available after a child exits
/// on Linux, so every child reads its own before it ends.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set in bytes, or null off Linux.</summary>
    public static long? PeakWorkingSet() => Read("VmHWM:");

    /// <summary>Current resident set in bytes, or null off Linux.</summary>
    public static long? WorkingSet() => Read("VmRSS:");

    /// <summary>
    /// Starts a new peak from the current resident set (writes 5 to /proc/self/clear_refs), so a phase's
    /// peak excludes what came before it. Returns false where the kernel does not allow it.
    /// </summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? Read(string field)
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return null;
        }

        foreach (var line in File.ReadLines(Status))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kb = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }
}
