using Jiju.Application.Sweep;
using Jiju.Data;
using Jiju.Data.Demo;
using Jiju.Data.Jurisdiction;
using Jiju.Data.Tests;
using Jiju.Domain.Common;
using Jiju.Domain.Projects;
using Jiju.Policy.Engine;
using Jiju.Policy.Land;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Tests;

public sealed class SweepTests
{
    /// <summary>
    /// What each kind of planted boundary must produce: the rule and the kind of finding, or no finding.
    /// Plant kinds whose rule has no sweep adapter yet are not listed; the test says which those are.
    /// </summary>
    private static readonly Dictionary<string, (string Rule, string? Kind)> Expected = new(StringComparer.Ordinal)
    {
        ["farmland.overlaps-control-area"] = ("ControlAreaAvoidsBasicFarmland", "Overlaps"),
        ["plan.prohibited"] = ("ProhibitedUrbanUsesAndOffZoneUsesAreRefused", "RealEstate|LargePlaza"),
        ["plan.allowed"] = ("ProhibitedUrbanUsesAndOffZoneUsesAreRefused", null),
        ["key-project.yes"] = ("LeadingIndustryProjectOf500MillionIsProvincialKeyProject", "KeyProject"),
        ["key-project.no"] = ("LeadingIndustryProjectOf500MillionIsProvincialKeyProject", null),
        ["outside-cluster.no-quota"] = ("IndustrialProjectOutsideClustersGetsNoLandQuota", "NoQuota"),
        ["major-attraction.yes"] = ("ProjectOf1BillionOrByIndustryLeaderIsProvincialMajorAttractionProject", "Major"),
        ["major-attraction.missing-responsible"] = ("ProjectOf1BillionOrByIndustryLeaderIsProvincialMajorAttractionProject", "MissingResponsible"),
        ["yishang.eligible"] = ("FundsOf30MillionDollarsIntroducedByClusterEnterpriseAreRewarded", "Eligible"),
        ["yishang.not-eligible"] = ("FundsOf30MillionDollarsIntroducedByClusterEnterpriseAreRewarded", null),
        ["hukou.priority"] = ("MigrantWorkerOfAYearInCountyClusterGetsHukouPriority", "Priority"),
        ["hukou.not-yet"] = ("MigrantWorkerOfAYearInCountyClusterGetsHukouPriority", null),
        ["idle-land.fee"] = ("IdleLandIsChargedOrRecovered", "Fee"),
        ["idle-land.recover"] = ("IdleLandIsChargedOrRecovered", "Recover"),
        ["idle-land.none"] = ("IdleLandIsChargedOrRecovered", null),
        ["single-storey.refused"] = ("NewIndustrialProjectBuildsNoSingleStoreyPlant", "Refused"),
        ["single-storey.allowed"] = ("NewIndustrialProjectBuildsNoSingleStoreyPlant", null),
        ["standard-plant.no-separate-land"] = ("ProjectSuitedToStandardPlantGetsNoSeparateLand", "Refused"),
        ["pre-review.refused"] = ("LandIsNotApprovedWithoutPreReviewAndEvaluation", "Refused"),
        ["use-change.refused"] = ("IndustrialLandIsNotChangedToCommercial", "Refused"),
        ["heating.back-pressure-chp"] = ("LargeSteadyHeatLoadGetsBackPressureChp", "BackPressureChp"),
        ["heating.central-boiler"] = ("LargeSteadyHeatLoadGetsBackPressureChp", "CentralBoiler"),
        ["relocation.on-time"] = ("VillageRelocationIsLateAfterEndOf2013", null),
        ["relocation.late"] = ("VillageRelocationIsLateAfterEndOf2013", "Late|CompletedLate"),
        ["community.meets"] = ("ResettlementCommunityHoldsFiveThousandOutsideCluster", null),
        ["community.too-small"] = ("ResettlementCommunityHoldsFiveThousandOutsideCluster", "NotMet"),
        ["fiscal.per-tax-or-sum"] = ("ProvincialShareTaxIncreaseIsRewardedToCounty", null),
    };

