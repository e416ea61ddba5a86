using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Planning;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

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
        var farmland = (await db.BasicFarmland.AsNoTracking().Select(f => f.Boundary).ToListAsync(cancellationToken))
            .Select(b => (Boundary: b, Envelope: b.EnvelopeInternal))
            .ToList();
        await foreach (var c in db.Clusters.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (c.ControlArea is not { } control)
            {
                yield return new Subject("集聚区", c.Code.Value, c.County, c.Code, new ControlAreaFacts { Cluster = c.Code, HasControlArea = false, BasicFarmlandOverlap = Area.Zero });
                continue;
            }

            var envelope = control.EnvelopeInternal;
            var overlaps = farmland
                .Where(f => f.Envelope.Intersects(envelope) && f.Boundary.Intersects(control))
                .Select(f => SquareMetres(f.Boundary.Intersection(control)))
                .Where(m2 => m2 > 0)
                .ToList();
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
