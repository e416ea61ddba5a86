using Jiju.Data.Jurisdiction;
using Microsoft.EntityFrameworkCore.Design;

namespace Jiju.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --project src/Jiju.Data.Postgres</c> build the model for PostgreSQL (no server needed).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JijuDbContext>
{
    public JijuDbContext CreateDbContext(string[] args) =>
        new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=jiju_design" }.CreateContext(JurisdictionScope.Province("design-time"));
}