    /// <summary>
    /// Rules that find exceptions: random demo data stays clear of them, so every finding must be a planted one.
    /// The others classify every subject (a heating route, a reward), and only the planted subjects are checked.
    /// </summary>
    private static readonly HashSet<string> ExceptionRules = new(StringComparer.Ordinal)
    {
        "IdleLandIsChargedOrRecovered", "NewIndustrialProjectBuildsNoSingleStoreyPlant", "ProjectSuitedToStandardPlantGetsNoSeparateLand",
        "LandIsNotApprovedWithoutPreReviewAndEvaluation", "IndustrialLandIsNotChangedToCommercial", "VillageRelocationIsLateAfterEndOf2013",
        "ResettlementCommunityHoldsFiveThousandOutsideCluster", "ProhibitedUrbanUsesAndOffZoneUsesAreRefused",
        "IndustrialProjectOutsideClustersGetsNoLandQuota", "FundsOf30MillionDollarsIntroducedByClusterEnterpriseAreRewarded",
        "ControlAreaAvoidsBasicFarmland", "QuotaBatchIsAllocatedOnceAndServesClustersFirst", "LowSupplyRateOrSeriousIllegalUseSuspendsLandApprovals",
        "ProjectIsAdmittedOnlyWithinRemainingEmissionBudget", "ProjectNotFittingPlanEiaIsRefused",
    };

    /// <summary>Plant kinds the sweep cannot check: none.</summary>
    private const int UncheckedPlantKinds = 0;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARunThatKeepsNoFindings_TalliesThemByRuleAndCounty_AsTheFindingsOfARunThatKeepsThemAddUp(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var db = database.Context();
        var runs = await db.SweepRuns.CountAsync();

        var kept = await new SweepService(db).RunAsync(DemoGenerator.AsOf, store: false);
        var tallied = await new SweepService(db).RunAsync(DemoGenerator.AsOf, store: false, keepFindings: false);

        Assert.True(kept.FindingsKept);
        Assert.False(tallied.FindingsKept);
        Assert.Empty(tallied.Findings);
        Assert.True(kept.Findings.Count > 1_000, $"{kept.Findings.Count}");
        Assert.Equal(kept.Findings.Count, kept.FindingCount);
        Assert.Equal(kept.FindingCount, tallied.FindingCount);

        // Each county's tally is its findings counted and their money added up, by hand from the kept findings.
        var byHand = kept.Findings
            .GroupBy(f => f.County)
            .Select(g => new CountyTally(g.Key, g.Count(), new Money(g.Where(f => f.Amount is not null).Sum(f => f.Amount!.Value.Yuan))))
            .OrderBy(t => t.County.Value, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(byHand, kept.ByCounty);
        Assert.Equal(byHand, tallied.ByCounty);
        Assert.Contains(byHand, t => t.Amount.Yuan > 0);

        // Each rule's summary names the money of its findings, kept or not.
        foreach (var rule in kept.Rules)
        {
            var money = kept.Findings.Where(f => f.RuleId == rule.RuleId && f.Amount is not null).Sum(f => f.Amount!.Value.Yuan);
            Assert.Equal(money, rule.Amount.Yuan);
        }

        Assert.Equal(
            kept.Rules.Select(r => (r.RuleId, r.Subjects, r.Findings, string.Join(",", r.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal)), r.Amount)),
            tallied.Rules.Select(r => (r.RuleId, r.Subjects, r.Findings, string.Join(",", r.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal)), r.Amount)));

