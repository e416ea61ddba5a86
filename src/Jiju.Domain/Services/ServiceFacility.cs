using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Environmental;

namespace Jiju.Domain.Services;

/// <summary>A platform or facility that serves a cluster (arts. 20–23); their completeness feeds the assessment.</summary>
[Zh("服务设施")]
public sealed class ServiceFacility : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("设施类型")]
    public required FacilityKind Kind { get; init; }

    [Zh("名称")]
    public required string Name { get; init; }

    [Zh("级别")]
    public FacilityLevel? Level { get; init; }

    [Zh("能力")]
    public decimal? Capacity { get; init; }

    [Zh("能力单位")]
    public string? CapacityUnit { get; init; }

    [Zh("建设状态")]
    public required FacilityStatus Status { get; init; }

    [Zh("建成日期")]
    public DateOnly? CompletedOn { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (Capacity < 0)
        {
            yield return new FieldError(nameof(Capacity), "能力不能为负数");
        }

        if (Capacity is not null && string.IsNullOrWhiteSpace(CapacityUnit))
        {
            yield return new FieldError(nameof(CapacityUnit), "填写能力时须填写单位");
        }
    }
}

public enum FacilityKind
{
    [Zh("重点实验室")] KeyLaboratory = 1,
    [Zh("工程技术研究中心")] EngineeringResearchCentre = 2,
    [Zh("产品检验检测中心")] TestingCentre = 3,
    [Zh("物流园区")] LogisticsPark = 4,
    [Zh("专业物流中心和配送中心")] DistributionCentre = 5,
    [Zh("大型交易市场")] TradingMarket = 6,
    [Zh("综合服务中心")] ServiceCentre = 7,
    [Zh("变电站")] Substation = 8,
    [Zh("道路")] Road = 9,
    [Zh("信息网络")] InformationNetwork = 10,
}

public enum FacilityLevel
{
    [Zh("国家级")] National = 1,
    [Zh("省级")] Provincial = 2,
    [Zh("市级")] City = 3,
    [Zh("县级")] County = 4,
}
