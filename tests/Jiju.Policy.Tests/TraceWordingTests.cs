using Jiju.Policy.Cases;

namespace Jiju.Policy.Tests;

/// <summary>
/// What an official reads in a trace, word for word, for rules that write their trace's words only when the trace is
/// written: a sweep decides most subjects without it, and the words must not change for the ones it records.
/// </summary>
public sealed class TraceWordingTests
{
    private static string BranchOf(string file, string name) => TraceOf(file, name).Branch;

    private static Engine.Trace TraceOf(string file, string name) =>
        CaseRunner.Run(file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", file))).Single(r => r.Name == name).Decision!.Trace;

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

    [Theory]
    [InlineData("投资差1分10亿元且非龙头企业不纳入", "总投资999,999,999.99元不足10亿元，投资主体不是行业龙头企业", "不纳入省重大招商项目")]
    [InlineData("投资恰为10亿元纳入且已明确责任单位和责任人", "总投资1,000,000,000.00元达到“10亿元以上”（含本数），投资主体不是行业龙头企业", "纳入省重大招商项目管理范围；责任单位：荥阳市商务局，责任人：张三")]
    [InlineData("行业龙头企业2亿元招商项目纳入但未明确责任人", "总投资200,000,000.00元不足10亿元，投资主体为行业龙头企业", "纳入省重大招商项目管理范围；尚未明确责任人，应予明确")]
    [InlineData("责任单位和责任人都未明确的都要标出", "总投资1,500,000,000.00元达到“10亿元以上”（含本数），投资主体不是行业龙头企业", "纳入省重大招商项目管理范围；尚未明确责任单位和责任人，应予明确")]
    public void AMajorAttractionDecision_SaysInItsTraceTheInvestmentTheInvestorAndWhoIsResponsible(string name, string branch, string conclusion)
    {
        var trace = TraceOf("investment-major.yaml", name);
        Assert.Equal(branch, trace.Branch);
        Assert.Equal(conclusion, trace.Conclusion);
    }

    [Theory]
    [InlineData("land-plant.yaml", "单层厂房不予同意", "新建工业项目（0601 工业用地），行业无特殊要求，厂房1层，不满2层，属单层厂房")]
    [InlineData("land-plant.yaml", "恰为2层属多层厂房", "新建工业项目（0601 工业用地），行业无特殊要求，厂房2层，达到2层以上，属多层或高层厂房")]
    [InlineData("environment-safety-capacity.yaml", "项目需占用比剩余少0.01准入", "危险化学品重大危险源当量：容量100吨，已占用60吨，项目需39.99吨，合计99.99吨，未超过容量")]
    [InlineData("environment-safety-capacity.yaml", "项目需占用比剩余多0.01不予准入", "安全容量：容量100，已占用60，项目需40.01，合计100.01，超过容量")]
    [InlineData("fiscal-reward.yaml", "有增有减分税种只计营业税增加部分", "2014年比上年：增值税省级分成减少1,000,000.00元，营业税省级分成增加200,000.00元，企业所得税省级分成减少100,000.00元，合计减少900,000.00元；分税种计算，只计增加的税种，增加部分200,000.00元")]
    [InlineData("fiscal-reward.yaml", "合计持平不予奖励", "2014年比上年：增值税省级分成增加0.00元，营业税省级分成增加0.00元，企业所得税省级分成增加0.00元，合计增加0.00元；按三税合计计算，增加部分0.00元")]
    public void APlantSafetyOrFiscalDecision_SaysInItsTraceWhatItCompared(string file, string name, string branch) =>
        Assert.Equal(branch, BranchOf(file, name));
}