        // A stored run writes its findings, so it cannot leave them out; asking for it changes nothing.
        await Assert.ThrowsAsync<ArgumentException>(() => new SweepService(db).RunAsync(DemoGenerator.AsOf, store: true, keepFindings: false));
        Assert.Equal(runs, await db.SweepRuns.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASweepOfTheDemo_FindsExactlyThePlantedBoundaries(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var db = database.Context();

        var result = await new SweepService(db).RunAsync(DemoGenerator.AsOf);
        var plants = await db.DemoPlants.AsNoTracking().ToListAsync();
        var swept = SweepService.Adapters.Select(a => a.RuleId).ToHashSet(StringComparer.Ordinal);

        foreach (var plant in plants.Where(p => Expected.TryGetValue(p.Kind, out var e) && swept.Contains(e.Rule)))
        {
            var (rule, kind) = Expected[plant.Kind];
            var found = result.Findings.Where(f => f.RuleId == rule && f.Subject == plant.Subject).ToList();
            if (kind is null)
            {
                Assert.True(found.Count == 0 || found.All(f => f.Kind is null), $"{plant.Kind} {plant.Subject}: 不应有发现，实有 {string.Join(",", found.Select(f => f.Kind))}");
            }
            else
            {
                Assert.True(found.Count >= 1 && found.All(f => kind.Split('|').Contains(f.Kind)), $"{plant.Kind} {plant.Subject}: 应为 {kind}，实为 {string.Join(",", found.Select(f => f.Kind))}（{plant.Description}）");
            }
        }

        // Exactly: every finding of a swept rule is about a planted subject.
        var planted = plants.Select(p => p.Subject).ToHashSet(StringComparer.Ordinal);
        Assert.All(result.Findings.Where(f => ExceptionRules.Contains(f.RuleId)), f => Assert.Contains(f.Subject, planted));
        var notChecked = plants.Where(p => !Expected.ContainsKey(p.Kind) || !swept.Contains(Expected[p.Kind].Rule)).Select(p => p.Kind).Distinct().ToList();
        Assert.True(notChecked.Count <= UncheckedPlantKinds, $"未检查的边界情形：{string.Join("、", notChecked)}");
        Assert.Contains(result.Findings, f => f.Subject == "410182001001GB00001" && f.Amount!.Value.Yuan == 2_469_135.78m);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AStoredRun_KeepsItsFindingsInTheirSubjectsJurisdiction(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        long runId;
        await using (var db = database.Context())
        {
            runId = (await new SweepService(db).RunAsync(DemoGenerator.AsOf)).RunId!.Value;
        }

        await using var province = database.Context();
        province.EnsureDivisionsLoaded();
        await using var xingyang = database.Context(new JurisdictionScope("t", province.DivisionDirectory.ScopePathOf("410182")));
        await using var kaifeng = database.Context(new JurisdictionScope("t", province.DivisionDirectory.ScopePathOf("410200")));

        var run = await province.SweepRuns.SingleAsync(r => r.Id == runId);
        Assert.Equal(DemoGenerator.AsOf, run.AsOf);
        Assert.Equal(run.Findings, await province.Findings.CountAsync(f => f.RunId == runId));
        var all = await province.Findings.Where(f => f.RunId == runId).Select(f => f.County).ToListAsync();
        Assert.Equal(all.Count(c => c.Value == "410182"), await xingyang.Findings.CountAsync(f => f.RunId == runId));
        var seenByKaifeng = await kaifeng.Findings.Where(f => f.RunId == runId).Select(f => f.County).ToListAsync();
        Assert.Equal(all.Count(c => c.Value.StartsWith("4102", StringComparison.Ordinal)), seenByKaifeng.Count);
        Assert.All(seenByKaifeng, c => Assert.StartsWith("4102", c.Value, StringComparison.Ordinal));
        var trace = (await province.Findings.FirstAsync(f => f.RunId == runId)).Trace;
        Assert.Contains("\"schema\": \"trace.v1\"", trace, StringComparison.Ordinal);
        Assert.Contains(await province.AuditLog.ToListAsync(), a => a.Action == "sweep");
    }

    [Fact]
    public async Task AFindingWritesItsTraceWhenAskedFor_TheRulesOwnExplanation_AndTheOneStored()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();

        var result = await new SweepService(db).RunAsync(DemoGenerator.AsOf);

        var stored = await db.Findings.AsNoTracking().Where(f => f.RunId == result.RunId).ToDictionaryAsync(f => (f.RuleId, f.Subject));
        Assert.True(result.Findings.Count > 5_000);
        Assert.Equal(result.Findings.Count, stored.Count);
        foreach (var finding in result.Findings)
        {
            var trace = finding.Trace;
            Assert.Same(trace, finding.Trace);
            Assert.Equal((finding.RuleId, finding.Article, DemoGenerator.AsOf), (trace.RuleId, trace.Article, trace.AsOf));
            Assert.NotEqual(Trace.NotWritten.Conclusion, trace.Conclusion);
            Assert.Equal(trace.Conclusion, finding.Conclusion);
            var row = stored[(finding.RuleId, finding.Subject)];
            Assert.Equal((trace.Conclusion, trace.ToJson(), finding.Outcome), (row.Conclusion, row.Trace, row.Outcome));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WhatIf_ShowsWhatAParameterChangeWouldDo_AndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var db = database.Context();

        var result = await new WhatIfService(db).RunAsync(DemoGenerator.AsOf, new Dictionary<string, string> { ["land.idle.fee-rate"] = "0.3" });

        var change = Assert.Single(result.Changes, c => c.Subject == "410182001001GB00001");
        Assert.Equal(2_469_135.78m, change.BaselineAmount!.Value.Yuan);
        Assert.Equal(3_703_703.67m, change.ScenarioAmount!.Value.Yuan);
        Assert.All(result.Changes, c => Assert.Equal("41018201", c.Cluster!.Value.Value));
        Assert.Equal(0, await db.SweepRuns.CountAsync());
    }

    [Fact]
    public void EveryAdapter_FeedsARuleThatExists() =>
        Assert.All(SweepService.Adapters, a => Assert.NotNull(Jiju.Policy.Engine.RuleCatalog.Find(a.RuleId)));
}

public sealed class ParallelSweepTests
{
    [Fact]
    public async Task TheSweepOnEveryCore_FindsWhatItFindsOnOne_InTheSameOrder()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        var parallel = await new SweepService(db).RunAsync(DemoGenerator.AsOf, store: false);

        // Inside a transaction the sweep runs on its own context alone.
        SweepResult sequential;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            sequential = await new SweepService(db).RunAsync(DemoGenerator.AsOf, store: false);
        }

        Assert.Equal(sequential.Rules.Select(r => (r.RuleId, r.Subjects, r.Findings)), parallel.Rules.Select(r => (r.RuleId, r.Subjects, r.Findings)));
        Assert.Equal(sequential.Findings.Select(f => (f.RuleId, f.Subject, f.Kind, f.Amount)), parallel.Findings.Select(f => (f.RuleId, f.Subject, f.Kind, f.Amount)));
        Assert.Equal(SweepService.Adapters.Select(a => a.RuleId), parallel.Rules.Select(r => r.RuleId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    public async Task TheWorkersTakeTheLargestReadsFirst_ThenTheRulesThatNeedNotWaitForTheLiveProjects_ThenTheProjectRules(string? feeAfterYears)
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        var overlay = feeAfterYears is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["land.idle.fee-after-years"] = feeAfterYears };
        var context = new RuleContext(DemoGenerator.AsOf, ParameterSet.Shipped.WithOverlay(overlay));
        var adapters = SweepService.Adapters;

        var plan = SweepService.Plan(db, adapters, context, workers: 2);

        // Art. 7 first: counted from an index when its parameters give a bound, else read in parts.
        var idle = adapters.ToList().FindIndex(a => a.RuleId == nameof(IdleLandIsChargedOrRecovered));
        var first = plan.TakeWhile(p => p.Index == idle && p.Work != SweepService.PieceWork.Candidates).ToList();
        Assert.NotEmpty(first);
        Assert.All(first, p => Assert.Equal(feeAfterYears is null ? SweepService.PieceWork.Count : SweepService.PieceWork.Subjects, p.Work));
        Assert.Equal(feeAfterYears is null, plan.Any(p => p.Work == SweepService.PieceWork.Candidates));

        // Then every rule that does not judge the live projects, in the adapters' order, and only then those that do.
        var rest = plan.Skip(first.Count).ToList();
        var others = rest.TakeWhile(p => !p.Adapter.ReadsLiveProjects).ToList();
        var projectRules = rest.Skip(others.Count).ToList();
        Assert.All(projectRules, p => Assert.True(p.Adapter.ReadsLiveProjects, p.Adapter.RuleId));
        Assert.True(projectRules.Count >= 10);
        Assert.NotEmpty(others);
        Assert.Equal(others.Select(p => p.Index).Order(), others.Select(p => p.Index));
        Assert.Equal(projectRules.Select(p => p.Index).Order(), projectRules.Select(p => p.Index));

        // Every rule has its work, and no piece comes twice.
        Assert.Equal(Enumerable.Range(0, adapters.Count), plan.Select(p => p.Index).Distinct().Order());
        Assert.Equal(plan.Length, plan.Distinct().Count());
    }
}

public sealed class PartitionedSweepTests
{
    [Fact]
    public async Task ArticleSevenSweptInParts_FindsWhatItFindsInOnePiece_InTheSameOrder()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        db.EnsureDivisionsLoaded();

