using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Land;
using Jiju.Domain.Statistics;

namespace Jiju.Domain.Tests;

public sealed class RecordValidationTests
{
    private static LandParcel Parcel(DateOnly granted, DateOnly agreed, DateOnly? actual = null, string county = "410182") => new()
    {
        Code = ParcelCode.Of("410182001001GB00001"),
        County = DivisionCode.Of(county),
        Cluster = ClusterCode.Of("41018201"),
        LandUse = LandUseClass.Of("0601"),
        Area = new Area(10_000m),
        GrantType = GrantType.Transfer,
        Price = new Money(1_000_000m),
        GrantedOn = granted,
        AgreedStart = agreed,
        ActualStart = actual,
    };

    [Fact]
    public void Parcel_WithConsistentFacts_HasNoErrors() =>
        Assert.Empty(Parcel(new DateOnly(2012, 1, 1), new DateOnly(2012, 3, 1)).Validate());

    [Fact]
    public void Parcel_AgreedToStartBeforeItWasGranted_NamesTheAgreedStart()
    {
        var errors = Parcel(new DateOnly(2012, 3, 1), new DateOnly(2012, 1, 1)).Validate().ToList();

        Assert.Contains(errors, e => e.Field == nameof(LandParcel.AgreedStart));
    }

    [Fact]
    public void Parcel_WhoseCodeIsFromAnotherCounty_NamesTheCode()
    {
        var errors = Parcel(new DateOnly(2012, 1, 1), new DateOnly(2012, 3, 1), county: "410181").Validate().ToList();

        Assert.Contains(errors, e => e.Field == nameof(LandParcel.Code));
        Assert.Contains(errors, e => e.Field == nameof(LandParcel.Cluster));
    }

    [Fact]
    public void Statistics_WhereMoreLandIsBuiltThanSupplied_IsRefused()
    {
        var stats = new ClusterStatistics
        {
            Cluster = ClusterCode.Of("41018201"),
            Year = 2015,
            SubmittedOn = new DateOnly(2016, 2, 1),
            Revenue = Money.FromYi(100),
            LeadingIndustryRevenue = Money.FromYi(60),
            Employment = 10_000,
            Vat = Money.FromYi(3),
            VatProvincialShare = Money.FromYi(0.3m),
            BusinessTax = Money.Zero,
            BusinessTaxProvincialShare = Money.Zero,
            IncomeTax = Money.FromYi(1),
            IncomeTaxProvincialShare = Money.FromYi(2),
            TotalTax = Money.FromYi(5),
            LandSupplied = new Area(1_000m),
            LandBuiltUp = new Area(1_001m),
        };

        var fields = stats.Validate().Select(e => e.Field).ToList();

        Assert.Contains(nameof(ClusterStatistics.LandBuiltUp), fields);
        Assert.Contains(nameof(ClusterStatistics.IncomeTaxProvincialShare), fields);
    }

    [Fact]
    public void Statistics_Correction_MustSayWhy()
    {
        var stats = new ClusterStatistics
        {
            Cluster = ClusterCode.Of("41018201"),
            Year = 2015,
            Version = 2,
            SubmittedOn = new DateOnly(2016, 5, 1),
            Revenue = Money.FromYi(100),
            LeadingIndustryRevenue = Money.FromYi(60),
            Employment = 10_000,
            Vat = Money.Zero,
            VatProvincialShare = Money.Zero,
            BusinessTax = Money.Zero,
            BusinessTaxProvincialShare = Money.Zero,
            IncomeTax = Money.Zero,
            IncomeTaxProvincialShare = Money.Zero,
            TotalTax = Money.Zero,
        };

        Assert.Contains(stats.Validate(), e => e.Field == nameof(ClusterStatistics.CorrectionNote));
    }

    [Fact]
    public void Geometry_InProjectedMetresInsteadOfDegrees_IsRefused()
    {
        var square = Geometries.Factory.CreatePolygon(
        [
            new(500_000, 3_800_000), new(501_000, 3_800_000), new(501_000, 3_801_000), new(500_000, 3_801_000), new(500_000, 3_800_000),
        ]);

        Assert.Contains(Geometries.Check(square, "boundary"), e => e.Message.Contains("超出中国范围", StringComparison.Ordinal));
    }

    [Fact]
    public void Geometry_ThatCrossesItself_IsRefusedWithItsLocation()
    {
        var bowtie = Geometries.Factory.CreatePolygon(
        [
            new(113.0, 34.0), new(113.1, 34.1), new(113.1, 34.0), new(113.0, 34.1), new(113.0, 34.0),
        ]);

        Assert.Contains(Geometries.Check(bowtie, "boundary"), e => e.Message.Contains("几何图形无效", StringComparison.Ordinal));
    }
}
