using Jiju.Application.Sweep;
using Jiju.Data;
using Jiju.Data.Demo;
using Jiju.Data.Tests;
using Jiju.Domain.Environmental;
using Jiju.Policy.Environment;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Tests;

public sealed class EnvironmentSweepTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AHighRiskClusterNearItsSafetyCapacity_RefusesProjectsThatWouldExceedIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Domain.Clusters.ClusterCode full;
        await using (var db = database.Context())
        {
            await new DemoGenerator(db).GenerateAsync(new DemoOptions());
            full = (await db.Clusters.Where(c => c.HighRiskIndustry).Select(c => c.Code).ToListAsync()).OrderBy(c => c.Value, StringComparer.Ordinal).First();

            // A newer evaluation leaves 5 units; every demo project there needs 10 or more.
            db.SafetyCapacities.Add(new SafetyCapacity { Cluster = full, AssessedOn = new DateOnly(2015, 6, 30), Measure = "危险化学品最大储存量", Unit = "吨", Capacity = 100, Used = 95 });
            await db.SaveChangesAsync();
        }

        await using var check = database.Context();
        var before = await new SweepService(check).RunAsync(new DateOnly(2015, 6, 29), store: false);
        var after = await new SweepService(check).RunAsync(DemoGenerator.AsOf, store: false);

        static List<SweepFinding> Refusals(SweepResult r) =>
            r.Findings.Where(f => f.RuleId == nameof(HighRiskClusterAdmitsWithinSafetyCapacity)).ToList();
        Assert.Empty(Refusals(before));
        Assert.NotEmpty(Refusals(after));
        Assert.All(Refusals(after), f => Assert.Equal(full, f.Cluster));
        Assert.All(Refusals(after), f => Assert.Equal("Refused", f.Kind));
    }
}
