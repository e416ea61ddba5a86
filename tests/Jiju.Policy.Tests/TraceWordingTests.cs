using Jiju.Policy.Cases;

namespace Jiju.Policy.Tests;

/// <summary>
/// What an official reads in a trace, word for word, for rules that write their trace's words only when the trace is
/// written: a sweep decides most subjects without it, and the words must not change for the ones it records.
/// </summary>
public sealed class TraceWordingTests
{
    private static string BranchOf(string file, string name) =>
        CaseRunner.Run(file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", file))).Single(r => r.Name == name).Decision!.Trace.Branch;

    [Theory]
    [InlineData("集聚区内房地产开发一律不予准入", "建设内容为房地产开发（拟用地 0701 城镇住宅用地）")]
    [InlineData("住宅用地而非职工公寓的按房地产开发不予准入", "拟用地为 0701 城镇住宅用地，属住宅用地而建设内容为其他，不是合理配套的职工公寓，按房地产开发认定")]
    [InlineData("合理配套的职工公寓在生活配套区准入", "建设内容为职工公寓，属本条允许的合理配套；拟用地 0701 城镇住宅用地 在功能分区“生活配套区”允许的用地（0701 城镇住宅用地、05 商服用地）之内")]
    [InlineData("职工公寓建在只允许工业用地的分区不予准入", "拟用地 0701 城镇住宅用地 不在功能分区“工业区”允许的用地（06 工矿仓储用地）之内")]
    [InlineData("公园与绿地不是广场用地按功能分区准入", "建设内容为生产经营，不属禁止类用途；拟用地 0810 公园与绿地 在功能分区“生态绿地”允许的用地（0810 公园与绿地）之内")]
    public void AProjectUseDecision_SaysInItsTraceWhatItCompared(string name, string branch) =>
        Assert.Equal(branch, BranchOf("planning-use.yaml", name));

    [Theory]
    [InlineData("项目排放恰等于剩余准入", "二氧化硫：预算100吨（含交易、分配、收回后剩余48吨），项目48吨/年，恰等于剩余量，未超过")]
    [InlineData("项目排放比剩余多0.01吨暂缓审批", "二氧化硫：预算100吨（含交易、分配、收回后剩余48吨），项目48.01吨/年，超过剩余量")]
    [InlineData("缺少该污染物预算的无法核对", "化学需氧量：项目5吨/年，集聚区无该污染物预算；集聚区未设化学需氧量排放总量预算，无法核对")]
    public void AnEmissionBudgetDecision_SaysInItsTraceWhatRemainsOfEachBudget(string name, string branch) =>
        Assert.Equal(branch, BranchOf("environment-emission-budget.yaml", name));
}
