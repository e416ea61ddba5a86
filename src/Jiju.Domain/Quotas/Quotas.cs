using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Projects;

namespace Jiju.Domain.Quotas;

/// <summary>
/// A movement in a land-quota ledger (art. 6): quota produced by consolidation outside clusters,
/// allocated (first to cluster projects; linkage quota first to county clusters), then used.
/// Each batch of quota is produced once and allocated at most once.
/// </summary>
[Zh("用地指标台账")]
public sealed class QuotaLedgerEntry : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("指标类型")]
    public required QuotaKind Kind { get; init; }

    [Zh("指标批次编号")]
    public required string Batch { get; init; }

    [Zh("变动类型")]
    public required QuotaMovement Movement { get; init; }

    [Zh("面积", Unit = "平方米")]
    public required Area Area { get; init; }

    [Zh("日期")]
    public required DateOnly On { get; init; }

    [Zh("所属县（市、区）")]
    public required DivisionCode County { get; init; }

    [Zh("来源整治项目")]
    public string? SourceProject { get; init; }

    [Zh("使用集聚区代码")]
    public ClusterCode? TargetCluster { get; init; }

    [Zh("使用项目代码")]
    public ProjectCode? TargetProject { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => null;

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Batch))
        {
            yield return new FieldError(nameof(Batch), "指标批次编号不能为空");
        }

        if (Area.SquareMetres <= 0)
        {
            yield return new FieldError(nameof(Area), "面积应大于0");
        }

        if (Movement == QuotaMovement.Produced && string.IsNullOrWhiteSpace(SourceProject))
        {
            yield return new FieldError(nameof(SourceProject), "产生指标须填写来源整治项目");
        }

        if (Movement is QuotaMovement.Allocated or QuotaMovement.Used && TargetProject is null && TargetCluster is null)
        {
            yield return new FieldError(nameof(TargetProject), "分配或使用指标须填写使用集聚区或项目");
        }
    }
}

public enum QuotaKind
{
    [Zh("占补平衡指标")] OccupationCompensation = 1,
    [Zh("增减挂钩指标")] IncreaseDecreaseLinkage = 2,
}

public enum QuotaMovement
{
    [Zh("产生")] Produced = 1,
    [Zh("分配")] Allocated = 2,
    [Zh("使用")] Used = 3,
}

/// <summary>A project in the provincial or city land-consolidation library (土地整治项目库, art. 6).</summary>
[Zh("土地整治项目")]
public sealed class LandConsolidationProject : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("项目名称")]
    public required string Name { get; init; }

    [Zh("项目库级别")]
    public required LibraryLevel Library { get; init; }

    [Zh("所在县（市、区）")]
    public required DivisionCode County { get; init; }

    [Zh("所在集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("入库日期")]
    public required DateOnly ListedOn { get; init; }

    [Zh("申请资金", Unit = "元")]
    public required Money FundingRequested { get; init; }

    [Zh("安排资金", Unit = "元")]
    public Money? FundingGranted { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (FundingRequested.IsNegative || FundingGranted is { IsNegative: true })
        {
            yield return new FieldError(FundingRequested.IsNegative ? nameof(FundingRequested) : nameof(FundingGranted), "金额不能为负数");
        }
    }
}

public enum LibraryLevel
{
    [Zh("省级")] Province = 1,
    [Zh("市级")] City = 2,
}
