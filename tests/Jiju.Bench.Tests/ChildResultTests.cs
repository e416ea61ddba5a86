using System.Runtime;

namespace Jiju.Bench.Tests;

public sealed class ChildResultTests
{
    [Fact]
    public void AChildsProcessFigures_IncludeWhatItsProcessHasCompiled_AsTheRuntimeCountsIt()
    {
        var r = new ChildResult();

        r.AddProcessFigures();

        // The test process has compiled at least this test by now; the figures are the runtime's own, read after it.
        Assert.InRange(r["jit_methods"], 1, JitInfo.GetCompiledMethodCount());
        Assert.InRange(r["jit_seconds"], double.Epsilon, JitInfo.GetCompilationTime().TotalSeconds);
    }
}