        // Parameters that give no bound to screen by (ADR 0013), so that the sweep reads every parcel, in parts.
        var context = new Jiju.Policy.Engine.RuleContext(DemoGenerator.AsOf, Jiju.Policy.Engine.ParameterSet.Shipped.WithOverlay(
            new Dictionary<string, string> { ["land.idle.fee-after-years"] = "0", ["land.idle.recover-after-years"] = "2" }));
        var inParts = new IdleLandAdapter(parcelsPerPart: 5_000);

        var parts = await SweepService.JudgeAsync(db, [inParts], context, CancellationToken.None);
        var (partSummaries, partFindings) = parts;
        Judgement whole;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            whole = await SweepService.JudgeAsync(db, [new IdleLandAdapter()], context, CancellationToken.None);
        }

        Assert.True(inParts.Parts(db, workers: 2).Count > 1);
        Assert.Equal(whole.Summaries.Single().Subjects, partSummaries.Single().Subjects);
        Assert.Equal(whole.Summaries.Single().ByKind, partSummaries.Single().ByKind);
        Assert.Equal(whole.Summaries.Single().Amount, partSummaries.Single().Amount);
        Assert.Equal(whole.ByCounty, parts.ByCounty);
        Assert.True(partFindings.Count > 1_000, $"{partFindings.Count}");
        Assert.True(partSummaries.Single().ByKind.Count == 2, string.Join(", ", partSummaries.Single().ByKind.Keys));
        Assert.Equal(whole.Findings.Select(f => (f.Subject, f.Kind, f.Amount, f.Conclusion)), partFindings.Select(f => (f.Subject, f.Kind, f.Amount, f.Conclusion)));
        Assert.All(partFindings, f => Assert.Equal(7, f.Trace.Article));
    }
}

