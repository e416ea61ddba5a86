using Jiju.Data.Jurisdiction;
using Microsoft.EntityFrameworkCore.Design;

namespace Jiju.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --project src/Jiju.Data.Sqlite</c> build the model for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JijuDbContext>
{
    public JijuDbContext CreateDbContext(string[] args) =>
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, SqlitePath = "design-time.db" }.CreateContext(JurisdictionScope.Province("design-time"));
}
