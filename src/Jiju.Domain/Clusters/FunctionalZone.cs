using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Land;
using NetTopologySuite.Geometries;

namespace Jiju.Domain.Clusters;

/// <summary>A functional zone (功能分区) fixed by the cluster's plans, with the land uses it permits (art. 1).</summary>
[Zh("功能分区")]
public sealed class FunctionalZone : IJurisdictionOwned, ISelfValidating
{
    public long Id { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("分区名称")]
    public required string Name { get; init; }

    [Zh("分区类型")]
    public required ZoneKind Kind { get; init; }

    [Zh("允许用地分类")]
    public required IReadOnlyList<LandUseClass> PermittedUses { get; init; }

    [Zh("范围")]
    public Geometry? Boundary { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (PermittedUses.Count == 0)
        {
            yield return new FieldError(nameof(PermittedUses), "至少应列出一种允许的用地分类");
        }

        foreach (var error in Geometries.Check(Boundary, nameof(Boundary)))
        {
            yield return error;
        }
    }
}

public enum ZoneKind
{
    [Zh("工业区")] Industrial = 1,
    [Zh("物流仓储区")] Logistics = 2,
    [Zh("综合服务区")] Services = 3,
    [Zh("生活配套区")] LivingSupport = 4,
    [Zh("生态绿地")] Green = 5,
    [Zh("预留发展区")] Reserve = 6,
}