public sealed class SharedReadsTests
{
    [Fact]
    public async Task TheLiveProjects_FromTheSharedReads_AreThoseTheDatabaseGivesOnEachDate()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        var later = new DateOnly(2015, 12, 31);
        var earlier = new DateOnly(2013, 6, 30);
        var streamed = await Codes(Projects.Live(db, earlier, p => p, CancellationToken.None));

        List<string> shared;
        using (SharedReads.Begin(db))
        {
            Assert.True((await Codes(Projects.Live(db, later, p => p, CancellationToken.None))).Count > streamed.Count);
            shared = await Codes(Projects.Live(db, earlier, p => p, CancellationToken.None));
        }

        Assert.Null(SharedReads.Of(db));
        Assert.NotEmpty(streamed);
        Assert.Equal(streamed.Order(StringComparer.Ordinal), shared.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The statistics arts. 3, 8 and 26 read, in one query: for every year up to the date's, each cluster's latest
    /// correction submitted by the date, as the overview gives a year, in the clusters' code order; read once per date
    /// in a run. A correction is seen from the day it is submitted.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheLatestStatistics_AreEachYearsLatestCorrectionsSubmittedByTheDate_ReadOncePerRun(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        var submitted = new DateOnly(2016, 4, 1);
        await using (var edit = database.Context())
        {
            var original = await edit.Statistics.AsNoTracking().Where(s => s.Year == 2015).OrderBy(s => s.Cluster).FirstAsync(TestContext.Current.CancellationToken);
            edit.Statistics.Add(StatisticsCorrection.Of(original, submitted, "更正", leadingIndustryRevenue: original.LeadingIndustryRevenue + Domain.Common.Money.FromYi(1)));
            await edit.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var db = database.Context();
        var overview = new Overview.OverviewService(db);
        foreach (var asOf in new[] { new DateOnly(2014, 12, 31), new DateOnly(2016, 3, 31), submitted })
        {
            var latest = await LatestStatistics.ReadAsync(db, asOf, TestContext.Current.CancellationToken);
            var years = new List<int>();
            for (var year = 2010; year <= asOf.Year; year++)
            {
                var expected = (await overview.LatestVersionsAsync(year, asOf, TestContext.Current.CancellationToken))
                    .OrderBy(s => s.Cluster.Value, StringComparer.Ordinal).Select(s => (s.Cluster.Value, s.Version, s.LeadingIndustryRevenue)).ToList();
                Assert.Equal(expected, latest.Of(year).Select(s => (s.Cluster.Value, s.Version, s.LeadingIndustryRevenue)));
                if (expected.Count > 0)
                {
                    years.Add(year);
                    Assert.All(expected, e => Assert.Equal(e.Version, latest.Of(year, e.Value)!.Version));
                }
            }

            Assert.Equal(years, latest.Years);
            Assert.NotEmpty(years);
        }

        Assert.Equal(2, (await LatestStatistics.ReadAsync(db, submitted, TestContext.Current.CancellationToken)).Of(2015).Max(s => s.Version));
        var run = SharedReads.ForRun();
        await using var sibling = db.CreateSibling();
        using (run.Join(db))
        using (run.Join(sibling))
        {
            // Asked for on two contexts at once, as a sweep's two workers do: one read, awaited by both.
            var asked = new[] { LatestStatistics.OfAsync(db, submitted, TestContext.Current.CancellationToken), LatestStatistics.OfAsync(sibling, submitted, TestContext.Current.CancellationToken) };
            var first = await asked[0];
            Assert.Same(first, await asked[1]);
            Assert.Same(first, await LatestStatistics.OfAsync(sibling, submitted, TestContext.Current.CancellationToken));
            Assert.NotSame(first, await LatestStatistics.OfAsync(sibling, DemoGenerator.AsOf, TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheLiveProjectsReadInBulk_AreTheEntitiesEfCoreReads_ButTheirNameAndLocation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        var asOf = new DateOnly(2015, 12, 31);

        // Every column of the entity but its name and location, which no rule reads: a column added to the entity is
        // either read for the rules or named here.
        var left = new[] { nameof(InvestmentProject.Name), nameof(InvestmentProject.Location) };
        Assert.Equal(
            typeof(InvestmentProject).GetProperties().Select(p => p.Name).Except(left).Order(StringComparer.Ordinal),
            typeof(LiveProject).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));

        await using var db = database.Context();
        var expected = await Projects.LiveQuery(db, asOf).ToListAsync();
        var read = Projects.Read(db, asOf, CancellationToken.None).ToList();

        Assert.True(expected.Count > 7000);
        Assert.Contains(expected, p => p.SafetyCapacityDemand is not null);
        Assert.Contains(expected, p => p.IntroducedBy is not null);
        Assert.Contains(expected, p => p.LandUse is not null);
        Assert.Equal(expected.Count, read.Count);
        var byCode = read.ToDictionary(p => p.Code);
        foreach (var project in expected)
        {
            var bulk = byCode[project.Code];
            foreach (var property in typeof(LiveProject).GetProperties())
            {
                var entity = typeof(InvestmentProject).GetProperty(property.Name)!.GetValue(project);
                Assert.True(Equals(entity, property.GetValue(bulk)), $"{project.Code} {property.Name}: {entity} ≠ {property.GetValue(bulk)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThePlannedEmissionsReadInBulk_AreWhatEfCoreReadsAndAreReadOncePerRun(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var db = database.Context();

        var expected = (await db.ProjectEmissions.AsNoTracking().ToListAsync())
            .Select(e => $"{e.Project.Value} {e.Pollutant} {e.TonnesPerYear}").Order(StringComparer.Ordinal).ToList();
        var read = PlannedEmissions.Read(db, CancellationToken.None)
            .SelectMany(p => p.Value.Select(e => $"{p.Key} {e.Pollutant} {e.TonnesPerYear}")).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, read);
        await using var sibling = db.CreateSibling();
        var run = SharedReads.ForRun();
        using (run.Join(db))
        using (run.Join(sibling))
        {
            Assert.Same(await PlannedEmissions.ByProjectAsync(db, CancellationToken.None), await PlannedEmissions.ByProjectAsync(sibling, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ContextsThatJoinOneRun_ShareOneReadOfTheLiveProjects()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        await using var sibling = db.CreateSibling();
        var asOf = new DateOnly(2015, 12, 31);
        var run = SharedReads.ForRun();

        using (run.Join(db))
        using (run.Join(sibling))
        {
            var first = await SharedReads.Of(db)!.LiveProjectsAsync(db, asOf, CancellationToken.None);
            var second = await SharedReads.Of(sibling)!.LiveProjectsAsync(sibling, asOf, CancellationToken.None);

            Assert.Same(first, second);
            Assert.Equal(await Projects.LiveQuery(sibling, asOf).CountAsync(), second.Count);
        }

        Assert.Null(SharedReads.Of(db));
        Assert.Null(SharedReads.Of(sibling));
    }

    [Fact]
    public async Task AnAdapterSaysWhetherItReadsTheLiveProjects_AsItDoes()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        db.EnsureDivisionsLoaded();

        foreach (var adapter in SweepService.Adapters)
        {
            var run = SharedReads.ForRun();
            using (run.Join(db))
            {
                await Codes(adapter.SubjectsAsync(db, DemoGenerator.AsOf, CancellationToken.None));
            }

            Assert.True(run.HasLiveProjects(DemoGenerator.AsOf) == adapter.ReadsLiveProjects, $"{adapter.GetType().Name}.ReadsLiveProjects 应为 {run.HasLiveProjects(DemoGenerator.AsOf)}");
        }
    }

    private static async Task<List<string>> Codes(IAsyncEnumerable<Subject> subjects)
    {
        var codes = new List<string>();
        await foreach (var s in subjects)
        {
            codes.Add(s.Key);
        }

        return codes;
    }
}
