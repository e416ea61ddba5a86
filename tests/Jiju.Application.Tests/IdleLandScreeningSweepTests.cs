using Jiju.Application.Sweep;
using Jiju.Data;
using Jiju.Data.Demo;
using Jiju.Data.Tests;
using Jiju.Domain.Land;
using Jiju.Policy.Engine;
using Jiju.Policy.Land;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jiju.Application.Tests;

/// <summary>
/// Art. 7's screening (ADR 0013) against deciding every parcel, on both databases: the demo province plus parcels
/// planted a few days either side of the bound for each date and set of parameters below, started, not started and
/// starting after the date, some granted after an earlier date, some with extensions.
/// </summary>
public sealed class IdleLandScreeningSweepTests
{
    private static readonly DateOnly[] Dates = [DemoGenerator.AsOf, new(2016, 3, 1), new(2013, 6, 30)];

    private static readonly Dictionary<string, string>[] Overlays =
    [
        [],
        new() { ["land.idle.fee-after-years"] = "2", ["land.idle.recover-after-years"] = "1" },
        new() { ["land.idle.fee-after-years"] = "1.5", ["land.idle.recover-after-years"] = "3" },
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheScreenedSweep_FindsWhatDecidingEveryParcelFinds_AndCountsEveryParcel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await PlantAroundTheBoundsAsync(database);
        await using var db = database.Context();
        db.EnsureDivisionsLoaded();
        var adapter = new IdleLandAdapter();
        var total = await db.Parcels.CountAsync();
        var checkedFindings = 0;

        foreach (var asOf in Dates)
        {
            foreach (var overlay in Overlays)
            {
                var context = new RuleContext(asOf, ParameterSet.Shipped.WithOverlay(overlay));
                Assert.True(adapter.CanScreen(context));

                var (subjects, everyParcel) = await DecideEveryParcelAsync(db, context);

                var (summaries, findings) = await SweepService.JudgeAsync(db, [adapter], context, CancellationToken.None);
                var screened = Outcomes(findings);

                var what = $"{asOf:yyyy-MM-dd} {string.Join(",", overlay.Select(o => $"{o.Key}={o.Value}"))}";
                Assert.True(subjects > 0 && subjects <= total, what);
                Assert.Equal(subjects, summaries.Single().Subjects);
                Assert.Equal(everyParcel.OrderBy(f => f.Subject, StringComparer.Ordinal), screened);
                Assert.Equal(screened.Count, summaries.Single().Findings);
                checkedFindings += screened.Count;

                // The screen reads a few parcels, not the province's: the candidates are those near or past a bound.
                var candidates = 0;
                await foreach (var candidate in adapter.CandidatesAsync(db, context, CancellationToken.None))
                {
                    candidates++;
                }

                Assert.True(candidates >= screened.Count && candidates < subjects / 20, $"{what}: {candidates} 宗候选，{subjects} 宗");
            }
        }

        Assert.True(checkedFindings > 50, $"只比较了 {checkedFindings} 条发现");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACountysScreenedSweep_FindsAndCountsOnlyItsOwnParcels_AsDecidingEachOfThemDoes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await PlantAroundTheBoundsAsync(database);
        await using var province = database.Context();
        var county = (await province.Parcels.AsNoTracking().OrderBy(p => p.Code).FirstAsync(p => p.Cluster != null)).County.Value;
        await using var db = database.ContextAs(county);
        db.EnsureDivisionsLoaded();
        var adapter = new IdleLandAdapter();

        foreach (var asOf in Dates)
        {
            var context = new RuleContext(asOf, ParameterSet.Shipped);
            var (subjects, everyParcel) = await DecideEveryParcelAsync(db, context);
            var (summaries, findings) = await SweepService.JudgeAsync(db, [adapter], context, CancellationToken.None);

            Assert.True(subjects < await province.Parcels.CountAsync(p => p.GrantedOn <= asOf));
            Assert.Equal(subjects, summaries.Single().Subjects);
            Assert.Equal(everyParcel.OrderBy(f => f.Subject, StringComparer.Ordinal), Outcomes(findings));
            Assert.All(findings, f => Assert.Equal(county, f.County.Value));
            if (asOf == DemoGenerator.AsOf)
            {
                Assert.NotEmpty(findings);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheLandEvaluationsIdleParcels_AreThoseDecidingEveryParcelInAClusterFinds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await PlantAroundTheBoundsAsync(database);
        await using var db = database.Context();
        db.EnsureDivisionsLoaded();
        var adapter = new IdleLandAdapter();
        IRule rule = new IdleLandIsChargedOrRecovered();

        foreach (var asOf in Dates)
        {
            foreach (var overlay in Overlays)
            {
                var context = new RuleContext(asOf, ParameterSet.Shipped.WithOverlay(overlay));
                var expected = new List<(string, double)>();
                await foreach (var subject in adapter.SubjectsAsync(db, asOf, CancellationToken.None))
                {
                    if (subject.Cluster is not null && IsIdle(rule, subject, context))
                    {
                        expected.Add((subject.Key, 0));
                    }
                }

                var idle = new List<(string, double)>();
                await foreach (var (subject, _) in IdleLandAdapter.ClusterParcelsAsync(db, context, CancellationToken.None))
                {
                    Assert.NotNull(subject.Cluster);
                    if (IsIdle(rule, subject, context))
                    {
                        idle.Add((subject.Key, 0));
                    }
                }

                Assert.NotEmpty(expected);
                Assert.Equal(expected.OrderBy(x => x.Item1, StringComparer.Ordinal), idle);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADatabaseFilledBeforeTheScreening_GetsEveryParcelsStartDelay_AndItsSweepFindsWhatItFoundBefore(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = database.Context())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_IdleLandScreening", StringComparison.Ordinal)) - 1];
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(previous, ct);
            db.Divisions.AddRange(Data.Reference.ReferenceData.HenanDivisions());
            await db.SaveChangesAsync(ct);
            await new DemoGenerator(db).GenerateAsync(new DemoOptions(), cancellationToken: ct);
        }

        // Before: every parcel read and decided (the old schema has no start delay to screen by).
        var context = new RuleContext(DemoGenerator.AsOf, ParameterSet.Shipped);
        (int Subjects, List<(string Subject, string Kind, decimal? Fee, string Conclusion)> Findings) before;
        await using (var db = database.Context())
        {
            db.EnsureDivisionsLoaded();
            before = await DecideEveryParcelAsync(db, context);
        }

        var report = await DatabaseMigrator.MigrateAsync(database.Options, ct);

        Assert.Contains(report.AppliedMigrations, m => m.EndsWith("_IdleLandScreening", StringComparison.Ordinal));
        await using (var db = database.Context())
        {
            db.EnsureDivisionsLoaded();
            var started = await db.Parcels.CountAsync(p => p.ActualStart != null, ct);
            Assert.True(started > 0);
            Assert.Equal(started, await db.Parcels.CountAsync(p => EF.Property<int?>(p, JijuDbContext.StartDelayDays) != null, ct));

            var (summaries, findings) = await SweepService.JudgeAsync(db, [new IdleLandAdapter()], context, ct);
            Assert.Equal(before.Subjects, summaries.Single().Subjects);
            Assert.NotEmpty(findings);
            Assert.Equal(before.Findings.OrderBy(f => f.Subject, StringComparer.Ordinal), Outcomes(findings));
        }
    }

    [Fact]
    public async Task OnSqlite_EachScreenIsAnIndexSearch_NotAScanOfTheTable()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        var extended = await db.ParcelExtensions.Select(x => x.Parcel).ToListAsync();
        var screens = IdleLandAdapter.Screens(db, DemoGenerator.AsOf, 366, inClustersOnly: false, extended);
        Assert.Equal(3, screens.Count);

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var screen in screens)
        {
            var command = screen.CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(3));
                }
            }

