using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Planning;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Jiju.Application.Sweep;

/// <summary>
/// Art. 2: each cluster's control area against the basic farmland of the province. Geometries are
/// CGCS2000 degrees; the overlap is converted to square metres at its own latitude (equirectangular),
/// which is exact enough to say whether and roughly how much it overlaps: any overlap at all is a finding.
/// </summary>
internal sealed class ControlAreaAdapter : IRuleAdapter
{
    private const double MetresPerDegreeLatitude = 110_574;
    private const double MetresPerDegreeLongitudeAtEquator = 111_320;

    public string RuleId => nameof(ControlAreaAvoidsBasicFarmland);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The farmland's pieces in an R-tree of their envelopes: a control area is tested against the pieces whose
        // envelope meets its own, not against every piece of the province (nationally 3,181 pieces for 3,180 clusters,
        // ten million envelope tests). The overlaps are summed in the pieces' order, as read, so the sum is the same.
        var farmland = await db.BasicFarmland.AsNoTracking().Select(f => f.Boundary).ToListAsync(cancellationToken);
        var index = new STRtree<int>();
        for (var i = 0; i < farmland.Count; i++)
        {
            index.Insert(farmland[i].EnvelopeInternal, i);
        }

        index.Build();
        await foreach (var c in db.Clusters.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (c.ControlArea is not { } control)
            {
                yield return new Subject("集聚区", c.Code.Value, c.County, c.Code, new ControlAreaFacts { Cluster = c.Code, HasControlArea = false, BasicFarmlandOverlap = Area.Zero });
                continue;
            }

            var overlaps = new List<double>();
            foreach (var i in index.Query(control.EnvelopeInternal).Order())
            {
                if (farmland[i].Intersects(control) && SquareMetres(farmland[i].Intersection(control)) is var m2 and > 0)
                {
                    overlaps.Add(m2);
                }
            }

            yield return new Subject("集聚区", c.Code.Value, c.County, c.Code, new ControlAreaFacts
            {
                Cluster = c.Code,
                BasicFarmlandOverlap = new Area(Math.Round((decimal)overlaps.Sum(), 2)),
                OverlappingPieces = overlaps.Count,
            });
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is ControlAreaFinding { Avoids: false } ? "Overlaps" : null;

    private static double SquareMetres(Geometry g)
    {
        if (g.IsEmpty)
        {
            return 0;
        }

        var latitude = g.Centroid.Y * Math.PI / 180;
        return g.Area * MetresPerDegreeLatitude * MetresPerDegreeLongitudeAtEquator * Math.Cos(latitude);
    }
}
