using Jiju.Application.Sweep;
using Jiju.Data;
using Jiju.Data.Demo;
using Jiju.Data.Import;
using Jiju.Data.Tests;
using Jiju.Domain.Divisions;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using Jiju.Policy.Land;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Tests;

public sealed class StandardsSweepTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadedStandards_AreApplied_WithTheMostSpecificScopeWinning(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context())
        {
            await new DemoGenerator(db).GenerateAsync(new DemoOptions());
            var withoutStandards = await new SweepService(db).RunAsync(DemoGenerator.AsOf, store: false);
            Assert.Equal(0, withoutStandards.Rules.Single(r => r.RuleId == nameof(ProjectBelowLandUseStandardsLosesAllPreferences)).Subjects);

            // No real numbers are invented here: a plot ratio of 10 is impossible on purpose, 0.1 trivially met.
            var industries = (await db.Enterprises.Select(e => e.Industry).Distinct().ToListAsync())
                .Concat(await db.Projects.Select(p => p.Industry).Distinct().ToListAsync())
                .Select(i => IndustryCode.Of(i.Value[..2]))
                .Distinct();
            foreach (var industry in industries)
            {
                db.LandUseStandards.Add(new LandUseStandard { Industry = industry, Scope = DivisionCode.Henan, MinPlotRatio = 0.1m, Source = "测试：全省", ValidFrom = new DateOnly(2012, 1, 1) });
                db.LandUseStandards.Add(new LandUseStandard { Industry = industry, Scope = DivisionCode.Of("410182"), MinPlotRatio = 10m, Source = "测试：荥阳市", ValidFrom = new DateOnly(2012, 1, 1) });
            }

            await db.SaveChangesAsync();
        }

        await using var check = database.Context();
        var result = await new SweepService(check).RunAsync(DemoGenerator.AsOf, store: false);

        var findings = result.Findings.Where(f => f.RuleId == nameof(ProjectBelowLandUseStandardsLosesAllPreferences)).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("410182", f.County.Value));
        Assert.All(findings, f => Assert.Contains("测试：荥阳市", f.Trace.Facts.Single(x => x.Name == "StandardSource").Value, StringComparison.Ordinal));
        var summary = result.Rules.Single(r => r.RuleId == nameof(ProjectBelowLandUseStandardsLosesAllPreferences));
        Assert.True(summary.Subjects > findings.Count, "其他县的工业宗地也应被检查（且符合全省标准）");
    }

    [Fact]
    public void Standards_AreImportableReferenceData() =>
        Assert.Equal("用地控制标准", ImportCatalog.Find("land_use_standards")!.ZhName);
}
