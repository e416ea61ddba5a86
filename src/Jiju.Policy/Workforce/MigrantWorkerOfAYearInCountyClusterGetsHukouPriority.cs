using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Workforce;

/// <summary>
/// 第（十三）条：“对在县域产业集聚区工作1年以上，愿意转为城镇户口的农民工及其家属，按照有关规定优先办理有关手续，在养老、
/// 医疗、保障性住房、子女入学等方面享受与城镇居民同等待遇。”
/// 县域: the cluster's county-level unit is a county (县) or a county-level city (县级市, including 济源, a county-level city
/// the province administers directly), not a city district (市辖区). "1年以上" is a full year counted as Civil Code
/// arts. 201–203 count periods: the day work began is not counted, so the year is full from the day after its anniversary.
/// A worker who has left the cluster by the decision date no longer works there and is not covered.
/// </summary>
[Article(13, "对在县域产业集聚区工作1年以上，愿意转为城镇户口的农民工及其家属，按照有关规定优先办理有关手续")]
public sealed class MigrantWorkerOfAYearInCountyClusterGetsHukouPriority : Rule<MigrantWorkerFacts, HukouPriorityFinding>
{
    public override string Title => "县域集聚区工作满1年的农民工优先办理转户";

    public override IReadOnlyList<string> ParameterIds { get; } = ["workforce.hukou.min-years"];

    protected override Decision<HukouPriorityFinding> Decide(MigrantWorkerFacts facts, Evaluation e)
    {
        if (facts.CountyKind is not (DivisionKind.County or DivisionKind.CountyCity or DivisionKind.ProvinceAdministeredCity))
        {
            return e.NotApplicable(facts.CountyKind == DivisionKind.District
                ? "集聚区位于市辖区，不属县域产业集聚区"
                : $"集聚区所在行政区类型为{facts.CountyKind}，不属县域（县、县级市）");
        }

        if (!facts.WantsUrbanHukou)
        {
            return e.NotApplicable("本人不愿意转为城镇户口");
        }

        if (facts.LeftOn is { } left && left <= e.AsOf)
        {
            return e.NotApplicable($"已于{left:yyyy-MM-dd}离开产业集聚区，判断日不在县域产业集聚区工作");
        }

        var minYears = e.Number("workforce.hukou.min-years");
        if (minYears is null)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 第（十三）条转户规定不在施行期内");
        }

        var years = StatutePeriods.FullYears(facts.WorkingSince, e.AsOf);
        var fullFrom = StatutePeriods.LastDayOfYears(facts.WorkingSince, (int)decimal.Ceiling(minYears.Value)).AddDays(1);
        if (Thresholds.AtLeast(years, minYears.Value))
        {
            return e.Decided(
                new HukouPriorityFinding(true, years, fullFrom, facts.FamilyMembers),
                $"自{facts.WorkingSince:yyyy-MM-dd}起在县域产业集聚区工作，至{e.AsOf:yyyy-MM-dd}已满{years}年，达到“{minYears}年以上”",
                $"本人{(facts.FamilyMembers > 0 ? $"及随迁家属{facts.FamilyMembers}人" : string.Empty)}按照有关规定优先办理转为城镇户口的有关手续，在养老、医疗、保障性住房、子女入学等方面享受与城镇居民同等待遇");
        }

        return e.Decided(
            new HukouPriorityFinding(false, years, fullFrom, facts.FamilyMembers),
            $"自{facts.WorkingSince:yyyy-MM-dd}起在县域产业集聚区工作，至{e.AsOf:yyyy-MM-dd}未满{minYears}年（{fullFrom:yyyy-MM-dd}起满）",
            "工作年限未满，暂不适用优先办理");
    }
}

public sealed class MigrantWorkerFacts
{
    [Zh("集聚区所在县级行政区类型")]
    public required DivisionKind CountyKind { get; init; }

    [Zh("在集聚区工作起始日期")]
    public required DateOnly WorkingSince { get; init; }

    [Zh("离开日期")]
    public DateOnly? LeftOn { get; init; }

    [Zh("愿意转为城镇户口")]
    public required bool WantsUrbanHukou { get; init; }

    [Zh("随迁家属人数", Unit = "人")]
    public int FamilyMembers { get; init; }
}

public sealed record HukouPriorityFinding(
    [property: Zh("优先办理")] bool Priority,
    [property: Zh("已满工作年数", Unit = "年")] int FullYears,
    [property: Zh("年限届满之次日")] DateOnly FullFrom,
    [property: Zh("随迁家属人数", Unit = "人")] int FamilyMembers);
