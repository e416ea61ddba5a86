using Jiju.Data.Jurisdiction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiju.Data;

public enum DatabaseProvider
{
    Sqlite = 1,
    Postgres = 2,
}

/// <summary>
/// Where the data lives. The default is a SQLite file (<see cref="SqlitePath"/>); a server uses
/// PostgreSQL through <see cref="ConnectionString"/>. Bound from configuration section <c>Jiju:Database</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file, relative to the working directory unless absolute.</summary>
    public string SqlitePath { get; set; } = "jiju.db";

    /// <summary>For PostgreSQL (required there); for SQLite it overrides <see cref="SqlitePath"/>.</summary>
    public string? ConnectionString { get; set; }

    public string EffectiveConnectionString => Provider switch
    {
        DatabaseProvider.Sqlite => ConnectionString ?? $"Data Source={SqlitePath};Foreign Keys=True;Default Timeout=60",
        _ => ConnectionString ?? throw new InvalidOperationException("使用 PostgreSQL 时须配置连接字符串（Jiju:Database:ConnectionString 或环境变量 JIJU_DATABASE__CONNECTIONSTRING）"),
    };

    public void Configure(DbContextOptionsBuilder builder)
    {
        _ = Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(EffectiveConnectionString, o => o.MigrationsAssembly("Jiju.Data.Sqlite")),
            DatabaseProvider.Postgres => builder.UseNpgsql(EffectiveConnectionString, o => o.MigrationsAssembly("Jiju.Data.Postgres")),
            _ => throw new InvalidOperationException($"未知的数据库类型 {Provider}"),
        };
        builder.UseSnakeCaseNamingConvention();
    }

    public JijuDbContext CreateContext(JurisdictionScope scope, DivisionDirectory? divisions = null)
    {
        var builder = new DbContextOptionsBuilder<JijuDbContext>();
        Configure(builder);
        return new JijuDbContext(builder.Options, scope, divisions ?? new DivisionDirectory());
    }
}

public static class DataServiceCollectionExtensions
{
    /// <summary>The data layer: the context (scoped, in the caller's jurisdiction) and the shared division directory.</summary>
    public static IServiceCollection AddJijuData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<DivisionDirectory>();
        services.AddDbContext<JijuDbContext>(options.Configure);
        return services;
    }
}
