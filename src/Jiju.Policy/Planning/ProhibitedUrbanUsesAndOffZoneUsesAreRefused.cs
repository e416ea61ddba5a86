using System.Runtime.CompilerServices;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Planning;

/// <summary>
/// 第（一）条：“按照发展规划、控制性详细规划和规划环评确定的功能布局、产业定位开发建设，防止随意变更位置、改变功能和
/// 盲目扩区，除合理配套的职工公寓、职工培训和必要的生产生活服务设施外，严禁在产业集聚区内进行房地产开发和新建大广场及
/// 其他属城市功能的大型公共服务设施，确保产业发展空间。”
/// A project inside a cluster is refused when it is one of the prohibited urban uses (房地产开发, 大广场, 属城市功能的大型
/// 公共服务设施), and when its proposed land use (GB/T 21010) is not among those its functional zone permits. Residential land
/// (07) is real-estate development unless it is a staff apartment; 0810A 广场用地 is a plaza whatever the stated purpose.
/// Moving a cluster, changing its function or enlarging it is not decided here: that goes through art. 2.
/// </summary>
[Article(1, "除合理配套的职工公寓、职工培训和必要的生产生活服务设施外，严禁在产业集聚区内进行房地产开发和新建大广场及其他属城市功能的大型公共服务设施")]
public sealed class ProhibitedUrbanUsesAndOffZoneUsesAreRefused : Rule<ProjectUseFacts, ProjectUseFinding>
{
    /// <summary>广场用地, the appendix class of GB/T 21010-2017 that a new large plaza occupies.</summary>
    private static readonly LandUseClass PlazaLand = LandUseClass.Of("0810A");

    public override string Title => "集聚区内项目用途对照禁止类用途和功能分区";

    public override IReadOnlyList<string> ParameterIds { get; } = ["planning.prohibited-uses.in-force"];

    protected override Decision<ProjectUseFinding> Decide(ProjectUseFacts facts, Evaluation e)
    {
        if (facts.Cluster is null)
        {
            return e.NotApplicable("项目不在产业集聚区内，本条只约束产业集聚区内的建设");
        }

        if (e.Flag("planning.prohibited-uses.in-force") is not true)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 第（一）条的禁止性规定不在施行期内");
        }

        // The trace's words, written only when the trace is: most of a sweep's projects are decided without it.
        string Purpose() => FactFormatting.ZhOf(facts.Purpose);
        string LandUse() => facts.LandUse is { } l ? $"{l.Value} {l.Name}" : "未填报";
        string Zone() => facts.ZoneName is { Length: > 0 } name ? $"功能分区“{name}”" : "所在功能分区";
        string Permitted() => string.Join("、", facts.PermittedUses.Select(p => $"{p.Value} {p.Name}"));
        switch (facts.Purpose)
        {
            case ProjectPurpose.RealEstate:
                return Refused(e, ProjectUseGround.RealEstate, $"建设内容为{Purpose()}（拟用地 {LandUse()}）");
            case ProjectPurpose.LargePlaza:
                return Refused(e, ProjectUseGround.LargePlaza, $"建设内容为{Purpose()}（拟用地 {LandUse()}）");
            case ProjectPurpose.UrbanPublicFacility:
                return Refused(e, ProjectUseGround.UrbanPublicFacility, $"建设内容为{Purpose()}（拟用地 {LandUse()}）");
        }

        if (facts.LandUse is not { } use)
        {
            return e.NotApplicable($"建设内容为{Purpose()}，但未填报拟用地分类，无法对照功能分区允许的用地");
        }

        if (use.IsWithin(PlazaLand))
        {
            return Refused(e, ProjectUseGround.LargePlaza, $"拟用地为 {LandUse()}，属新建广场用地（建设内容填报为{Purpose()}）");
        }

        if (use.IsResidential && facts.Purpose != ProjectPurpose.StaffApartment)
        {
            return Refused(e, ProjectUseGround.RealEstate, $"拟用地为 {LandUse()}，属住宅用地而建设内容为{Purpose()}，不是合理配套的职工公寓，按房地产开发认定");
        }

        if (facts.PermittedUses.Count == 0)
        {
            return e.NotApplicable($"未确定项目{Zone()}允许的用地分类，无法对照功能布局");
        }

        if (!facts.PermittedUses.Any(use.IsWithin))
        {
            return e.Decided(
                new ProjectUseFinding(false, ProjectUseGround.OutsideZone),
                $"拟用地 {LandUse()} 不在{Zone()}允许的用地（{Permitted()}）之内",
                "不符合规划确定的功能布局，不予准入");
        }

        var ground = facts.Purpose is ProjectPurpose.StaffApartment or ProjectPurpose.StaffTraining or ProjectPurpose.ProductionLivingService
            ? ProjectUseGround.Support
            : ProjectUseGround.FitsZone;
        return e.Decided(
            new ProjectUseFinding(true, ground),
            $"建设内容为{Purpose()}，{(ground == ProjectUseGround.Support ? "属本条允许的合理配套" : "不属禁止类用途")}；拟用地 {LandUse()} 在{Zone()}允许的用地（{Permitted()}）之内",
            "符合功能布局，准予按规划建设");
    }

    private static Decision<ProjectUseFinding> Refused(Evaluation e, ProjectUseGround ground, [InterpolatedStringHandlerArgument(nameof(e))] TraceText branch) =>
        e.Decided(
            new ProjectUseFinding(false, ground),
            branch,
            $"{FactFormatting.ZhOf(ground)}属本条严禁在产业集聚区内进行的事项，不予准入");
}

public sealed class ProjectUseFacts
{
    [Zh("所在集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("建设内容类别")]
    public required ProjectPurpose Purpose { get; init; }

    [Zh("拟用地分类")]
    public LandUseClass? LandUse { get; init; }

    [Zh("所在功能分区")]
    public string? ZoneName { get; init; }

    [Zh("功能分区允许用地分类")]
    public IReadOnlyList<LandUseClass> PermittedUses { get; init; } = [];
}

/// <summary>Why a cluster project's use is allowed or refused under art. 1.</summary>
public enum ProjectUseGround
{
    [Zh("符合功能分区的生产经营等用途")] FitsZone = 1,
    [Zh("合理配套的职工公寓、职工培训或必要的生产生活服务设施")] Support = 2,
    [Zh("房地产开发")] RealEstate = 3,
    [Zh("新建大广场")] LargePlaza = 4,
    [Zh("属城市功能的大型公共服务设施")] UrbanPublicFacility = 5,
    [Zh("功能分区不允许的用地")] OutsideZone = 6,
}

public sealed record ProjectUseFinding([property: Zh("准予建设")] bool Allowed, [property: Zh("理由")] ProjectUseGround Ground);
