using Jiju.Data.Import;
using Jiju.Domain.Enterprises;
using static Jiju.Data.Tests.ImportTestData;
using static Jiju.Data.Tests.ImportTests;

namespace Jiju.Data.Tests;

public sealed class KeyLookupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UnifiedSocialCreditCode Code(string text) => UnifiedSocialCreditCode.Parse(text).Value;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheSameQuestionAskedAgainOnOneContext_AnswersForItsOwnKeysOnly(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", [Enterprise(E1), Enterprise(E2)])));
        await using var db = database.Context(Province);

        async Task<List<string>> FoundAsync(params string[] keys) =>
            (await KeyLookup.FindAsync(db, typeof(Domain.Enterprises.Enterprise), [new KeyFilter(nameof(Domain.Enterprises.Enterprise.CreditCode), keys.Select(k => (object)Code(k)).ToList())], [nameof(Domain.Enterprises.Enterprise.CreditCode)], Ct))
                .Select(r => r[0]!.ToString()!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal([E1], await FoundAsync(E1, E3));
        Assert.Equal([E2], await FoundAsync(E2));
        Assert.Empty(await FoundAsync(E3));
        Assert.Equal(new[] { E1, E2 }.Order(StringComparer.Ordinal), await FoundAsync(E2, E1, E3));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AQuestionOfSeveralColumns_FindsTheRowsThatMatchEveryOne_AndAnswersInTheModelsTypes(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var database = await WithClusterAsync(provider, folder);
        AssertSucceeded(await ImportAsync(database, WriteCsv(folder.File("statistics.csv"), "statistics", [Statistics(year: 2012), Statistics(year: 2013), Statistics(year: 2013).With("correction_note", "核减重复统计")])));
        await using var db = database.Context(Province);
        var cluster = Domain.Clusters.ClusterCode.Of("41018201");

        var rows = await KeyLookup.FindAsync(
            db,
            typeof(Domain.Statistics.ClusterStatistics),
            [new KeyFilter("Cluster", [cluster, Domain.Clusters.ClusterCode.Of("41018202")]), new KeyFilter("Year", [2013, 2014])],
            ["Cluster", "Year", "Version"],
            Ct);

        Assert.Equal([(cluster, 2013, 1), (cluster, 2013, 2)], rows.Select(r => ((Domain.Clusters.ClusterCode)r[0]!, (int)r[1]!, (int)r[2]!)).OrderBy(r => r.Item3).ToList());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void KeysAndReferencesAreLookedUpWithoutEntityFrameworkCoresQueryPipeline_AndOtherColumnsThroughIt(DatabaseProvider provider)
    {
        // Building the statement reads the model only: no database is opened, so PostgreSQL need not be running.
        var options = provider == DatabaseProvider.Sqlite
            ? new DatabaseOptions { Provider = provider, SqlitePath = ":memory:" }
            : new DatabaseOptions { Provider = provider, ConnectionString = "Host=127.0.0.1;Database=none" };
        using var db = options.CreateContext(Jurisdiction.JurisdictionScope.Province("省级用户"));

        Assert.NotNull(DirectKeyQuery.For(db, typeof(Domain.Enterprises.Enterprise), ["CreditCode"], ["CreditCode"]));
        Assert.NotNull(DirectKeyQuery.For(db, typeof(Domain.Statistics.ClusterStatistics), ["Cluster", "Year"], ["Cluster", "Year", "Version"]));
        Assert.Null(DirectKeyQuery.For(db, typeof(Domain.Statistics.ClusterStatistics), ["Cluster"], ["SubmittedOn"]));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryKeyAndReferenceTheImportAsksAbout_IsAnsweredDirectlyAsEntityFrameworkCoreAnswersIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var db = database.Context(Province);
        var questions = 0;

        async Task CompareAsync(Type type, IReadOnlyList<string> properties, IReadOnlyList<string> select, IReadOnlyList<object> rows)
        {
            var entity = db.Model.FindEntityType(type)!;
            var filters = properties.Select(p =>
            {
                var getter = entity.FindProperty(p)!.GetGetter();
                return new KeyFilter(p, rows.Select(getter.GetClrValue).OfType<object>().Distinct().ToList());
            }).ToList();
            if (filters.Any(f => f.Values.Count == 0) || DirectKeyQuery.For(db, type, properties, select) is not { } direct)
            {
                return;
            }

            var directly = (await direct.FindAsync(db, filters, Ct)).OrderBy(r => KeyLookup.KeyText(r), StringComparer.Ordinal).ToList();
            var throughEf = (await KeyLookup.FindThroughEntityFrameworkAsync(db, type, filters, select, Ct)).OrderBy(r => KeyLookup.KeyText(r), StringComparer.Ordinal).ToList();
            Assert.NotEmpty(throughEf);
            Assert.Equal(throughEf.Count, directly.Count);
            for (var i = 0; i < throughEf.Count; i++)
            {
                // The same values, of the same model types (a code, not its text; an enum, not its number).
                Assert.Equal(throughEf[i], directly[i]);
                Assert.Equal(throughEf[i].Select(v => v?.GetType()), directly[i].Select(v => v?.GetType()));
            }

            questions++;
        }

        foreach (var entity in ImportCatalog.All)
        {
            var set = (IQueryable<object>)typeof(Microsoft.EntityFrameworkCore.DbContext).GetMethod(nameof(Microsoft.EntityFrameworkCore.DbContext.Set), Type.EmptyTypes)!
                .MakeGenericMethod(entity.ClrType).Invoke(db, null)!;
            var rows = set.Take(40).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            foreach (var key in entity.Keys)
            {
                var properties = key.Columns.Select(c => c.PropertyName).ToList();
                await CompareAsync(entity.ClrType, properties, properties, rows);
            }

            foreach (var reference in entity.References)
            {
                var values = rows.Select(r => db.Model.FindEntityType(entity.ClrType)!.FindProperty(reference.Column.PropertyName)!.GetGetter().GetClrValue(r)).OfType<object>().Distinct().ToList();
                if (values.Count == 0)
                {
                    continue;
                }

                var principals = (IQueryable<object>)typeof(Microsoft.EntityFrameworkCore.DbContext).GetMethod(nameof(Microsoft.EntityFrameworkCore.DbContext.Set), Type.EmptyTypes)!
                    .MakeGenericMethod(reference.PrincipalType).Invoke(db, null)!;
                var getter = db.Model.FindEntityType(reference.PrincipalType)!.FindProperty(reference.PrincipalProperty)!.GetGetter();
                var referenced = principals.AsEnumerable().Where(p => getter.GetClrValue(p) is { } v && values.Contains(v)).Take(40).ToList();
                await CompareAsync(reference.PrincipalType, [reference.PrincipalProperty], [reference.PrincipalProperty], referenced);
            }
        }

        Assert.True(questions >= 20, $"only {questions} questions compared");
    }
}
