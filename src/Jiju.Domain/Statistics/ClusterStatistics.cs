using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;

namespace Jiju.Domain.Statistics;

/// <summary>
/// One year's statistics of a cluster, as submitted. A correction is a new <see cref="Version"/>;
/// nothing is overwritten. The land figures are those the land intensive-use evaluation (art. 7)
/// reads; the taxes with their provincial shares are what the fiscal reward (art. 26) reads.
/// </summary>
[Zh("年度统计")]
public sealed class ClusterStatistics : IJurisdictionOwned, ISelfValidating, IAppendOnly
{
    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("版本")]
    public int Version { get; init; } = 1;

    [Zh("报送日期")]
    public required DateOnly SubmittedOn { get; init; }

    [Zh("更正说明")]
    public string? CorrectionNote { get; init; }

    [Zh("主营业务收入", Unit = "元")]
    public required Money Revenue { get; init; }

    [Zh("主导产业主营业务收入", Unit = "元")]
    public required Money LeadingIndustryRevenue { get; init; }

    [Zh("工业增加值", Unit = "元")]
    public Money? IndustrialValueAdded { get; init; }

    [Zh("固定资产投资", Unit = "元")]
    public Money? FixedAssetInvestment { get; init; }

    [Zh("工业固定资产投资累计", Unit = "元")]
    public Money? IndustrialFixedAssets { get; init; }

    [Zh("规模以上工业企业数", Unit = "家")]
    public int? EnterprisesAboveScale { get; init; }

    [Zh("从业人员", Unit = "人")]
    public required int Employment { get; init; }

    [Zh("增值税", Unit = "元")]
    public required Money Vat { get; init; }

    [Zh("增值税省级分成", Unit = "元")]
    public required Money VatProvincialShare { get; init; }

    [Zh("营业税", Unit = "元")]
    public required Money BusinessTax { get; init; }

    [Zh("营业税省级分成", Unit = "元")]
    public required Money BusinessTaxProvincialShare { get; init; }

    [Zh("企业所得税", Unit = "元")]
    public required Money IncomeTax { get; init; }

    [Zh("企业所得税省级分成", Unit = "元")]
    public required Money IncomeTaxProvincialShare { get; init; }

    [Zh("税收总额", Unit = "元")]
    public required Money TotalTax { get; init; }

    [Zh("工业税收", Unit = "元")]
    public Money? IndustrialTax { get; init; }

    [Zh("评价范围土地总面积", Unit = "平方米")]
    public Area? TotalLand { get; init; }

    [Zh("已达到供地条件土地面积", Unit = "平方米")]
    public Area? LandReadyForSupply { get; init; }

    [Zh("已供应国有建设用地面积", Unit = "平方米")]
    public Area? LandSupplied { get; init; }

    [Zh("已建成城镇建设用地面积", Unit = "平方米")]
    public Area? LandBuiltUp { get; init; }

    [Zh("已建成工业用地面积", Unit = "平方米")]
    public Area? IndustrialLandBuiltUp { get; init; }

    [Zh("总建筑面积", Unit = "平方米")]
    public Area? TotalFloorArea { get; init; }

    [Zh("建筑基底总面积", Unit = "平方米")]
    public Area? TotalBuildingFootprint { get; init; }

    [Zh("工业用地总建筑面积", Unit = "平方米")]
    public Area? IndustrialFloorArea { get; init; }

    [Zh("工业用地建筑物构筑物基底及露天堆场面积", Unit = "平方米")]
    public Area? IndustrialCoverage { get; init; }

    [Zh("闲置土地面积", Unit = "平方米")]
    public Area? IdleLand { get; init; }

    [Zh("违法违规用地面积", Unit = "平方米")]
    public Area? IllegalLandUse { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (Year is < 2000 or > 2100)
        {
            yield return new FieldError(nameof(Year), $"年度{Year}不合理");
        }

        if (SubmittedOn.Year < Year)
        {
            yield return new FieldError(nameof(SubmittedOn), $"报送日期{SubmittedOn:yyyy-MM-dd}早于统计年度{Year}");
        }

        if (Version < 1)
        {
            yield return new FieldError(nameof(Version), "版本号从1开始");
        }

        if (Version > 1 && string.IsNullOrWhiteSpace(CorrectionNote))
        {
            yield return new FieldError(nameof(CorrectionNote), "更正数据须说明更正原因");
        }

        if (Employment < 0)
        {
            yield return new FieldError(nameof(Employment), "从业人员不能为负数");
        }

        foreach (var (name, value) in MoneyFigures())
        {
            if (value is { IsNegative: true })
            {
                yield return new FieldError(name, "金额不能为负数");
            }
        }

        if (LeadingIndustryRevenue > Revenue)
        {
            yield return new FieldError(nameof(LeadingIndustryRevenue), "主导产业主营业务收入不能大于全区主营业务收入");
        }

        foreach (var (share, total, name) in new[]
        {
            (VatProvincialShare, Vat, nameof(VatProvincialShare)),
            (BusinessTaxProvincialShare, BusinessTax, nameof(BusinessTaxProvincialShare)),
            (IncomeTaxProvincialShare, IncomeTax, nameof(IncomeTaxProvincialShare)),
        })
        {
            if (share > total)
            {
                yield return new FieldError(name, "省级分成不能大于该税种总额");
            }
        }

        // The land inventory is a chain: ready ⊆ total, supplied ⊆ ready, built-up ⊆ supplied, industrial ⊆ built-up.
        foreach (var (inner, outer, name, message) in new[]
        {
            (LandReadyForSupply, TotalLand, nameof(LandReadyForSupply), "已达到供地条件土地面积不能大于土地总面积"),
            (LandSupplied, LandReadyForSupply, nameof(LandSupplied), "已供应面积不能大于已达到供地条件面积"),
            (LandBuiltUp, LandSupplied, nameof(LandBuiltUp), "已建成面积不能大于已供应面积"),
            (IndustrialLandBuiltUp, LandBuiltUp, nameof(IndustrialLandBuiltUp), "已建成工业用地面积不能大于已建成城镇建设用地面积"),
            (TotalBuildingFootprint, LandBuiltUp, nameof(TotalBuildingFootprint), "建筑基底总面积不能大于已建成城镇建设用地面积"),
            (IndustrialCoverage, IndustrialLandBuiltUp, nameof(IndustrialCoverage), "工业用地基底及堆场面积不能大于已建成工业用地面积"),
        })
        {
            if (inner is { } i && outer is { } o && i > o)
            {
                yield return new FieldError(name, message);
            }
        }
    }

    private IEnumerable<(string Name, Money? Value)> MoneyFigures() =>
    [
        (nameof(Revenue), Revenue), (nameof(LeadingIndustryRevenue), LeadingIndustryRevenue),
        (nameof(IndustrialValueAdded), IndustrialValueAdded), (nameof(FixedAssetInvestment), FixedAssetInvestment),
        (nameof(IndustrialFixedAssets), IndustrialFixedAssets), (nameof(Vat), Vat), (nameof(BusinessTax), BusinessTax),
        (nameof(IncomeTax), IncomeTax), (nameof(TotalTax), TotalTax), (nameof(IndustrialTax), IndustrialTax),
    ];
}
