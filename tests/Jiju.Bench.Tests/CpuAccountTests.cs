namespace Jiju.Bench.Tests;

public sealed class CpuAccountTests
{
    [Fact]
    public void ProcStat_CountsIdleIowaitAndStealAsNotBusy_TheRestAsBusy_AndTheCpusListed()
    {
        string[] stat =
        [
            "cpu  5509366 0 903954 3787544 79770 0 17068 2256 0 0",
            "cpu0 2424946 0 366855 2321414 28433 0 4343 1091 0 0",
            "cpu1 3084420 0 537098 1466130 51337 0 12724 1165 0 0",
            "intr 1 2 3",
            "ctxt 42",
            "cpu_other 1 2 3",
        ];

        var (busy, total, cpus) = CpuAccount.Parse(stat)!.Value;

        Assert.Equal(5509366L + 903954 + 17068, busy);
        Assert.Equal(busy + 3787544 + 79770 + 2256, total);
        Assert.Equal(2, cpus);
    }

    [Fact]
    public void ProcStat_WithoutTheSummaryLine_GivesNothing() =>
        Assert.Null(CpuAccount.Parse(["cpu0 1 2 3 4 5", "intr 1"]));

    [Fact]
    public void AChildsTimedPart_RecordsItsOwnCpu_AndTheMachinesWithinWhatTheCoresCouldGive()
    {
        var r = new ChildResult();
        var account = CpuAccount.Start();
        var until = DateTime.UtcNow.AddMilliseconds(200);
        var spin = 0L;
        while (DateTime.UtcNow < until)
        {
            spin++;
        }

        account.Record(r, "x_");

        Assert.True(spin > 0);
        Assert.True(r["x_process_cpu_seconds"] > 0);
        if (OperatingSystem.IsLinux())
        {
            Assert.True(r["x_machine_cpu_seconds"] > 0);
            Assert.InRange(r["x_cores_seconds"], 0.2 * Environment.ProcessorCount * 0.9, 60);
        }
    }
}