            // EF Core names the table "p"; the extended parcels' codes come as a JSON array (json_each), read whole.
            var parcels = plan.Where(step => !step.Contains("json_each", StringComparison.Ordinal)).ToList();
            Assert.True(parcels.Count == 1 && parcels[0].StartsWith("SEARCH p USING ", StringComparison.Ordinal), string.Join(" | ", plan));
        }
    }

    [Fact]
    public async Task WhenTheParametersGiveNoBound_TheSweepDecidesEveryParcel()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        db.EnsureDivisionsLoaded();
        var context = new RuleContext(DemoGenerator.AsOf, ParameterSet.Shipped.WithOverlay(new Dictionary<string, string> { ["land.idle.fee-after-years"] = "0" }));
        var adapter = new IdleLandAdapter();
        Assert.False(adapter.CanScreen(context));

        var (summaries, findings) = await SweepService.JudgeAsync(db, [adapter], context, CancellationToken.None);

        // From the first day every parcel not started is charged or recovered, and every one that started is charged.
        var parcels = await db.Parcels.CountAsync(p => p.GrantedOn <= DemoGenerator.AsOf);
        Assert.Equal(parcels, summaries.Single().Subjects);
        Assert.True(findings.Count > 1_000, $"{findings.Count}");
    }

    /// <summary>Every parcel granted by the date read and decided by the rule, as a sweep did before the screening: the reference.</summary>
    private static async Task<(int Subjects, List<(string Subject, string Kind, decimal? Fee, string Conclusion)> Findings)> DecideEveryParcelAsync(JijuDbContext db, RuleContext context)
    {
        var adapter = new IdleLandAdapter();
        IRule rule = new IdleLandIsChargedOrRecovered();
        var findings = new List<(string Subject, string Kind, decimal? Fee, string Conclusion)>();
        var subjects = 0;
        await foreach (var subject in adapter.SubjectsAsync(db, context.AsOf, CancellationToken.None))
        {
            subjects++;
            var decision = rule.Evaluate(subject.Facts, context);
            if (adapter.Kind(decision) is { } kind)
            {
                findings.Add((subject.Key, kind, adapter.Amount(decision)?.Yuan, decision.Trace.Conclusion));
            }
        }

        return (subjects, findings);
    }

    /// <summary>What a sweep found, in the form <see cref="DecideEveryParcelAsync"/> gives it, in the sweep's order.</summary>
    private static List<(string Subject, string Kind, decimal? Fee, string Conclusion)> Outcomes(IEnumerable<SweepFinding> findings) =>
        findings.Select(f => (f.Subject, f.Kind, f.Amount?.Yuan, f.Conclusion)).ToList();

    private static bool IsIdle(IRule rule, Subject subject, RuleContext context) =>
        rule.EvaluateWithoutTrace(subject.Facts, context).Value is IdleLandFinding { Status: not IdleLandStatus.NotIdle };

    /// <summary>
    /// For each date and each bound the overlays give (366 and 731 days), parcels idle from two days short of the
    /// bound to two days past it: not started, starting the day after the date or later, and started by it. Starts on 02-29 and
    /// extensions (approved before the date, and after it) besides.
    /// </summary>
    private static async Task PlantAroundTheBoundsAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var template = await db.Parcels.AsNoTracking().OrderBy(p => p.Code).FirstAsync(p => p.Cluster != null);
        var prefix = template.Code.Value[..14];
        var number = 90_000;
        var parcels = new List<LandParcel>();
        LandParcel Parcel(DateOnly agreedStart, DateOnly? actualStart)
        {
            var parcel = new LandParcel
            {
                Code = ParcelCode.Parse($"{prefix}{number++:D5}").Value,
                County = template.County,
                Cluster = template.Cluster,
                LandUse = template.LandUse,
                Area = template.Area,
                GrantType = parcels.Count % 2 == 0 ? GrantType.Transfer : GrantType.Allocation,
                Price = template.Price,
                GrantedOn = agreedStart.AddMonths(-3),
                AgreedStart = agreedStart,
                ActualStart = actualStart,
            };
            parcels.Add(parcel);
            return parcel;
        }

        foreach (var asOf in Dates)
        {
            foreach (var bound in new[] { 366, 731 })
            {
                for (var k = -2; k <= 2; k++)
                {
                    var idleDays = bound + k;
                    Parcel(asOf.AddDays(-idleDays), null);
                    Parcel(asOf.AddDays(-idleDays), asOf.AddDays(1));
                    Parcel(asOf.AddDays(-idleDays), asOf.AddDays(10));
                    var started = asOf.AddDays(-5);
                    Parcel(started.AddDays(-1 - idleDays), started);
                }
            }
        }

        foreach (var actual in new DateOnly?[] { null, new(2013, 2, 28), new(2013, 3, 1), new(2013, 3, 2), new(2014, 3, 1), new(2014, 3, 2) })
        {
            Parcel(new DateOnly(2012, 2, 29), actual);
        }

        // Extensions that no other screen would let through: one that moves a recent start a year earlier, and one on a
        // parcel that started on time by its agreed start but late by the start agreed later.
        var extended = Parcel(new DateOnly(2012, 6, 1), null);
        var extendedLater = Parcel(new DateOnly(2012, 6, 1), null);
        var governmentDelay = Parcel(new DateOnly(2012, 6, 1), null);
        var movedEarlier = Parcel(new DateOnly(2015, 6, 1), null);
        var startedLateByTheNewStart = Parcel(new DateOnly(2014, 6, 1), new DateOnly(2014, 8, 1));
        db.Parcels.AddRange(parcels);
        db.ParcelExtensions.AddRange(
            new ParcelExtension { Parcel = extended.Code, ApprovedOn = new DateOnly(2012, 5, 1), ApprovedBy = "测试", NewAgreedStart = new DateOnly(2014, 12, 1), Reason = DelayReason.OtherApproved },
            new ParcelExtension { Parcel = extendedLater.Code, ApprovedOn = new DateOnly(2015, 1, 1), ApprovedBy = "测试", NewAgreedStart = new DateOnly(2015, 9, 1), Reason = DelayReason.ForceMajeure },
            new ParcelExtension { Parcel = governmentDelay.Code, ApprovedOn = new DateOnly(2012, 5, 1), ApprovedBy = "测试", NewAgreedStart = new DateOnly(2013, 1, 1), Reason = DelayReason.Government },
            new ParcelExtension { Parcel = movedEarlier.Code, ApprovedOn = new DateOnly(2015, 3, 1), ApprovedBy = "测试", NewAgreedStart = new DateOnly(2014, 6, 1), Reason = DelayReason.OtherApproved },
            new ParcelExtension { Parcel = startedLateByTheNewStart.Code, ApprovedOn = new DateOnly(2013, 3, 1), ApprovedBy = "测试", NewAgreedStart = new DateOnly(2013, 6, 1), Reason = DelayReason.OtherApproved });
        await db.SaveChangesAsync();
    }
}
