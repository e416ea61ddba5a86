using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Jiju.Bench;

/// <summary>
/// The memory-bandwidth floor: the time to read the same bytes once. For the sweep these are the bytes
/// of the SQLite file (read from the page cache after one warm-up pass, summed so nothing is skipped);
/// plain memory bandwidth is measured alongside for scale.
/// </summary>
public static class Floors
{
    public static Task FileAsync(ChildArgs a, ChildResult r)
    {
        var path = a["path"];
        var buffer = GC.AllocateUninitializedArray<byte>(4 << 20, pinned: true);
        double best = double.MaxValue;
        ulong checksum = 0;
        long length = 0;
        for (var pass = 0; pass < 4; pass++)
        {
            var stopwatch = Stopwatch.StartNew();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            ulong sum = 0;
            long total = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                sum += Sum(buffer.AsSpan(0, read));
                total += read;
            }

            stopwatch.Stop();
            checksum = sum;
            length = total;
            if (pass > 0)
            {
                // Pass 0 only brings the file into the page cache.
                best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
            }

            Children.Say($"pass {pass}: {total / 1e6:N0} MB in {stopwatch.Elapsed.TotalSeconds:0.000} s");
        }

        r["seconds"] = best;
        r["bytes"] = length;
        r["bytes_per_second"] = length / best;
        r["checksum"] = checksum % 1_000_000;

        // Plain memory bandwidth: one pass over 512 MiB already in memory.
        var memory = new byte[512 << 20];
        Random.Shared.NextBytes(memory.AsSpan(0, 1 << 20));
        for (var i = 1; i < 512; i++)
        {
            memory.AsSpan(0, 1 << 20).CopyTo(memory.AsSpan(i << 20));
        }

        var bestMemory = double.MaxValue;
        for (var pass = 0; pass < 3; pass++)
        {
            var stopwatch = Stopwatch.StartNew();
            checksum ^= Sum(memory);
            bestMemory = Math.Min(bestMemory, stopwatch.Elapsed.TotalSeconds);
        }

        r["memory_bytes_per_second"] = memory.Length / bestMemory;
        r["checksum2"] = checksum % 1_000_000;
        return Task.CompletedTask;
    }

    /// <summary>Sums the bytes as 64-bit words with SIMD, so reading them cannot be optimised away.</summary>
    public static ulong Sum(ReadOnlySpan<byte> bytes)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(words);
        var acc = Vector<ulong>.Zero;
        foreach (var v in vectors)
        {
            acc += v;
        }

        var sum = Vector.Sum(acc);
        for (var i = vectors.Length * Vector<ulong>.Count; i < words.Length; i++)
        {
            sum += words[i];
        }

        for (var i = words.Length * 8; i < bytes.Length; i++)
        {
            sum += bytes[i];
        }

        return sum;
    }
}
