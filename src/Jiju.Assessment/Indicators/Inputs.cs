namespace Jiju.Assessment.Indicators;

/// <summary>
/// The named inputs an indicator formula may read, with their Chinese names and units. The application fills them for
/// each cluster and year from statistics, parcels and registries (docs/assessment.md says from where); a value it cannot
/// fill is missing, and a cluster missing an input of an indicator is not scored — never scored as zero.
/// </summary>
public static class Inputs
{
    public static IReadOnlyDictionary<string, InputDefinition> All { get; } = new InputDefinition[]
    {
        new("land.total", "评价范围土地总面积", "平方米"),
        new("land.ready", "已达到供地条件土地面积", "平方米"),
        new("land.supplied", "已供应国有建设用地面积", "平方米"),
        new("land.built-up", "已建成城镇建设用地面积", "平方米"),
        new("land.industrial", "已建成工业用地面积", "平方米"),
        new("land.idle", "闲置土地面积（按第七条认定）", "平方米"),
        new("floor.total", "总建筑面积", "平方米"),
        new("footprint.total", "建筑基底总面积", "平方米"),
        new("floor.industrial", "工业用地总建筑面积", "平方米"),
        new("coverage.industrial", "工业用地建筑物、构筑物基底及露天堆场面积", "平方米"),
        new("fai.industrial", "工业企业累计固定资产投资", "元"),
        new("tax.industrial", "工业企业税收总额", "元"),
        new("tax.total", "税收总额", "元"),
        new("tax.previous", "上年税收总额", "元"),
        new("revenue", "主营业务收入", "元"),
        new("revenue.previous", "上年主营业务收入", "元"),
        new("revenue.leading", "主导产业主营业务收入", "元"),
        new("leading.target", "主导产业目标规模（第三条）", "元"),
        new("value-added", "工业增加值", "元"),
        new("fai", "固定资产投资", "元"),
        new("fai.previous", "上年固定资产投资", "元"),
        new("employment", "从业人员", "人"),
        new("enterprises.above-scale", "规模以上工业企业数", "家"),
        new("chain.segments", "主导产业链环节数", "个"),
        new("chain.segments-present", "已有区内企业的产业链环节数", "个"),
        new("projects.major-attraction", "当年签约的省重大招商项目数（第五条）", "个"),
        new("projects.key", "主导产业省重点项目数（第四条）", "个"),
        new("sewage.capacity", "运行的污水处理能力", "吨/日"),
        new("services.platforms", "运行的公共服务平台数", "个"),
        new("villages.total", "规划区内村庄数", "个"),
        new("villages.relocated", "已完成迁并的村庄数", "个"),
    }.ToDictionary(i => i.Name, StringComparer.Ordinal);

    public static string ZhOf(string name) => All.TryGetValue(name, out var i) ? i.Zh : name;
}

public sealed record InputDefinition(string Name, string Zh, string Unit);

/// <summary>One cluster's inputs for one year: the cluster, its city for the city ranking, and each input's value or null.</summary>
public sealed record ClusterInputs(string Cluster, string Name, string City, string CityName, IReadOnlyDictionary<string, decimal?> Values)
{
    public decimal? this[string input] => Values.TryGetValue(input, out var v) ? v : null;
}
