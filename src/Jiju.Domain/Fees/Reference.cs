using Jiju.Domain.Common;

namespace Jiju.Domain.Fees;

/// <summary>An item of the catalogue of administrative fees waived in clusters (收费减免目录, art. 26).</summary>
[Zh("收费减免目录")]
public sealed class FeeWaiver : IReferenceData, ISelfValidating
{
    [Zh("收费项目编码")]
    public required string Code { get; init; }

    [Zh("收费项目名称")]
    public required string Name { get; init; }

    [Zh("收费主管部门")]
    public required string Authority { get; init; }

    [Zh("减免方式")]
    public required WaiverKind Kind { get; init; }

    [Zh("依据文件")]
    public required string Basis { get; init; }

    [Zh("起始日期")]
    public required DateOnly ValidFrom { get; init; }

    [Zh("终止日期")]
    public DateOnly? ValidTo { get; init; }

    public IEnumerable<FieldError> Validate()
    {
        if (ValidTo is { } to && to < ValidFrom)
        {
            yield return new FieldError(nameof(ValidTo), "终止日期早于起始日期");
        }
    }
}

public enum WaiverKind
{
    [Zh("全免")] Full = 1,
    [Zh("减半")] Half = 2,
    [Zh("适当减免")] Partial = 3,
}

/// <summary>A dated exchange rate: yuan per unit of a foreign currency from a date on (used for USD 30,000,000, art. 5).</summary>
[Zh("汇率")]
public sealed class ExchangeRate : IReferenceData, ISelfValidating
{
    [Zh("币种")]
    public required CurrencyCode Currency { get; init; }

    [Zh("生效日期")]
    public required DateOnly EffectiveOn { get; init; }

    [Zh("人民币元/单位外币")]
    public required decimal YuanPerUnit { get; init; }

    [Zh("来源")]
    public required string Source { get; init; }

    public IEnumerable<FieldError> Validate()
    {
        if (YuanPerUnit <= 0)
        {
            yield return new FieldError(nameof(YuanPerUnit), "汇率应大于0");
        }

        if (Currency.IsCny)
        {
            yield return new FieldError(nameof(Currency), "人民币不需要汇率");
        }

        if (string.IsNullOrWhiteSpace(Source))
        {
            yield return new FieldError(nameof(Source), "须注明汇率来源（如中国人民银行公布的中间价）");
        }
    }
}
