using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;

namespace Jiju.Domain.Relocation;

/// <summary>A village inside a cluster's planned area, to be relocated (村庄迁并, art. 24).</summary>
[Zh("村庄")]
public sealed class Village : IJurisdictionOwned, ISelfValidating
{
    [Zh("村庄代码")]
    public required VillageCode Code { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("村名")]
    public required string Name { get; init; }

    [Zh("户数", Unit = "户")]
    public required int Households { get; init; }

    [Zh("人口", Unit = "人")]
    public required int Population { get; init; }

    [Zh("迁并状态")]
    public required RelocationStatus Status { get; init; }

    [Zh("完成日期")]
    public DateOnly? CompletedOn { get; init; }

    [Zh("安置社区名称")]
    public string? ResettlementCommunity { get; init; }

    [Zh("已在集聚区就业村民", Unit = "人")]
    public int? VillagersEmployedInCluster { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (Households < 0 || Population < 0)
        {
            yield return new FieldError(Households < 0 ? nameof(Households) : nameof(Population), "户数和人口不能为负数");
        }

        if (Status == RelocationStatus.Completed && CompletedOn is null)
        {
            yield return new FieldError(nameof(CompletedOn), "状态为“已完成”时须填写完成日期");
        }

        if (Status != RelocationStatus.Completed && CompletedOn is not null)
        {
            yield return new FieldError(nameof(CompletedOn), "未完成迁并的村庄不应填写完成日期");
        }

        if (VillagersEmployedInCluster > Population)
        {
            yield return new FieldError(nameof(VillagersEmployedInCluster), "就业村民数不能大于村庄人口");
        }
    }
}

public enum RelocationStatus
{
    [Zh("未启动")] NotStarted = 1,
    [Zh("实施中")] InProgress = 2,
    [Zh("已完成")] Completed = 3,
}

/// <summary>A resettlement community (安置社区) built outside the cluster in the urban planning area (art. 24).</summary>
[Zh("安置社区")]
public sealed class ResettlementCommunity : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("社区名称")]
    public required string Name { get; init; }

    [Zh("所在县（市、区）")]
    public required DivisionCode County { get; init; }

    [Zh("服务集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("规划人口", Unit = "人")]
    public required int PlannedPopulation { get; init; }

    [Zh("位于城市规划区内")]
    public required bool InsideUrbanPlanningArea { get; init; }

    [Zh("位于集聚区外")]
    public required bool OutsideCluster { get; init; }

    [Zh("公共服务设施配套")]
    public required bool HasPublicFacilities { get; init; }

    [Zh("位置")]
    public NetTopologySuite.Geometries.Geometry? Location { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (PlannedPopulation < 0)
        {
            yield return new FieldError(nameof(PlannedPopulation), "规划人口不能为负数");
        }

        foreach (var error in Geometries.Check(Location, nameof(Location)))
        {
            yield return error;
        }
    }
}
