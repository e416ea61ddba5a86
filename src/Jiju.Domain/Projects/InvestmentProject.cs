using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using NetTopologySuite.Geometries;

namespace Jiju.Domain.Projects;

[Zh("投资项目")]
public sealed class InvestmentProject : IJurisdictionOwned, ISelfValidating
{
    [Zh("项目代码")]
    public required ProjectCode Code { get; init; }

    [Zh("项目名称")]
    public required string Name { get; init; }

    [Zh("投资主体统一社会信用代码")]
    public required UnifiedSocialCreditCode Investor { get; init; }

    [Zh("总投资", Unit = "元")]
    public required Money Investment { get; init; }

    [Zh("行业代码")]
    public required IndustryCode Industry { get; init; }

    [Zh("所在县（市、区）")]
    public required DivisionCode County { get; init; }

    [Zh("所在集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("建设内容类别")]
    public required ProjectPurpose Purpose { get; init; }

    [Zh("拟用地分类")]
    public LandUseClass? LandUse { get; init; }

    [Zh("用地面积", Unit = "平方米")]
    public Area? SiteArea { get; init; }

    [Zh("建筑基底面积", Unit = "平方米")]
    public Area? BuildingFootprint { get; init; }

    [Zh("总建筑面积", Unit = "平方米")]
    public Area? FloorArea { get; init; }

    [Zh("厂房层数", Unit = "层")]
    public int? Storeys { get; init; }

    [Zh("行业有特殊要求")]
    public bool SpecialIndustryRequirement { get; init; }

    [Zh("适合入驻多层标准厂房")]
    public bool SuitsStandardPlant { get; init; }

    [Zh("项目阶段")]
    public required ProjectStage Stage { get; init; }

    [Zh("责任单位")]
    public string? ResponsibleUnit { get; init; }

    [Zh("责任人")]
    public string? ResponsiblePerson { get; init; }

    [Zh("已通过用地预审")]
    public bool LandPreReviewed { get; init; }

    [Zh("已通过用地评估")]
    public bool LandEvaluated { get; init; }

    [Zh("符合规划环评")]
    public bool? ConformsToPlanEia { get; init; }

    [Zh("项目需占用安全容量")]
    public decimal? SafetyCapacityDemand { get; init; }

    [Zh("引资企业统一社会信用代码")]
    public UnifiedSocialCreditCode? IntroducedBy { get; init; }

    [Zh("签约日期")]
    public DateOnly? SignedOn { get; init; }

    [Zh("开工日期")]
    public DateOnly? StartedOn { get; init; }

    [Zh("位置")]
    public Geometry? Location { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new FieldError(nameof(Name), "项目名称不能为空");
        }

        if (Investment.IsNegative)
        {
            yield return new FieldError(nameof(Investment), "总投资不能为负数");
        }

        if (Cluster is { } c && c.County != County)
        {
            yield return new FieldError(nameof(Cluster), $"集聚区“{c}”不在所填县（市、区）“{County}”内");
        }

        if (SafetyCapacityDemand < 0)
        {
            yield return new FieldError(nameof(SafetyCapacityDemand), "项目需占用安全容量不能为负数");
        }

        if (Storeys is < 1)
        {
            yield return new FieldError(nameof(Storeys), "厂房层数至少为1");
        }

        if (BuildingFootprint is { } fp && SiteArea is { } site && fp > site)
        {
            yield return new FieldError(nameof(BuildingFootprint), "建筑基底面积不能大于用地面积");
        }

        if (StartedOn is { } started && SignedOn is { } signed && started < signed.AddYears(-5))
        {
            yield return new FieldError(nameof(StartedOn), "开工日期早于签约日期五年以上，请核对");
        }

        foreach (var error in Geometries.Check(Location, nameof(Location)))
        {
            yield return error;
        }
    }
}

/// <summary>What a project builds, as art. 1 sorts it: production, the allowed support uses, or the prohibited urban uses.</summary>
public enum ProjectPurpose
{
    [Zh("生产经营")] Production = 1,
    [Zh("职工公寓")] StaffApartment = 2,
    [Zh("职工培训")] StaffTraining = 3,
    [Zh("必要的生产生活服务设施")] ProductionLivingService = 4,
    [Zh("房地产开发")] RealEstate = 5,
    [Zh("大广场")] LargePlaza = 6,
    [Zh("属城市功能的大型公共服务设施")] UrbanPublicFacility = 7,
    [Zh("其他")] Other = 8,
}

public enum ProjectStage
{
    [Zh("谋划")] Planned = 1,
    [Zh("签约")] Contracted = 2,
    [Zh("审批（核准、备案）")] Approved = 3,
    [Zh("在建")] UnderConstruction = 4,
    [Zh("竣工")] Completed = 5,
    [Zh("投产")] InProduction = 6,
    [Zh("终止")] Cancelled = 7,
}

/// <summary>Funds actually in place (实际到位资金) for a project in a year, by origin and currency (art. 5).</summary>
[Zh("项目到位资金")]
public sealed class ProjectFunding : IChildRecord, ISelfValidating
{
    public long Id { get; init; }

    [Zh("项目代码")]
    public required ProjectCode Project { get; init; }

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("资金来源")]
    public required FundOrigin Origin { get; init; }

    [Zh("币种")]
    public required CurrencyCode Currency { get; init; }

    [Zh("到位金额", Unit = "原币")]
    public required decimal Amount { get; init; }

    [Zh("到位日期")]
    public required DateOnly InPlaceOn { get; init; }

    string IChildRecord.ParentKey => Project.Value;

    public IEnumerable<FieldError> Validate()
    {
        if (Amount <= 0)
        {
            yield return new FieldError(nameof(Amount), "到位金额应大于0");
        }

        if (InPlaceOn.Year != Year)
        {
            yield return new FieldError(nameof(InPlaceOn), $"到位日期{InPlaceOn:yyyy-MM-dd}不在年度{Year}内");
        }
    }
}

public enum FundOrigin
{
    [Zh("境外")] Foreign = 1,
    [Zh("省外")] OutsideProvince = 2,
    [Zh("省内")] InsideProvince = 3,
}

/// <summary>A project's planned annual emission of one pollutant (art. 18).</summary>
[Zh("项目污染物排放")]
public sealed class ProjectEmission : IChildRecord, ISelfValidating
{
    public long Id { get; init; }

    [Zh("项目代码")]
    public required ProjectCode Project { get; init; }

    [Zh("污染物")]
    public required Environmental.Pollutant Pollutant { get; init; }

    [Zh("年排放量", Unit = "吨/年")]
    public required decimal TonnesPerYear { get; init; }

    string IChildRecord.ParentKey => Project.Value;

    public IEnumerable<FieldError> Validate()
    {
        if (TonnesPerYear < 0)
        {
            yield return new FieldError(nameof(TonnesPerYear), "年排放量不能为负数");
        }
    }
}
