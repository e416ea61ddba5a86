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
}
