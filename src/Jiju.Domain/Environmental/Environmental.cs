using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Projects;

namespace Jiju.Domain.Environmental;

/// <summary>A cluster's total emission budget (排放总量预算) for one pollutant in one year (art. 18).</summary>
[Zh("排放总量预算")]
public sealed class EmissionBudget : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("污染物")]
    public required Pollutant Pollutant { get; init; }

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("预算总量", Unit = "吨")]
    public required decimal Tonnes { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (Tonnes < 0)
        {
            yield return new FieldError(nameof(Tonnes), "预算总量不能为负数");
        }
    }
}

/// <summary>A movement against an emission budget: an allocation to a project or an emission-right trade (art. 18).</summary>
[Zh("排放指标台账")]
public sealed class EmissionLedgerEntry : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("污染物")]
    public required Pollutant Pollutant { get; init; }

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("类型")]
    public required EmissionMovement Movement { get; init; }

    [Zh("数量", Unit = "吨")]
    public required decimal Tonnes { get; init; }

    [Zh("日期")]
    public required DateOnly On { get; init; }

    [Zh("项目代码")]
    public ProjectCode? Project { get; init; }

    [Zh("交易对方")]
    public string? Counterparty { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (Tonnes <= 0)
        {
            yield return new FieldError(nameof(Tonnes), "数量应大于0");
        }

        if (Movement == EmissionMovement.AllocatedToProject && Project is null)
        {
            yield return new FieldError(nameof(Project), "分配给项目的指标须填写项目代码");
        }

        if (Movement is EmissionMovement.TradedIn or EmissionMovement.TradedOut && string.IsNullOrWhiteSpace(Counterparty))
        {
            yield return new FieldError(nameof(Counterparty), "排污权交易须填写交易对方");
        }

        if (On.Year != Year)
        {
            yield return new FieldError(nameof(On), $"日期{On:yyyy-MM-dd}不在年度{Year}内");
        }
    }
}

public enum EmissionMovement
{
    [Zh("分配给项目")] AllocatedToProject = 1,
    [Zh("排污权买入")] TradedIn = 2,
    [Zh("排污权卖出")] TradedOut = 3,
    [Zh("收回")] Released = 4,
}

/// <summary>A central sewage treatment plant and its pipe network (art. 17).</summary>
[Zh("污水处理设施")]
public sealed class SewagePlant : IJurisdictionOwned
{
    public long Id { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("名称")]
    public required string Name { get; init; }

    [Zh("处理能力", Unit = "吨/日")]
    public required decimal CapacityTonnesPerDay { get; init; }

    [Zh("配套管网长度", Unit = "公里")]
    public decimal PipeNetworkKm { get; init; }

    [Zh("建设状态")]
    public required FacilityStatus Status { get; init; }

    [Zh("投运日期")]
    public DateOnly? OperatingSince { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;
}

public enum FacilityStatus
{
    [Zh("规划")] Planned = 1,
    [Zh("在建")] UnderConstruction = 2,
    [Zh("运行")] Operating = 3,
    [Zh("停用")] Retired = 4,
}

/// <summary>A cluster's heat demand and supply in a year (art. 17: 130 t/h and 4000 h decide the route).</summary>
[Zh("集中供热情况")]
public sealed class HeatingProfile : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("热负荷", Unit = "吨/小时")]
    public required decimal HeatLoadTonnesPerHour { get; init; }

    [Zh("年利用小时数", Unit = "小时")]
    public required decimal AnnualHours { get; init; }

    [Zh("热负荷稳定")]
    public bool LoadStable { get; init; }

    [Zh("燃煤小锅炉数量", Unit = "台")]
    public int SmallCoalBoilers { get; init; }

    [Zh("已建背压式供热机组")]
    public bool HasBackPressureChp { get; init; }

    [Zh("已建大型集中供热锅炉")]
    public bool HasCentralBoiler { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (HeatLoadTonnesPerHour < 0)
        {
            yield return new FieldError(nameof(HeatLoadTonnesPerHour), "热负荷不能为负数");
        }

        if (AnnualHours is < 0 or > 8784)
        {
            yield return new FieldError(nameof(AnnualHours), "年利用小时数应在0–8784之间（一年至多8784小时）");
        }

        if (SmallCoalBoilers < 0)
        {
            yield return new FieldError(nameof(SmallCoalBoilers), "锅炉数量不能为负数");
        }
    }
}

/// <summary>Regional safety evaluation and capacity of a cluster with high-risk industries (art. 19).</summary>
[Zh("安全容量")]
public sealed class SafetyCapacity : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("评价日期")]
    public required DateOnly AssessedOn { get; init; }

    [Zh("容量指标")]
    public required string Measure { get; init; }

    [Zh("计量单位")]
    public required string Unit { get; init; }

    [Zh("安全容量")]
    public required decimal Capacity { get; init; }

    [Zh("已占用")]
    public required decimal Used { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (Capacity < 0 || Used < 0)
        {
            yield return new FieldError(Capacity < 0 ? nameof(Capacity) : nameof(Used), "不能为负数");
        }
    }
}

/// <summary>
/// The environmental protection department's determination that a cluster's environmental facilities lag
/// or its environmental capacity is insufficient (art. 18: 对环保设施建设滞后、环境容量不足的产业集聚区，暂缓审批新上
/// 污染排放量较大的项目). The latest determination on or before a date holds on that date.
/// </summary>
[Zh("环境容量认定")]
public sealed class EnvironmentalDetermination : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("认定日期")]
    public required DateOnly DeterminedOn { get; init; }

    [Zh("认定机关")]
    public required string DeterminedBy { get; init; }

    [Zh("环保设施建设滞后")]
    public required bool FacilitiesLag { get; init; }

    [Zh("环境容量不足")]
    public required bool CapacityInsufficient { get; init; }

    [Zh("说明")]
    public string? Note { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(DeterminedBy))
        {
            yield return new FieldError(nameof(DeterminedBy), "须填写认定机关");
        }
    }
}
