using Jiju.Application.Sweep;
using Jiju.Data;
using Jiju.Data.Demo;
using Jiju.Data.Tests;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Environmental;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;
using Jiju.Domain.Quotas;
using Jiju.Policy.Engine;
using Jiju.Policy.Environment;
using Jiju.Policy.Fiscal;
using Jiju.Policy.Land;
using Jiju.Policy.Planning;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Jiju.Application.Tests;

public sealed class SweepCoverageTests
{
    private static readonly ClusterCode Xingyang = ClusterCode.Of("41018201");

    [Fact]
    public void EveryRule_HasAnAdapterOrAReasonItIsNotSwept_AndNotBoth()
    {
        var adapted = SweepService.Adapters.Select(a => a.RuleId).ToList();
        Assert.Equal(adapted.Count, adapted.Distinct(StringComparer.Ordinal).Count());
        Assert.All(SweepService.NotSwept, kv =>
        {
            Assert.NotNull(RuleCatalog.Find(kv.Key));
            Assert.False(string.IsNullOrWhiteSpace(kv.Value));
        });
        Assert.All(RuleCatalog.All, rule =>
        {
            var hasAdapter = adapted.Contains(rule.Id, StringComparer.Ordinal);
            var notSwept = SweepService.NotSwept.ContainsKey(rule.Id);
            Assert.True(hasAdapter ^ notSwept, $"{rule.Id}: 适配器 {hasAdapter}，未清扫原因 {notSwept}（应恰有其一）");
        });
    }

