using System.Linq.Expressions;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Audit;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Environmental;
using Jiju.Domain.Fees;
using Jiju.Domain.Finance;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;
using Jiju.Domain.Quotas;
using Jiju.Domain.Relocation;
using Jiju.Domain.Services;
using Jiju.Domain.Statistics;
using Jiju.Domain.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data;

/// <summary>
/// The database. Every jurisdiction-owned table has an <c>owner_path</c> column, and one global
/// query filter per table keeps each query inside the caller's <see cref="JurisdictionScope"/> (a range of the
/// column's index: <see cref="JurisdictionScope.Path"/> up to <see cref="JurisdictionScope.PathEnd"/>);
/// <see cref="SaveChanges(bool)"/> checks every written row against the same scope.
/// </summary>
public sealed class JijuDbContext(DbContextOptions<JijuDbContext> options, JurisdictionScope scope, DivisionDirectory divisions)
    : DbContext(options)
{
    public const string OwnerPath = "OwnerPath";

    /// <summary>
    /// A parcel's actual start less its agreed start, in days (null before it starts): a column the database computes,
    /// indexed for art. 7's screening (ADR 0013).
    /// </summary>
    public const string StartDelayDays = "StartDelayDays";

    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private readonly DbContextOptions<JijuDbContext> _options = options;

    public JurisdictionScope Scope { get; } = scope;

    public DivisionDirectory DivisionDirectory { get; } = divisions;

    // Read by the query filters; EF Core turns each into a parameter per query.
    private string ScopeFrom => Scope.Path;

    private string ScopeTo => Scope.PathEnd;

    public DbSet<Division> Divisions => Set<Division>();

    public DbSet<Cluster> Clusters => Set<Cluster>();

    public DbSet<FunctionalZone> FunctionalZones => Set<FunctionalZone>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<InvestmentProject> Projects => Set<InvestmentProject>();

    public DbSet<ProjectFunding> ProjectFundings => Set<ProjectFunding>();

    public DbSet<ProjectEmission> ProjectEmissions => Set<ProjectEmission>();

    public DbSet<LandParcel> Parcels => Set<LandParcel>();

    public DbSet<ParcelExtension> ParcelExtensions => Set<ParcelExtension>();

    public DbSet<LandUseChangeRequest> LandUseChangeRequests => Set<LandUseChangeRequest>();

    public DbSet<BasicFarmland> BasicFarmland => Set<BasicFarmland>();

    public DbSet<ClusterStatistics> Statistics => Set<ClusterStatistics>();

    public DbSet<Village> Villages => Set<Village>();

    public DbSet<ResettlementCommunity> ResettlementCommunities => Set<ResettlementCommunity>();

    public DbSet<FinancingPlatform> FinancingPlatforms => Set<FinancingPlatform>();

    public DbSet<FinancingInstrument> FinancingInstruments => Set<FinancingInstrument>();

    public DbSet<LabourDemand> LabourDemands => Set<LabourDemand>();

    public DbSet<TrainingBase> TrainingBases => Set<TrainingBase>();

    public DbSet<MigrantWorker> MigrantWorkers => Set<MigrantWorker>();

    public DbSet<EmissionBudget> EmissionBudgets => Set<EmissionBudget>();

    public DbSet<EmissionLedgerEntry> EmissionLedger => Set<EmissionLedgerEntry>();

    public DbSet<SewagePlant> SewagePlants => Set<SewagePlant>();

    public DbSet<HeatingProfile> HeatingProfiles => Set<HeatingProfile>();

    public DbSet<SafetyCapacity> SafetyCapacities => Set<SafetyCapacity>();

    public DbSet<EnvironmentalDetermination> EnvironmentalDeterminations => Set<EnvironmentalDetermination>();

    public DbSet<ServiceFacility> ServiceFacilities => Set<ServiceFacility>();

    public DbSet<QuotaLedgerEntry> QuotaLedger => Set<QuotaLedgerEntry>();

    public DbSet<LandConsolidationProject> LandConsolidationProjects => Set<LandConsolidationProject>();

    public DbSet<FeeWaiver> FeeWaivers => Set<FeeWaiver>();

    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();

    public DbSet<LandUseStandard> LandUseStandards => Set<LandUseStandard>();

    public DbSet<Domain.Industries.IndustrialChainLink> IndustrialChainLinks => Set<Domain.Industries.IndustrialChainLink>();

    public DbSet<LandRevenue> LandRevenues => Set<LandRevenue>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<MetaEntry> Meta => Set<MetaEntry>();

    public DbSet<DemoPlant> DemoPlants => Set<DemoPlant>();

    public DbSet<Findings.SweepRun> SweepRuns => Set<Findings.SweepRun>();

    public DbSet<Findings.Finding> Findings => Set<Findings.Finding>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ScopeModelCacheKeyFactory>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        Conversions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var postgres = Database.ProviderName == PostgresProvider;

        // Virtual on SQLite, which can index it and cannot add a stored one to a table; stored on PostgreSQL, which has
        // no virtual ones before version 18. SQLite keeps dates as yyyy-MM-dd text.
        modelBuilder.Entity<LandParcel>().Property<int?>(StartDelayDays).HasComputedColumnSql(
            postgres ? "actual_start - agreed_start" : "CAST(julianday(actual_start) - julianday(agreed_start) AS INTEGER)",
            stored: postgres);
        ModelConfiguration.Configure(modelBuilder);

        if (postgres)
        {
            // Codes compare in byte order, as on SQLite, whatever the database's collation: cheaper for every key look-up,
            // index entry and join on them than the locale's rules, and the same order on both databases (ADR 0012).
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties())
                .Where(p => Conversions.Codes.Contains(Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)))
            {
                property.SetCollation("C");
            }
        }

        foreach (var type in modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(IJurisdictionOwned).IsAssignableFrom(type) || typeof(IChildRecord).IsAssignableFrom(type))
            {
                var ownerPath = modelBuilder.Entity(type).Property<string>(OwnerPath).HasMaxLength(64).IsRequired();
                if (postgres)
                {
                    // Byte order, whatever the database's collation: the filter's range is exact only in it (ADR 0002).
                    ownerPath.UseCollation("C");
                }

                modelBuilder.Entity(type).HasIndex(OwnerPath);
                if (OwnerFilterOf(Scope) != OwnerFilterKind.None)
                {
                    modelBuilder.Entity(type).HasQueryFilter(OwnerFilter(type));
                }
            }
        }
    }

    /// <summary>
    /// How the query filters read the owner path for <paramref name="scope"/> (ADR 0002). Each kind is a model of its own
    /// (<see cref="ScopeModelCacheKeyFactory"/>).
    /// </summary>
    internal static OwnerFilterKind OwnerFilterOf(JurisdictionScope scope) =>
        scope.Path.Length == 0 ? OwnerFilterKind.None : scope.IsProvince ? OwnerFilterKind.Prefix : OwnerFilterKind.Range;

    private LambdaExpression OwnerFilter(Type type)
    {
        var e = Expression.Parameter(type, "e");
        var ownerPath = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], e, Expression.Constant(OwnerPath));
        var self = Expression.Constant(this);
        if (OwnerFilterOf(Scope) == OwnerFilterKind.Prefix)
        {
            // e => EF.Property<string>(e, "OwnerPath").StartsWith(this.ScopeFrom): LIKE 'prefix%', which SQLite reads by
            // scanning the table, as it should for the whole of a province database.
            var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
            return Expression.Lambda(Expression.Call(ownerPath, startsWith, Expression.Property(self, nameof(ScopeFrom))), e);
        }

        // e => string.Compare(EF.Property<string>(e, "OwnerPath"), this.ScopeFrom) >= 0
        //      && string.Compare(EF.Property<string>(e, "OwnerPath"), this.ScopeTo) < 0
        // which EF Core writes as owner_path >= @from AND owner_path < @to: a range both databases read from the
        // owner-path index, where they read LIKE 'prefix%' by scanning. Exact in byte order: SQLite's BINARY, and the
        // column collation "C" on PostgreSQL.
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var zero = Expression.Constant(0);
        return Expression.Lambda(
            Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(compare, ownerPath, Expression.Property(self, nameof(ScopeFrom))), zero),
                Expression.LessThan(Expression.Call(compare, ownerPath, Expression.Property(self, nameof(ScopeTo))), zero)),
            e);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampAndGuard();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampAndGuard();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Sets the owner path of new rows and refuses any write outside the caller's jurisdiction.</summary>
    private void StampAndGuard()
    {
        EnsureDivisionsLoaded();
        var owners = new OwnerPaths(this);
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            if (entry.Entity is IAppendOnly && entry.State != EntityState.Added)
            {
                throw new InvalidOperationException($"{TypeName(entry.Entity)}不能修改或删除：更正须作为新版本提交，历史记录保持不变");
            }

            if (entry.Entity is IReferenceData or Division)
            {
                if (!Scope.IsProvince)
                {
                    throw new JurisdictionViolationException($"只有省级用户可以修改{TypeName(entry.Entity)}（参考数据）");
                }

                continue;
            }

            if (entry.Entity is not (IJurisdictionOwned or IChildRecord))
            {
                continue;
            }

            var property = entry.Property(OwnerPath);
            var path = entry.State == EntityState.Added ? owners.PathOf(entry.Entity) : (string)property.OriginalValue!;
            if (!Scope.Covers(path))
            {
                throw new JurisdictionViolationException($"{Scope.Actor} 无权修改 {TypeName(entry.Entity)}（归属 {path}，本用户管辖 {Scope.Path}）");
            }

            if (entry.State == EntityState.Added)
            {
                property.CurrentValue = path;
            }
        }
    }

    /// <summary>
    /// Another context on the same database, in the same jurisdiction and with the same division directory, to work in
    /// parallel with this one (a context is not thread-safe): the sweep's and the assessment's parallel reads, the import's
    /// writer. It has its own connection, so neither context sees the other's open transaction or unsaved changes.
    /// </summary>
    public JijuDbContext CreateSibling() => new(_options, Scope, DivisionDirectory);

    public void EnsureDivisionsLoaded()
    {
        if (!DivisionDirectory.IsLoaded || DivisionDirectory.Count == 0)
        {
            DivisionDirectory.Load(Divisions.AsNoTracking().ToList());
        }
    }

    private static string TypeName(object entity) => TermOf(entity.GetType());

    /// <summary>A record type's Chinese term (<see cref="ZhAttribute"/>), or its name: what messages about its rows show.</summary>
    internal static string TermOf(Type type) =>
        type.GetCustomAttributes(typeof(ZhAttribute), false).OfType<ZhAttribute>().FirstOrDefault()?.Term ?? type.Name;
}

