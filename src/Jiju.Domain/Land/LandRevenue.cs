using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;

namespace Jiju.Domain.Land;

/// <summary>
/// A city's or county's land revenue in a year (art. 7: 从土地出让金中提取一定比例的资金，与土地闲置费一并使用): the
/// land-transfer income and the idle-land fees actually collected, from which the reward fund is set aside.
/// </summary>
[Zh("土地收入")]
public sealed class LandRevenue : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("县（市、区）或市代码")]
    public required DivisionCode County { get; init; }

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("土地出让金收入", Unit = "元")]
    public required Money LandTransferIncome { get; init; }

    [Zh("实际征收的土地闲置费", Unit = "元")]
    public required Money IdleLandFeesCollected { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => null;

    public IEnumerable<FieldError> Validate()
    {
        if (LandTransferIncome.IsNegative || IdleLandFeesCollected.IsNegative)
        {
            yield return new FieldError(LandTransferIncome.IsNegative ? nameof(LandTransferIncome) : nameof(IdleLandFeesCollected), "金额不能为负数");
        }

        if (Year is < 2000 or > 2100)
        {
            yield return new FieldError(nameof(Year), $"年度{Year}不合理");
        }
    }
}
