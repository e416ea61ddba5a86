using Jiju.Data.Jurisdiction;
using Jiju.Data.Reference;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data;

/// <summary>Brings a database to the current schema and loads the reference divisions it lacks.</summary>
public static class DatabaseMigrator
{
    public static async Task<MigrationReport> MigrateAsync(DatabaseOptions options, CancellationToken cancellationToken = default)
    {
        await using var db = options.CreateContext(JurisdictionScope.Province("migrator"));
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);

        var known = await db.Divisions.Select(d => d.Code).ToListAsync(cancellationToken);
        var knownSet = known.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var missing = ReferenceData.HenanDivisions().Where(d => !knownSet.Contains(d.Code.Value)).ToList();
        db.Divisions.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return new MigrationReport(pending, missing.Count);
    }
}

public sealed record MigrationReport(IReadOnlyList<string> AppliedMigrations, int DivisionsAdded);