/// <summary>A key/value setting of the database itself (e.g. that it holds a generated demo province).</summary>
public sealed class MetaEntry
{
    public required string Key { get; init; }

    public required string Value { get; set; }
}

/// <summary>A boundary situation the demo generator planted on purpose, so that a sweep can be checked against it.</summary>
public sealed class DemoPlant
{
    public long Id { get; init; }

    public required string Kind { get; init; }

    public required string Subject { get; init; }

    public required string Description { get; init; }
}

/// <summary>How the query filters keep a scope's rows (ADR 0002).</summary>
internal enum OwnerFilterKind
{
    /// <summary><see cref="JurisdictionScope.System"/> covers every row: no filter, and its reads (the national sweep) scan.</summary>
    None,

    /// <summary>
    /// A province: <c>owner_path LIKE 'prefix%'</c>. In a province's database that is every row, which SQLite reads
    /// fastest by scanning the table; it would read a range of the index (without statistics, it takes any range to be
    /// narrow) and fetch every row from it, in the index's order.
    /// </summary>
    Prefix,

    /// <summary>A city, a county or a cluster: <c>owner_path &gt;= path AND owner_path &lt; path end</c>, from the index.</summary>
    Range,
}

/// <summary>One model for each <see cref="OwnerFilterKind"/>: the context type's query filters differ between them.</summary>
internal sealed class ScopeModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is JijuDbContext db ? JijuDbContext.OwnerFilterOf(db.Scope) : OwnerFilterKind.None, designTime);
}