    [Fact]
    public void TheAdapters_AreInArticleOrder()
    {
        var articles = SweepService.Adapters.Select(a => RuleCatalog.Find(a.RuleId)!.Article.Number).ToList();
        Assert.Equal(articles.Order(), articles);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADemoSweep_RunsEveryAdapter_WithoutExceptions(DatabaseProvider provider)
    {
        await using var database = await DemoAsync(provider);
        await using var db = database.Context();

        foreach (var asOf in new[] { new DateOnly(2011, 6, 30), new DateOnly(2013, 12, 31), DemoGenerator.AsOf, new DateOnly(2016, 6, 30) })
        {
            var failures = new List<string>();
            var empty = new List<string>();
            foreach (var adapter in SweepService.Adapters)
            {
                try
                {
                    var rule = RuleCatalog.Find(adapter.RuleId)!;
                    var count = 0;
                    await foreach (var subject in adapter.SubjectsAsync(db, asOf, TestContext.Current.CancellationToken))
                    {
                        var decision = rule.Evaluate(subject.Facts, RuleContext.On(asOf));
                        _ = (adapter.Kind(decision), adapter.Amount(decision));
                        count++;
                    }

                    if (count == 0)
                    {
                        empty.Add(adapter.RuleId);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add($"{adapter.RuleId}: {e.GetType().Name} {e.Message}");
                }
            }

            Assert.True(failures.Count == 0, $"{asOf:yyyy-MM-dd}：{string.Join("；", failures)}");
            if (asOf == DemoGenerator.AsOf)
            {
                // The demo holds no equity funds and, since none may be invented, no land-use standards or land revenue; its chain
                // models are demo values marked as such (the assessment's chain completeness needs them). Every other adapter finds
                // subjects at the end of 2015.
                Assert.Equal(
                    ["EquityFundWithLargeInstitutionIsSubsidised", "IntensiveLandUseRewardFundIsShareOfTransferIncomePlusIdleFees", "ProjectBelowLandUseStandardsLosesAllPreferences"],
                    empty.Order(StringComparer.Ordinal));
            }

            // What-if pairs findings by (rule, subject): a rule's subjects must not repeat a key among its findings.
            var result = await new SweepService(db).RunAsync(asOf, store: false, cancellationToken: TestContext.Current.CancellationToken);
            var duplicates = result.Findings.GroupBy(f => (f.RuleId, f.Subject)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.Empty(duplicates);
            Assert.Equal(SweepService.Adapters.Count, result.Rules.Count);
        }
    }

    /// <summary>
    /// Art. 18: the cluster's 2015 COD budget is traded out until 3 t remain. Project P plans 3 t and the ledger already holds
    /// its 3 t allocation: what the others leave it is exactly 3 t, so it is admitted (its own allocation is not counted
    /// against it). Project Q plans 0.5 t and has no allocation: P's allocation leaves it nothing, so it is refused.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheEmissionAdapter_CountsOthersAllocationsButNotTheProjectsOwn(DatabaseProvider provider)
    {
        await using var database = await DemoAsync(provider);
        var p = ProjectCode.Of("2015-410182-36-03-990001");
        var q = ProjectCode.Of("2015-410182-36-03-990002");
        await using (var db = database.Context())
        {
            var budget = await db.EmissionBudgets.AsNoTracking().SingleAsync(b => b.Cluster == Xingyang && b.Year == 2015 && b.Pollutant == Pollutant.Cod, TestContext.Current.CancellationToken);
            var ledger = await db.EmissionLedger.AsNoTracking().Where(l => l.Cluster == Xingyang && l.Year == 2015 && l.Pollutant == Pollutant.Cod).ToListAsync(TestContext.Current.CancellationToken);
            var remaining = budget.Tonnes
                + ledger.Where(l => l.Movement is EmissionMovement.TradedIn or EmissionMovement.Released).Sum(l => l.Tonnes)
                - ledger.Where(l => l.Movement is EmissionMovement.TradedOut or EmissionMovement.AllocatedToProject).Sum(l => l.Tonnes);
            var template = await db.Projects.AsNoTracking().FirstAsync(x => x.Cluster == Xingyang, TestContext.Current.CancellationToken);
            db.Projects.AddRange(NewProject(template, p, "排放测试项目甲"), NewProject(template, q, "排放测试项目乙"));
            db.EmissionLedger.Add(new EmissionLedgerEntry { Cluster = Xingyang, Pollutant = Pollutant.Cod, Year = 2015, Movement = EmissionMovement.TradedOut, Tonnes = remaining - 3m, On = new DateOnly(2015, 10, 1), Counterparty = "邻县排污权交易" });
            db.EmissionLedger.Add(new EmissionLedgerEntry { Cluster = Xingyang, Pollutant = Pollutant.Cod, Year = 2015, Movement = EmissionMovement.AllocatedToProject, Tonnes = 3m, On = new DateOnly(2015, 11, 1), Project = p });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.ProjectEmissions.AddRange(
                new ProjectEmission { Project = p, Pollutant = Pollutant.Cod, TonnesPerYear = 3m },
                new ProjectEmission { Project = q, Pollutant = Pollutant.Cod, TonnesPerYear = 0.5m });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = database.Context();
        var results = await EvaluateAsync(check, nameof(ProjectIsAdmittedOnlyWithinRemainingEmissionBudget), DemoGenerator.AsOf);

        var admitted = Assert.IsType<EmissionAdmissionFinding>(results[p.Value].Decision.Value);
        Assert.True(admitted.Admitted);
        Assert.Equal(3m, admitted.Cod!.Remaining);
        Assert.Equal(3m, admitted.Cod.Requested);
        var refused = Assert.IsType<EmissionAdmissionFinding>(results[q.Value].Decision.Value);
        Assert.False(refused.Admitted);
        Assert.Equal(0m, refused.Cod!.Remaining);

        // The trade-out leaves every other emitting project of the cluster without room too; nothing elsewhere is refused.
        var sweep = await new SweepService(check).RunAsync(DemoGenerator.AsOf, store: false, cancellationToken: TestContext.Current.CancellationToken);
        var refusals = sweep.Findings.Where(f => f.RuleId == nameof(ProjectIsAdmittedOnlyWithinRemainingEmissionBudget)).ToList();
        Assert.Contains(refusals, f => f.Subject == q.Value && f.Kind == "Refused");
        Assert.DoesNotContain(refusals, f => f.Subject == p.Value);
        Assert.All(refusals, f => Assert.Equal(Xingyang, f.Cluster));

        // Before the trade-out the budget had room for both.
        var earlier = await EvaluateAsync(check, nameof(ProjectIsAdmittedOnlyWithinRemainingEmissionBudget), new DateOnly(2015, 9, 30));
        Assert.True(((EmissionAdmissionFinding)earlier[q.Value].Decision.Value!).Admitted);
    }

    /// <summary>
    /// Art. 6: an occupation-compensation batch allocated twice (the second allocation after the sweep date is not yet on the
    /// ledger), and linkage batches allocated to a district's cluster (passed over) and to a county's cluster (served first).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheQuotaAdapter_FindsADoubleAllocation_AndLinkageQuotaPassingOverCountyClusters(DatabaseProvider provider)
    {
        await using var database = await DemoAsync(provider);
        ClusterCode district, county;
        await using (var db = database.Context())
        {
            db.EnsureDivisionsLoaded();
            var clusters = await db.Clusters.AsNoTracking().Select(c => c.Code).ToListAsync(TestContext.Current.CancellationToken);
            district = clusters.First(c => db.DivisionDirectory.Find(c.County)?.Kind == DivisionKind.District);
            county = clusters.First(c => db.DivisionDirectory.Find(c.County)?.Kind == DivisionKind.County);
            var area = Area.FromMu(100);
            QuotaLedgerEntry Entry(QuotaKind kind, string batch, QuotaMovement movement, DateOnly on, ClusterCode? target = null) => new()
            {
                Kind = kind,
                Batch = batch,
                Movement = movement,
                Area = area,
                On = on,
                County = county.County,
                SourceProject = movement == QuotaMovement.Produced ? "测试土地整治项目" : null,
                TargetCluster = target,
            };

            db.QuotaLedger.AddRange(
                Entry(QuotaKind.OccupationCompensation, "TEST-ZB-1", QuotaMovement.Produced, new DateOnly(2015, 1, 10)),
                Entry(QuotaKind.OccupationCompensation, "TEST-ZB-1", QuotaMovement.Allocated, new DateOnly(2015, 2, 1), county),
                Entry(QuotaKind.OccupationCompensation, "TEST-ZB-1", QuotaMovement.Allocated, new DateOnly(2015, 8, 1), county),
                Entry(QuotaKind.IncreaseDecreaseLinkage, "TEST-GG-1", QuotaMovement.Produced, new DateOnly(2015, 1, 10)),
                Entry(QuotaKind.IncreaseDecreaseLinkage, "TEST-GG-1", QuotaMovement.Allocated, new DateOnly(2015, 2, 1), district),
                Entry(QuotaKind.IncreaseDecreaseLinkage, "TEST-GG-2", QuotaMovement.Produced, new DateOnly(2015, 1, 10)),
                Entry(QuotaKind.IncreaseDecreaseLinkage, "TEST-GG-2", QuotaMovement.Allocated, new DateOnly(2015, 2, 1), county));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = database.Context();
        var end = await EvaluateAsync(check, nameof(QuotaBatchIsAllocatedOnceAndServesClustersFirst), DemoGenerator.AsOf);
        var mid = await EvaluateAsync(check, nameof(QuotaBatchIsAllocatedOnceAndServesClustersFirst), new DateOnly(2015, 6, 30));
        var adapter = SweepService.Adapters.Single(a => a.RuleId == nameof(QuotaBatchIsAllocatedOnceAndServesClustersFirst));

        Assert.Equal("AllocatedTwice", adapter.Kind(end["TEST-ZB-1（占补平衡指标）"].Decision));
        var twice = (QuotaLedgerFinding)end["TEST-ZB-1（占补平衡指标）"].Decision.Value!;
        Assert.Contains(twice.Violations, v => v.Kind == QuotaLedgerViolationKind.AllocatedMoreThanProduced);
        Assert.Null(adapter.Kind(mid["TEST-ZB-1（占补平衡指标）"].Decision));
        Assert.Equal("PriorityPassedOver", adapter.Kind(end["TEST-GG-1（增减挂钩指标）"].Decision));
        Assert.Null(adapter.Kind(end["TEST-GG-2（增减挂钩指标）"].Decision));
        Assert.Equal(Outcome.Decided, end["TEST-GG-2（增减挂钩指标）"].Decision.Outcome);
        Assert.Equal(county.County, end["TEST-ZB-1（占补平衡指标）"].Subject.County);
    }

    /// <summary>
    /// Art. 8: a correction of 荥阳's 2015 statistics halves the land supplied: the sweep at the end of 2015 reads the
    /// correction (supply rate 45% &lt; 60%) and suspends; a sweep a day earlier reads 2014, the last full year then.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheLandSupervisionAdapter_ReadsTheLatestCorrectionOfTheLastFullYear(DatabaseProvider provider)
    {
        await using var database = await DemoAsync(provider);
        await using (var db = database.Context())
        {
            var original = await db.Statistics.AsNoTracking().SingleAsync(s => s.Cluster == Xingyang && s.Year == 2015, TestContext.Current.CancellationToken);
            db.Statistics.Add(StatisticsCorrection.Of(
                original,
                new DateOnly(2016, 4, 1),
                "国土部门核定已供应面积",
                landSupplied: new Area(Math.Round(original.LandReadyForSupply!.Value.SquareMetres * 0.45m, 2)),
                illegalLandUse: Area.Zero));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = database.Context();
        // Known on a date: the correction is seen from the day it was submitted (2016-04-01); the day before,
        // 2015 is read as first submitted; on 2015-12-31, before 2015's figures came in, the last full year known is 2014.
        var end = await EvaluateAsync(check, nameof(LowSupplyRateOrSeriousIllegalUseSuspendsLandApprovals), new DateOnly(2016, 4, 1));
        var beforeCorrection = await EvaluateAsync(check, nameof(LowSupplyRateOrSeriousIllegalUseSuspendsLandApprovals), new DateOnly(2016, 3, 31));
        var dayBefore = await EvaluateAsync(check, nameof(LowSupplyRateOrSeriousIllegalUseSuspendsLandApprovals), DemoGenerator.AsOf);
        var adapter = SweepService.Adapters.Single(a => a.RuleId == nameof(LowSupplyRateOrSeriousIllegalUseSuspendsLandApprovals));

        var corrected = (LandSupervisionFinding)end["41018201/2015"].Decision.Value!;
        Assert.True(corrected.Suspended);
        Assert.Equal(0.45m, corrected.SupplyRate);
        Assert.Equal("LowSupplyRate", adapter.Kind(end["41018201/2015"].Decision));
        Assert.Single(end.Values, r => adapter.Kind(r.Decision) is not null);
        Assert.Null(adapter.Kind(beforeCorrection["41018201/2015"].Decision));
        Assert.All(dayBefore.Keys, k => Assert.EndsWith("/2014", k, StringComparison.Ordinal));
        Assert.Null(adapter.Kind(dayBefore["41018201/2014"].Decision));
    }

    /// <summary>
    /// Art. 2: the adapter tests a control area only against the farmland pieces whose envelope meets it (an R-tree).
    /// With pieces added around 荥阳's control area — two reaching into it, one whose envelope meets it but which
    /// does not (an L round its corner), one merely touching its edge, one far away — every cluster's overlap and
    /// number of pieces are those found by testing every piece, summed in the order the pieces are read.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheControlAreaAdapter_FindsTheSameOverlapsAsTestingEveryFarmlandPiece(DatabaseProvider provider)
    {
        await using var database = await DemoAsync(provider);
        await using (var db = database.Context())
        {
            var control = (await db.Clusters.AsNoTracking().SingleAsync(c => c.Code == Xingyang, TestContext.Current.CancellationToken)).ControlArea!;
            var e = control.EnvelopeInternal;
            var factory = Geometries.Factory;
            Polygon Box(double x, double y, double w, double h) => factory.CreatePolygon([new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h), new(x, y)]);
            var pieces = new Geometry[]
            {
                Box(e.MaxX - 0.004, e.MinY + 0.002, 0.01, 0.003),
                Box(e.MinX + 0.003, e.MaxY - 0.002, 0.002, 0.01),
                factory.CreatePolygon([new(e.MaxX - 0.01, e.MaxY + 0.001), new(e.MaxX + 0.001, e.MaxY + 0.001), new(e.MaxX + 0.001, e.MaxY - 0.01), new(e.MaxX + 0.003, e.MaxY - 0.01), new(e.MaxX + 0.003, e.MaxY + 0.003), new(e.MaxX - 0.01, e.MaxY + 0.003), new(e.MaxX - 0.01, e.MaxY + 0.001)]),
                Box(e.MinX - 0.01, e.MinY, 0.01, 0.005),
                Box(e.MinX + 5, e.MinY + 5, 0.01, 0.01),
            };
            Assert.True(pieces[2].EnvelopeInternal.Intersects(e) && !pieces[2].Intersects(control));
            var county = (await db.Clusters.AsNoTracking().SingleAsync(c => c.Code == Xingyang, TestContext.Current.CancellationToken)).County;
            var n = 0;
            foreach (var piece in pieces)
            {
                db.BasicFarmland.Add(new BasicFarmland { County = county, Name = $"测试基本农田{++n}", Area = new Area(1_000), Boundary = piece });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = database.Context();
        var farmland = await check.BasicFarmland.AsNoTracking().Select(f => f.Boundary).ToListAsync(TestContext.Current.CancellationToken);
        var clusters = await check.Clusters.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var decided = await EvaluateAsync(check, nameof(ControlAreaAvoidsBasicFarmland), DemoGenerator.AsOf);

        Assert.Equal(clusters.Count, decided.Count);
        foreach (var cluster in clusters)
        {
            var facts = (ControlAreaFacts)decided[cluster.Code.Value].Subject.Facts;
            var overlaps = farmland.Where(f => cluster.ControlArea is { } c && f.Intersects(c))
                .Select(f => f.Intersection(cluster.ControlArea!))
                .Where(g => !g.IsEmpty && g.Area > 0)
                .Select(g => g.Area * 110_574 * 111_320 * Math.Cos(g.Centroid.Y * Math.PI / 180))
                .ToList();
            Assert.Equal(overlaps.Count, facts.OverlappingPieces);
            Assert.Equal(new Area(Math.Round((decimal)overlaps.Sum(), 2)), facts.BasicFarmlandOverlap);
        }

        var xingyang = (ControlAreaFacts)decided[Xingyang.Value].Subject.Facts;
        Assert.Equal(3, xingyang.OverlappingPieces);
        Assert.Equal("Overlaps", SweepService.Adapters.Single(a => a.RuleId == nameof(ControlAreaAvoidsBasicFarmland)).Kind(decided[Xingyang.Value].Decision));
    }

    /// <summary>
    /// Art. 26 rewards the increase "比上年": over the calendar year before. With no statistics of 2013 at all, 2014 has
    /// no base and is not rewarded (the rule says which year is missing), rather than being compared with 2012, the
    /// year before it among those with statistics; 2015 is still compared with 2014.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheFiscalRewardAdapter_ComparesAYearWithTheCalendarYearBefore_NotTheYearBeforeWithStatistics(DatabaseProvider provider)
    {
        await using var database = await DemoAsync(provider);
        await using (var db = database.Context())
        {
            Assert.True(await db.Statistics.Where(s => s.Year == 2013).ExecuteDeleteAsync(TestContext.Current.CancellationToken) > 0);
        }

        await using var check = database.Context();
        var decided = await EvaluateAsync(check, nameof(ProvincialShareTaxIncreaseIsRewardedToCounty), new DateOnly(2016, 3, 1));
        var statistics = await check.Statistics.AsNoTracking().Where(s => s.Cluster == Xingyang).ToListAsync(TestContext.Current.CancellationToken);

        var noBase = decided["41018201/2014"];
        Assert.Null(((FiscalRewardFacts)noBase.Subject.Facts).PreviousVatProvincialShare);
        Assert.Equal(Outcome.NotApplicable, noBase.Decision.Outcome);
        Assert.Contains("缺少2013年", noBase.Decision.Trace.Branch, StringComparison.Ordinal);
        var facts2015 = (FiscalRewardFacts)decided["41018201/2015"].Subject.Facts;
        Assert.Equal(statistics.Where(s => s.Year == 2014).MaxBy(s => s.Version)!.VatProvincialShare, facts2015.PreviousVatProvincialShare);
        Assert.Equal(Outcome.Decided, decided["41018201/2015"].Decision.Outcome);
        Assert.DoesNotContain(decided.Keys, k => k.EndsWith("/2013", StringComparison.Ordinal));
    }

    private static InvestmentProject NewProject(InvestmentProject template, ProjectCode code, string name) => new()
    {
        Code = code,
        Name = name,
        Investor = template.Investor,
        Investment = Money.FromYi(1),
        Industry = template.Industry,
        County = template.County,
        Cluster = template.Cluster,
        Purpose = ProjectPurpose.Production,
        Stage = ProjectStage.Contracted,
        SignedOn = new DateOnly(2015, 6, 1),
    };

    private static async Task<Dictionary<string, (Subject Subject, DecisionResult Decision)>> EvaluateAsync(JijuDbContext db, string ruleId, DateOnly asOf)
    {
        var adapter = SweepService.Adapters.Single(a => a.RuleId == ruleId);
        var rule = RuleCatalog.Find(ruleId)!;
        var context = RuleContext.On(asOf);
        var results = new Dictionary<string, (Subject, DecisionResult)>(StringComparer.Ordinal);
        await foreach (var subject in adapter.SubjectsAsync(db, asOf, TestContext.Current.CancellationToken))
        {
            results.Add(subject.Key, (subject, rule.Evaluate(subject.Facts, context)));
        }

        return results;
    }

    private static async Task<TestDatabase> DemoAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();
        await new DemoGenerator(db).GenerateAsync(new DemoOptions(), cancellationToken: TestContext.Current.CancellationToken);
        return database;
    }
}
