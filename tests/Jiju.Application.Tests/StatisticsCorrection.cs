using Jiju.Domain.Common;
using Jiju.Domain.Statistics;

namespace Jiju.Application.Tests;

/// <summary>Corrections of a cluster's statistics, as a statistics office submits them.</summary>
internal static class StatisticsCorrection
{
    /// <summary>
    /// The next version of <paramref name="original"/>, submitted on <paramref name="submittedOn"/>: every figure (all of them) as the
    /// original has it but those given.
    /// </summary>
    public static ClusterStatistics Of(
        ClusterStatistics original,
        DateOnly submittedOn,
        string note,
        Money? revenue = null,
        Money? leadingIndustryRevenue = null,
        Area? landSupplied = null,
        Area? illegalLandUse = null) => new()
        {
            Cluster = original.Cluster,
            Year = original.Year,
            Version = original.Version + 1,
            SubmittedOn = submittedOn,
            CorrectionNote = note,
            Revenue = revenue ?? original.Revenue,
            LeadingIndustryRevenue = leadingIndustryRevenue ?? original.LeadingIndustryRevenue,
            IndustrialValueAdded = original.IndustrialValueAdded,
            FixedAssetInvestment = original.FixedAssetInvestment,
            IndustrialFixedAssets = original.IndustrialFixedAssets,
            EnterprisesAboveScale = original.EnterprisesAboveScale,
            Employment = original.Employment,
            Vat = original.Vat,
            VatProvincialShare = original.VatProvincialShare,
            BusinessTax = original.BusinessTax,
            BusinessTaxProvincialShare = original.BusinessTaxProvincialShare,
            IncomeTax = original.IncomeTax,
            IncomeTaxProvincialShare = original.IncomeTaxProvincialShare,
            TotalTax = original.TotalTax,
            IndustrialTax = original.IndustrialTax,
            TotalLand = original.TotalLand,
            LandReadyForSupply = original.LandReadyForSupply,
            LandSupplied = landSupplied ?? original.LandSupplied,
            LandBuiltUp = original.LandBuiltUp,
            IndustrialLandBuiltUp = original.IndustrialLandBuiltUp,
            TotalFloorArea = original.TotalFloorArea,
            TotalBuildingFootprint = original.TotalBuildingFootprint,
            IndustrialFloorArea = original.IndustrialFloorArea,
            IndustrialCoverage = original.IndustrialCoverage,
            IdleLand = original.IdleLand,
            IllegalLandUse = illegalLandUse ?? original.IllegalLandUse,
        };
}
