using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Projects;
using NetTopologySuite.Geometries;

namespace Jiju.Domain.Land;

/// <summary>A parcel of state-owned construction land granted (出让) or allocated (划拨) to a holder (arts. 7–8).</summary>
[Zh("宗地")]
public sealed class LandParcel : IJurisdictionOwned, ISelfValidating
{
    [Zh("宗地代码")]
    public required ParcelCode Code { get; init; }

    [Zh("所在县（市、区）")]
    public required DivisionCode County { get; init; }

    [Zh("所在集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("土地使用权人统一社会信用代码")]
    public UnifiedSocialCreditCode? Holder { get; init; }

    [Zh("项目代码")]
    public ProjectCode? Project { get; init; }

    [Zh("土地用途分类")]
    public required LandUseClass LandUse { get; init; }

    [Zh("宗地面积", Unit = "平方米")]
    public required Area Area { get; init; }

    [Zh("供地方式")]
    public required GrantType GrantType { get; init; }

    [Zh("出让或划拨价款", Unit = "元")]
    public required Money Price { get; init; }

    [Zh("合同或划拨决定书签订日期")]
    public required DateOnly GrantedOn { get; init; }

    [Zh("约定动工日期")]
    public required DateOnly AgreedStart { get; init; }

    [Zh("实际动工日期")]
    public DateOnly? ActualStart { get; init; }

    [Zh("约定竣工日期")]
    public DateOnly? AgreedCompletion { get; init; }

    [Zh("建筑基底面积", Unit = "平方米")]
    public Area? BuildingFootprint { get; init; }

    [Zh("总建筑面积", Unit = "平方米")]
    public Area? FloorArea { get; init; }

    [Zh("固定资产投资", Unit = "元")]
    public Money? FixedAssetInvestment { get; init; }

    [Zh("范围")]
    public Geometry? Boundary { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (Code.County != County.Value)
        {
            yield return new FieldError(nameof(Code), $"宗地代码“{Code}”的前6位与所在县（市、区）“{County}”不一致");
        }

        if (Cluster is { } c && c.County != County)
        {
            yield return new FieldError(nameof(Cluster), $"集聚区“{c}”不在所填县（市、区）“{County}”内");
        }

        if (Area.SquareMetres <= 0)
        {
            yield return new FieldError(nameof(Area), "宗地面积应大于0");
        }

        if (Price.IsNegative)
        {
            yield return new FieldError(nameof(Price), "价款不能为负数");
        }

        if (AgreedStart < GrantedOn)
        {
            yield return new FieldError(nameof(AgreedStart), $"约定动工日期{AgreedStart:yyyy-MM-dd}早于签订日期{GrantedOn:yyyy-MM-dd}");
        }

        if (ActualStart is { } actual && actual < GrantedOn)
        {
            yield return new FieldError(nameof(ActualStart), $"实际动工日期{actual:yyyy-MM-dd}早于签订日期{GrantedOn:yyyy-MM-dd}");
        }

        if (AgreedCompletion is { } done && done < AgreedStart)
        {
            yield return new FieldError(nameof(AgreedCompletion), "约定竣工日期早于约定动工日期");
        }

        if (BuildingFootprint is { } fp && fp > Area)
        {
            yield return new FieldError(nameof(BuildingFootprint), "建筑基底面积不能大于宗地面积");
        }

        if (FixedAssetInvestment is { IsNegative: true })
        {
            yield return new FieldError(nameof(FixedAssetInvestment), "固定资产投资不能为负数");
        }

        foreach (var error in Geometries.Check(Boundary, nameof(Boundary)))
        {
            yield return error;
        }
    }
}

public enum GrantType
{
    [Zh("出让")] Transfer = 1,
    [Zh("划拨")] Allocation = 2,
}

/// <summary>An approved change of the agreed start date (art. 7: "未经原批准用地机关同意" excludes these).</summary>
[Zh("动工延期")]
public sealed class ParcelExtension : IChildRecord, ISelfValidating
{
    public long Id { get; init; }

    [Zh("宗地代码")]
    public required ParcelCode Parcel { get; init; }

    [Zh("批准日期")]
    public required DateOnly ApprovedOn { get; init; }

    [Zh("批准机关")]
    public required string ApprovedBy { get; init; }

    [Zh("新约定动工日期")]
    public required DateOnly NewAgreedStart { get; init; }

    [Zh("延期原因")]
    public required DelayReason Reason { get; init; }

    [Zh("说明")]
    public string? Note { get; init; }

    string IChildRecord.ParentKey => Parcel.Value;

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(ApprovedBy))
        {
            yield return new FieldError(nameof(ApprovedBy), "批准机关不能为空");
        }
    }
}

public enum DelayReason
{
    [Zh("政府或政府有关部门原因")] Government = 1,
    [Zh("不可抗力")] ForceMajeure = 2,
    [Zh("其他经批准原因")] OtherApproved = 3,
}

/// <summary>A request to change a parcel's land use (art. 8 restricts industrial → commercial).</summary>
[Zh("用途变更申请")]
public sealed class LandUseChangeRequest : IChildRecord
{
    public long Id { get; init; }

    [Zh("宗地代码")]
    public required ParcelCode Parcel { get; init; }

    [Zh("申请日期")]
    public required DateOnly RequestedOn { get; init; }

    [Zh("原用途")]
    public required LandUseClass From { get; init; }

    [Zh("拟变更用途")]
    public required LandUseClass To { get; init; }

    [Zh("状态")]
    public required RequestStatus Status { get; init; }

    string IChildRecord.ParentKey => Parcel.Value;
}

public enum RequestStatus
{
    [Zh("待审")] Pending = 1,
    [Zh("批准")] Approved = 2,
    [Zh("不予批准")] Refused = 3,
}

/// <summary>A basic-farmland protection area (基本农田保护区) that an expanded control area must avoid (art. 2).</summary>
[Zh("基本农田")]
public sealed class BasicFarmland : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("所在县（市、区）")]
    public required DivisionCode County { get; init; }

    [Zh("保护片块编号")]
    public required string Name { get; init; }

    [Zh("面积", Unit = "平方米")]
    public required Area Area { get; init; }

    [Zh("范围")]
    public required Geometry Boundary { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => null;

    public IEnumerable<FieldError> Validate() => Geometries.Check(Boundary, nameof(Boundary));
}
