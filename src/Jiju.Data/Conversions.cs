using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;
using Jiju.Domain.Relocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Jiju.Data;

/// <summary>
/// How domain values are stored, the same on SQLite and PostgreSQL: codes as text, money as
/// whole fen (exact, and summable and sortable in SQL on both providers), areas as square
/// metres in double precision, geometries as WKB in CGCS2000.
/// </summary>
internal static class Conversions
{
    /// <summary>
    /// How <paramref name="property"/> is stored: the converter from its model value (null when stored as it is), and the
    /// stored type, without <see cref="Nullable{T}"/>. What every reader and writer that bypasses EF Core's own goes by.
    /// </summary>
    public static (ValueConverter? Converter, Type Stored) StoredAs(IProperty property)
    {
        var converter = property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        return (converter, Nullable.GetUnderlyingType(stored) ?? stored);
    }

    /// <summary>
    /// The codes: value types stored as text of ASCII letters and digits (and hyphens in project codes), whose order is
    /// their characters' order. On PostgreSQL their columns compare in byte order (collation "C"), whatever the
    /// database's collation, as SQLite's BINARY does (ADR 0012).
    /// </summary>
    public static IReadOnlySet<Type> Codes { get; } = new HashSet<Type>
    {
        typeof(DivisionCode), typeof(ClusterCode), typeof(UnifiedSocialCreditCode), typeof(IndustryCode), typeof(LandUseClass),
        typeof(ParcelCode), typeof(ProjectCode), typeof(VillageCode), typeof(CurrencyCode),
    };

    public static void Apply(ModelConfigurationBuilder b)
    {
        b.Properties<DivisionCode>().HaveConversion<DivisionCodeConverter>().HaveMaxLength(6);
        b.Properties<ClusterCode>().HaveConversion<ClusterCodeConverter>().HaveMaxLength(8);
        b.Properties<UnifiedSocialCreditCode>().HaveConversion<CreditCodeConverter>().HaveMaxLength(18);
        b.Properties<IndustryCode>().HaveConversion<IndustryCodeConverter>().HaveMaxLength(4);
        b.Properties<LandUseClass>().HaveConversion<LandUseClassConverter>().HaveMaxLength(5);
        b.Properties<ParcelCode>().HaveConversion<ParcelCodeConverter>().HaveMaxLength(19);
        b.Properties<ProjectCode>().HaveConversion<ProjectCodeConverter>().HaveMaxLength(24);
        b.Properties<VillageCode>().HaveConversion<VillageCodeConverter>().HaveMaxLength(12);
        b.Properties<CurrencyCode>().HaveConversion<CurrencyCodeConverter>().HaveMaxLength(3);
        b.Properties<Money>().HaveConversion<MoneyConverter>();
        b.Properties<Area>().HaveConversion<AreaConverter>();
        b.Properties<Geometry>().HaveConversion<WkbConverter, GeometryComparer>();
        b.Properties<IReadOnlyList<LandUseClass>>().HaveConversion<LandUseListConverter, LandUseListComparer>().HaveMaxLength(200);
        b.Properties<Enum>().HaveConversion<int>();
    }

    public static long ToFen(Money money) => decimal.ToInt64(decimal.Round(money.Yuan * 100m, 0, MidpointRounding.AwayFromZero));

    public static Money FromFen(long fen) => new(Yuan(fen));

    /// <summary>
    /// <c>fen / 100m</c> without the division (a sweep reads millions of prices, and decimal division was a tenth of
    /// reading one): the same decimal to the bit, with the division's scale, the smallest that holds the value exactly
    /// (12300 fen is 123, 12340 fen is 123.4).
    /// </summary>
    internal static decimal Yuan(long fen)
    {
        var negative = fen < 0;
        var magnitude = negative ? (ulong)(-(fen + 1)) + 1 : (ulong)fen;
        if (magnitude == 0)
        {
            return 0m;
        }

        byte scale = 2;
        while (scale > 0 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            scale--;
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, scale);
    }

    public static double ToSquareMetres(Area area) => (double)area.SquareMetres;

    public static Area FromSquareMetres(double m2) => new((decimal)m2);

    public static byte[] ToWkb(Geometry g) => new WKBWriter(ByteOrder.LittleEndian, handleSRID: false).Write(g);

    public static Geometry FromWkb(byte[] wkb)
    {
        var g = new WKBReader(NetTopologySuite.NtsGeometryServices.Instance).Read(wkb);
        g.SRID = Geometries.Cgcs2000;
        return g;
    }

    private sealed class DivisionCodeConverter() : ValueConverter<DivisionCode, string>(v => v.Value, s => DivisionCode.Of(s));

    private sealed class ClusterCodeConverter() : ValueConverter<ClusterCode, string>(v => v.Value, s => ClusterCode.Of(s));

    private sealed class CreditCodeConverter() : ValueConverter<UnifiedSocialCreditCode, string>(v => v.Value, s => UnifiedSocialCreditCode.Of(s));

    private sealed class IndustryCodeConverter() : ValueConverter<IndustryCode, string>(v => v.Value, s => IndustryCode.Of(s));

    private sealed class LandUseClassConverter() : ValueConverter<LandUseClass, string>(v => v.Value, s => LandUseClass.Of(s));

    private sealed class ParcelCodeConverter() : ValueConverter<ParcelCode, string>(v => v.Value, s => ParcelCode.Of(s));

    private sealed class ProjectCodeConverter() : ValueConverter<ProjectCode, string>(v => v.Value, s => ProjectCode.Of(s));

    private sealed class VillageCodeConverter() : ValueConverter<VillageCode, string>(v => v.Value, s => VillageCode.Of(s));

    private sealed class CurrencyCodeConverter() : ValueConverter<CurrencyCode, string>(v => v.Value, s => CurrencyCode.Parse(s).Value);

    private sealed class MoneyConverter() : ValueConverter<Money, long>(v => ToFen(v), f => FromFen(f));

    private sealed class AreaConverter() : ValueConverter<Area, double>(v => ToSquareMetres(v), d => FromSquareMetres(d));

    private sealed class WkbConverter() : ValueConverter<Geometry, byte[]>(g => ToWkb(g), b => FromWkb(b));

    private sealed class GeometryComparer() : ValueComparer<Geometry>(
        (a, b) => a == null ? b == null : b != null && a.EqualsExact(b),
        g => g.GetHashCode(),
        g => g.Copy());

    private sealed class LandUseListConverter() : ValueConverter<IReadOnlyList<LandUseClass>, string>(
        list => string.Join(',', list.Select(c => c.Value)),
        s => s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(LandUseClass.Of).ToList());

    private sealed class LandUseListComparer() : ValueComparer<IReadOnlyList<LandUseClass>>(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        l => l.Aggregate(0, (h, c) => HashCode.Combine(h, c)),
        l => l.ToList());
}
