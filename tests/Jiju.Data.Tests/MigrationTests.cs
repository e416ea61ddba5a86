using Jiju.Data.Jurisdiction;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data.Tests;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void TheMigrations_MatchTheModel(DatabaseProvider provider)
    {
        // No server needed: the model is compared with the provider's migration snapshot.
        var options = provider == DatabaseProvider.Sqlite
            ? new DatabaseOptions { Provider = provider, SqlitePath = "unused.db" }
            : new DatabaseOptions { Provider = provider, ConnectionString = "Host=unused" };
        using var db = options.CreateContext(JurisdictionScope.Province());

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: 模型有变化但没有迁移，请运行 dotnet ef migrations add");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_LoadsHenansDivisions_AndIsSafeToRepeat(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var first = await DatabaseMigrator.MigrateAsync(database.Options);
        var second = await DatabaseMigrator.MigrateAsync(database.Options);

        Assert.Equal(176, first.DivisionsAdded);
        Assert.Equal(0, second.DivisionsAdded);
        Assert.Empty(second.AppliedMigrations);
        await using var db = database.Context();
        Assert.Equal(18, await db.Divisions.CountAsync(d => d.Level == Domain.Divisions.DivisionLevel.City));
        Assert.Equal("济源市", (await db.Divisions.SingleAsync(d => d.Code == Domain.Divisions.DivisionCode.Of("419001"))).Name);
    }
}
