using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Industries;

namespace Jiju.Domain.Land;

/// <summary>
/// A land-use control standard for industrial projects (e.g. 《工业项目建设用地控制指标》): the minimum
/// investment intensity, building coefficient and plot ratio for an industry, in the province or in one
/// city or county (the most specific scope wins). Art. 8 withdraws every preference from a project below
/// them. Jiju ships none: each standard is loaded with the document it comes from.
/// </summary>
[Zh("用地控制标准")]
public sealed class LandUseStandard : IReferenceData, ISelfValidating
{
    public long Id { get; init; }

    [Zh("行业代码")]
    public required IndustryCode Industry { get; init; }

    [Zh("适用区域代码")]
    public required DivisionCode Scope { get; init; }

    [Zh("投资强度控制值", Unit = "元/平方米")]
    public decimal? MinInvestmentIntensity { get; init; }

    [Zh("建筑系数控制值")]
    public decimal? MinBuildingCoefficient { get; init; }

    [Zh("容积率控制值")]
    public decimal? MinPlotRatio { get; init; }

    [Zh("依据文件")]
    public required string Source { get; init; }

    [Zh("起始日期")]
    public required DateOnly ValidFrom { get; init; }

    [Zh("终止日期")]
    public DateOnly? ValidTo { get; init; }

    public IEnumerable<FieldError> Validate()
    {
        if (MinInvestmentIntensity is null && MinBuildingCoefficient is null && MinPlotRatio is null)
        {
            yield return new FieldError(nameof(MinPlotRatio), "投资强度、建筑系数、容积率控制值至少填写一项");
        }

        if (MinInvestmentIntensity < 0 || MinPlotRatio < 0)
        {
            yield return new FieldError(MinInvestmentIntensity < 0 ? nameof(MinInvestmentIntensity) : nameof(MinPlotRatio), "控制值不能为负数");
        }

        if (MinBuildingCoefficient is < 0 or > 1)
        {
            yield return new FieldError(nameof(MinBuildingCoefficient), "建筑系数为比例，应在0到1之间（30% 写作 0.3）");
        }

        if (string.IsNullOrWhiteSpace(Source))
        {
            yield return new FieldError(nameof(Source), "须注明依据文件");
        }

        if (ValidTo is { } to && to < ValidFrom)
        {
            yield return new FieldError(nameof(ValidTo), "终止日期早于起始日期");
        }
    }

    /// <summary>True when this standard covers <paramref name="industry"/> in <paramref name="county"/> on <paramref name="date"/>.</summary>
    public bool Covers(IndustryCode industry, DivisionCode county, DateOnly date) =>
        industry.IsWithin(Industry) && county.IsWithin(Scope) && ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}
