using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Industries;

namespace Jiju.Data.Tests;

/// <summary>Small valid records for tests that need one without importing a file.</summary>
internal static class Samples
{
    public static Cluster Cluster(string code = "41018201", string name = "荥阳市产业集聚区") => new()
    {
        Code = ClusterCode.Of(code),
        Name = name,
        County = ClusterCode.Of(code).County,
        Status = ClusterStatus.Cluster,
        LeadingIndustry = IndustryCode.Of("36"),
        PlannedArea = Area.FromHectares(1500),
    };

    /// <summary>The first parcel the demo plants in 荥阳 (agreed start 2014-12-30, not started).</summary>
    public const string PlantedParcel = "410182001001GB00001";

    public static DivisionCode Xingyang => DivisionCode.Of("410182");
}
