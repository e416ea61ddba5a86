using Jiju.Domain.Common;
using Jiju.Domain.Land;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Land;

/// <summary>
/// 第（七）条：“对土地使用者依法取得土地使用权后，未经原批准用地机关同意，超过国有建设用地使用权有偿使用合同
/// 或划拨决定书等约定的动工建设日期1年以上、2年以下，未动工建设的闲置土地，按出让或划拨土地价款的20%征收
/// 土地闲置费；满2年的，依法收回土地使用权。”
/// Lateness is counted in full years from the agreed start (or the start the approving authority agreed
/// to later), as Civil Code arts. 201–203 count periods. A delay the government caused is not the holder's.
/// </summary>
[Article(7, "超过国有建设用地使用权有偿使用合同或划拨决定书等约定的动工建设日期1年以上、2年以下，未动工建设的闲置土地，按出让或划拨土地价款的20%征收土地闲置费；满2年的，依法收回土地使用权")]
public sealed class IdleLandIsChargedOrRecovered : Rule<IdleLandFacts, IdleLandFinding>
{
    public override string Title => "闲置土地征收闲置费或收回";

    public override IReadOnlyList<string> ParameterIds { get; } = ["land.idle.fee-rate", "land.idle.fee-after-years", "land.idle.recover-after-years"];

    /// <summary>
    /// A necessary condition of a finding, for a database to screen parcels by before the rule decides them (ADR 0013):
    /// a parcel is charged or recovered only if it lay idle at least this many days, counted as the day numbers of its
    /// last idle day (the day before it started, or the date) less its start (agreed, or agreed later). Null when the
    /// parameters give no such bound: not in force on the date, or a finding possible from the first day.
    /// </summary>
    /// <remarks>
    /// A finding needs N full years late, N at least the smaller of the two periods (a parcel that started is charged
    /// only from <c>land.idle.fee-after-years</c> on; one that has not, from either). N years from any day end at least
    /// 365·N days later (02-29 plus one year is 02-28, 365 days), and the N-th year is full only from the next day:
    /// so at least 365·N + 1 days. Only the screening uses this; every parcel it lets through is decided by
    /// <see cref="Decide"/>.
    /// </remarks>
    public static int? FewestIdleDaysOfAFinding(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fee = context.Parameters.Get("land.idle.fee-after-years").At(context.AsOf)?.AsDecimal;
        var recover = context.Parameters.Get("land.idle.recover-after-years").At(context.AsOf)?.AsDecimal;
        if (fee is null || recover is null || context.Parameters.Get("land.idle.fee-rate").At(context.AsOf) is null)
        {
            return null;
        }

        // Full years are whole: N full years reach a threshold of 1.5 only at N = 2. The cap keeps the days within an int; a
        // lower bound than the exact one screens less, never wrongly.
        var years = Math.Min(Math.Ceiling(Math.Min(fee.Value, recover.Value)), 5_000m);
        return years <= 0 ? null : (365 * (int)years) + 1;
    }

    protected override Decision<IdleLandFinding> Decide(IdleLandFacts facts, Evaluation e)
    {
        if (facts.GovernmentCausedDelay)
        {
            return e.NotApplicable("迟延动工系政府或政府有关部门原因造成：依《闲置土地处置办法》（国土资源部令第53号）第八条，不按本条向土地使用者征收闲置费或收回（本意见原文未作规定）");
        }

        var feeYears = e.Number("land.idle.fee-after-years");
        var recoverYears = e.Number("land.idle.recover-after-years");
        var rate = e.Number("land.idle.fee-rate");
        if (feeYears is null || recoverYears is null || rate is null)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的闲置土地参数");
        }

        var start = facts.ApprovedNewStart ?? facts.AgreedStart;
        var basis = facts.ApprovedNewStart is null ? "约定动工日期" : "经原批准用地机关同意的新动工日期";

        // Land stops being idle the day building starts: lateness is counted up to the day before. A holder who
        // started only after a full year late still owes the fee for the time the land lay idle.
        var started = facts.ActualStart is { } actual && actual <= e.AsOf ? actual : (DateOnly?)null;
        var idleUntil = started?.AddDays(-1) ?? e.AsOf;
        var late = StatutePeriods.FullYears(start, idleUntil);
        if (started is { } s && late < feeYears)
        {
            return e.NotApplicable($"已于{s:yyyy-MM-dd}动工建设，动工前自{basis}{start:yyyy-MM-dd}起迟延未满{feeYears}年，不属闲置土地");
        }

        var until = started is { } begun ? $"至{begun:yyyy-MM-dd}动工前" : $"至{e.AsOf:yyyy-MM-dd}";
        if (Thresholds.AtLeast(late, recoverYears.Value))
        {
            return e.Decided(
                new IdleLandFinding(IdleLandStatus.Recover, late, null),
                $"自{basis}{start:yyyy-MM-dd}起{until}已满{late}年，达到“满{recoverYears}年”",
                "依法收回土地使用权");
        }

        if (Thresholds.AtLeast(late, feeYears.Value))
        {
            var fee = (facts.Price * rate.Value).RoundToFen();
            var grant = facts.GrantType == GrantType.Allocation ? "划拨" : "出让";
            return e.Decided(
                new IdleLandFinding(IdleLandStatus.Fee, late, fee),
                $"自{basis}{start:yyyy-MM-dd}起{until}已满{late}年，在“{feeYears}年以上、{recoverYears}年以下”之间",
                $"按{grant}价款{facts.Price.Yuan:#,0.00}元的{rate * 100:0.##}%征收土地闲置费{fee.Yuan:#,0.00}元");
        }

        return e.Decided(
            new IdleLandFinding(IdleLandStatus.NotIdle, late, null),
            $"自{basis}{start:yyyy-MM-dd}起至{e.AsOf:yyyy-MM-dd}未满{feeYears}年",
            "尚不构成闲置土地");
    }
}

public sealed class IdleLandFacts
{
    [Zh("供地方式")]
    public required GrantType GrantType { get; init; }

    [Zh("出让或划拨价款", Unit = "元")]
    public required Money Price { get; init; }

    [Zh("约定动工日期")]
    public required DateOnly AgreedStart { get; init; }

    [Zh("经批准的新动工日期")]
    public DateOnly? ApprovedNewStart { get; init; }

    [Zh("实际动工日期")]
    public DateOnly? ActualStart { get; init; }

    [Zh("政府原因造成迟延")]
    public bool GovernmentCausedDelay { get; init; }
}

public enum IdleLandStatus
{
    [Zh("不构成闲置")] NotIdle = 1,
    [Zh("征收闲置费")] Fee = 2,
    [Zh("收回土地使用权")] Recover = 3,
}

public sealed record IdleLandFinding(IdleLandStatus Status, int FullYearsLate, Money? Fee);
