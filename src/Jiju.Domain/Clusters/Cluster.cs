using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Industries;
using NetTopologySuite.Geometries;

namespace Jiju.Domain.Clusters;

[Zh("产业集聚区")]
public sealed class Cluster : IJurisdictionOwned, ISelfValidating
{
    [Zh("集聚区代码")]
    public required ClusterCode Code { get; init; }

    [Zh("名称")]
    public required string Name { get; init; }

    [Zh("所在县（市、区）")]
    public required DivisionCode County { get; init; }

    [Zh("状态")]
    public required ClusterStatus Status { get; init; }

    [Zh("设立日期")]
    public DateOnly? EstablishedOn { get; init; }

    [Zh("管委会名称")]
    public string? CommitteeName { get; init; }

    [Zh("管委会级别")]
    public CommitteeLevel? CommitteeLevel { get; init; }

    [Zh("管委会派出机关")]
    public CommitteeDispatcher? CommitteeDispatchedBy { get; init; }

    [Zh("管委会编制数", Unit = "人")]
    public int? CommitteeStaffQuota { get; init; }

    [Zh("主导产业代码")]
    public required IndustryCode LeadingIndustry { get; init; }

    [Zh("主导产业名称")]
    public string? LeadingIndustryName { get; init; }

    [Zh("发展规划批准日期")]
    public DateOnly? DevelopmentPlanApprovedOn { get; init; }

    [Zh("控制性详细规划批准日期")]
    public DateOnly? RegulatoryPlanApprovedOn { get; init; }

    [Zh("规划环评批复日期")]
    public DateOnly? PlanEiaApprovedOn { get; init; }

    [Zh("规划环评执行较好")]
    public bool PlanEiaWellExecuted { get; init; }

    [Zh("涉及高危行业")]
    public bool HighRiskIndustry { get; init; }

    [Zh("规划面积", Unit = "平方米")]
    public required Area PlannedArea { get; init; }

    [Zh("发展区范围")]
    public Geometry? DevelopmentArea { get; init; }

    [Zh("控制区范围")]
    public Geometry? ControlArea { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Code;

    public IEnumerable<FieldError> Validate()
    {
        if (Code.County != County)
        {
            yield return new FieldError(nameof(County), $"所在县“{County}”与集聚区代码“{Code}”的前6位不一致");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new FieldError(nameof(Name), "名称不能为空");
        }

        if (PlannedArea.SquareMetres <= 0)
        {
            yield return new FieldError(nameof(PlannedArea), "规划面积应大于0");
        }

        foreach (var error in Geometries.Check(DevelopmentArea, nameof(DevelopmentArea)).Concat(Geometries.Check(ControlArea, nameof(ControlArea))))
        {
            yield return error;
        }
    }
}

public enum ClusterStatus
{
    [Zh("产业集聚区")] Cluster = 1,
    [Zh("专业园区")] SpecialisedPark = 2,
    [Zh("已取消资格")] Revoked = 3,
}

public enum CommitteeLevel
{
    [Zh("副厅级")] DeputyDepartment = 1,
    [Zh("正处级")] Division = 2,
    [Zh("副处级")] DeputyDivision = 3,
    [Zh("正科级")] Section = 4,
}

public enum CommitteeDispatcher
{
    [Zh("省辖市政府")] CityGovernment = 1,
    [Zh("县（市、区）政府")] CountyGovernment = 2,
}
