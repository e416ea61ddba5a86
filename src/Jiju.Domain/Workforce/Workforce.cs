using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;

namespace Jiju.Domain.Workforce;

/// <summary>Labour demand reported to the employment information platform (用工信息服务平台, art. 13).</summary>
[Zh("用工需求")]
public sealed class LabourDemand : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("企业统一社会信用代码")]
    public UnifiedSocialCreditCode? Enterprise { get; init; }

    [Zh("职业（工种）")]
    public required string Occupation { get; init; }

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("季度")]
    public int? Quarter { get; init; }

    [Zh("需求人数", Unit = "人")]
    public required int Headcount { get; init; }

    [Zh("高层次人才")]
    public bool HighLevelTalent { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (Quarter is < 1 or > 4)
        {
            yield return new FieldError(nameof(Quarter), "季度应为1–4");
        }

        if (Headcount < 0)
        {
            yield return new FieldError(nameof(Headcount), "需求人数不能为负数");
        }
    }
}

/// <summary>A skills training base and its results in a year (技能人才培养示范基地, art. 13).</summary>
[Zh("培训基地年度情况")]
public sealed class TrainingBase : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("基地名称")]
    public required string Name { get; init; }

    [Zh("所在县（市、区）")]
    public required DivisionCode County { get; init; }

    [Zh("服务集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("培训人数", Unit = "人")]
    public required int Trainees { get; init; }

    [Zh("实现就业人数", Unit = "人")]
    public required int Placed { get; init; }

    [Zh("示范基地")]
    public bool Demonstration { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (Trainees < 0 || Placed < 0)
        {
            yield return new FieldError(Trainees < 0 ? nameof(Trainees) : nameof(Placed), "人数不能为负数");
        }

        if (Placed > Trainees)
        {
            yield return new FieldError(nameof(Placed), "实现就业人数不能大于培训人数");
        }
    }
}

/// <summary>
/// A migrant worker (农民工) working in a cluster (art. 13 hukou priority). Held by an opaque
/// reference, not an identity-card number: the platform needs no more personal data than that.
/// </summary>
[Zh("农民工")]
public sealed class MigrantWorker : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("人员编号")]
    public required string PersonRef { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("在集聚区工作起始日期")]
    public required DateOnly WorkingSince { get; init; }

    [Zh("离开日期")]
    public DateOnly? LeftOn { get; init; }

    [Zh("愿意转为城镇户口")]
    public bool WantsUrbanHukou { get; init; }

    [Zh("随迁家属人数", Unit = "人")]
    public int FamilyMembers { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(PersonRef))
        {
            yield return new FieldError(nameof(PersonRef), "人员编号不能为空");
        }

        if (LeftOn is { } left && left < WorkingSince)
        {
            yield return new FieldError(nameof(LeftOn), "离开日期早于工作起始日期");
        }

        if (FamilyMembers < 0)
        {
            yield return new FieldError(nameof(FamilyMembers), "随迁家属人数不能为负数");
        }
    }
}
