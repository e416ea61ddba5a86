using NetTopologySuite.Geometries;

namespace Jiju.Domain.Common;

/// <summary>Geometry conventions: CGCS2000 geographic coordinates (EPSG:4490), degrees, inside China's extent.</summary>
public static class Geometries
{
    public const int Cgcs2000 = 4490;

    public static GeometryFactory Factory { get; } = new(new PrecisionModel(), Cgcs2000);

    /// <summary>The problems with a geometry a user supplied; none for a missing one.</summary>
    public static IEnumerable<FieldError> Check(Geometry? geometry, string field)
    {
        if (geometry is null)
        {
            yield break;
        }

        if (geometry.SRID != Cgcs2000)
        {
            yield return new FieldError(field, $"坐标系应为 CGCS2000（EPSG:4490），实为 EPSG:{geometry.SRID}");
        }

        if (!geometry.IsValid)
        {
            var reason = new NetTopologySuite.Operation.Valid.IsValidOp(geometry).ValidationError;
            yield return new FieldError(field, $"几何图形无效：{reason?.Message}（位置 {reason?.Coordinate}）");
        }

        var env = geometry.EnvelopeInternal;
        if (env.MinX < 73 || env.MaxX > 136 || env.MinY < 3 || env.MaxY > 54)
        {
            yield return new FieldError(field, "几何图形超出中国范围（经度73–136度、纬度3–54度），请检查坐标是否为经纬度且未颠倒");
        }
    }
}
