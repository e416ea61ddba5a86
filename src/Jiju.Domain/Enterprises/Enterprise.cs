using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Industries;

namespace Jiju.Domain.Enterprises;

[Zh("企业")]
public sealed class Enterprise : IJurisdictionOwned, ISelfValidating
{
    [Zh("统一社会信用代码")]
    public required UnifiedSocialCreditCode CreditCode { get; init; }

    [Zh("企业名称")]
    public required string Name { get; init; }

    [Zh("所属行业代码")]
    public required IndustryCode Industry { get; init; }

    [Zh("所在县（市、区）")]
    public required DivisionCode County { get; init; }

    [Zh("所在集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("属主导产业")]
    public bool InLeadingIndustry { get; init; }

    [Zh("行业龙头企业")]
    public bool IndustryLeader { get; init; }

    [Zh("成立日期")]
    public DateOnly? RegisteredOn { get; init; }

    [Zh("从业人员", Unit = "人")]
    public int? Employees { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new FieldError(nameof(Name), "企业名称不能为空");
        }

        if (Cluster is { } c && c.County != County)
        {
            yield return new FieldError(nameof(Cluster), $"集聚区“{c}”不在所填县（市、区）“{County}”内");
        }

        if (Employees < 0)
        {
            yield return new FieldError(nameof(Employees), "从业人员不能为负数");
        }
    }
}
