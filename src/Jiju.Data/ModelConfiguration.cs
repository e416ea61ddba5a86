using Jiju.Domain.Audit;
using Jiju.Domain.Clusters;
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

/// <summary>Keys, references and indexes. References have no navigation properties: rows point at codes.</summary>
internal static class ModelConfiguration
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<Division>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Name).HasMaxLength(50);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.Parent).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<Cluster>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.CommitteeName).HasMaxLength(100);
            e.Property(x => x.LeadingIndustryName).HasMaxLength(100);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.County).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<FunctionalZone>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<Enterprise>(e =>
        {
            e.HasKey(x => x.CreditCode);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.County).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<InvestmentProject>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.ResponsibleUnit).HasMaxLength(100);
            e.Property(x => x.ResponsiblePerson).HasMaxLength(50);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.County).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.Investor).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.IntroducedBy).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<ProjectFunding>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasOne<InvestmentProject>().WithMany().HasForeignKey(x => x.Project).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.Project, x.Year });
        });

        m.Entity<ProjectEmission>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasOne<InvestmentProject>().WithMany().HasForeignKey(x => x.Project).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.Project, x.Pollutant }).IsUnique();
        });

        m.Entity<LandParcel>(e =>
        {
            e.HasKey(x => x.Code);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.County).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.Holder).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<InvestmentProject>().WithMany().HasForeignKey(x => x.Project).OnDelete(DeleteBehavior.Restrict);

            // Art. 7's screening (ADR 0013): parcels not started, by their agreed start (a partial index of those alone);
            // parcels that started late, by how late; and the count of parcels granted by a date. The delay is a column
            // the database computes (JijuDbContext: its SQL differs by database), which no one writes.
            e.HasIndex(x => x.AgreedStart).HasFilter("actual_start IS NULL");
            e.HasIndex(JijuDbContext.StartDelayDays);
            e.HasIndex(x => x.GrantedOn);
        });

        m.Entity<ParcelExtension>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.ApprovedBy).HasMaxLength(100);
            e.HasOne<LandParcel>().WithMany().HasForeignKey(x => x.Parcel).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<LandUseChangeRequest>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasOne<LandParcel>().WithMany().HasForeignKey(x => x.Parcel).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<BasicFarmland>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.County).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<ClusterStatistics>(e =>
        {
            e.HasKey(x => new { x.Cluster, x.Year, x.Version });
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<Village>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<ResettlementCommunity>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => new { x.County, x.Name }).IsUnique();
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.County).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<FinancingPlatform>(e =>
        {
            e.HasKey(x => x.CreditCode);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<FinancingInstrument>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Counterparty).HasMaxLength(200);
            e.HasOne<FinancingPlatform>().WithMany().HasForeignKey(x => x.Platform).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<LabourDemand>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Occupation).HasMaxLength(100);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.Enterprise).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<TrainingBase>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => new { x.County, x.Name, x.Year }).IsUnique();
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.County).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<MigrantWorker>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.PersonRef).HasMaxLength(64);
            e.HasIndex(x => new { x.Cluster, x.PersonRef }).IsUnique();
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<EmissionBudget>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Cluster, x.Pollutant, x.Year }).IsUnique();
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<EmissionLedgerEntry>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Counterparty).HasMaxLength(200);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<InvestmentProject>().WithMany().HasForeignKey(x => x.Project).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<SewagePlant>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<HeatingProfile>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Cluster, x.Year }).IsUnique();
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<SafetyCapacity>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Measure).HasMaxLength(100);
            e.Property(x => x.Unit).HasMaxLength(20);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<EnvironmentalDetermination>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.DeterminedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.Cluster, x.DeterminedOn });
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<ServiceFacility>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CapacityUnit).HasMaxLength(20);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<QuotaLedgerEntry>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Batch).HasMaxLength(50);
            e.Property(x => x.SourceProject).HasMaxLength(200);
            e.HasIndex(x => new { x.Kind, x.Batch });
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.County).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.TargetCluster).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<InvestmentProject>().WithMany().HasForeignKey(x => x.TargetProject).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<LandConsolidationProject>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.County).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.Cluster).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<FeeWaiver>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(30);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Authority).HasMaxLength(100);
            e.Property(x => x.Basis).HasMaxLength(200);
        });

        m.Entity<ExchangeRate>(e =>
        {
            e.HasKey(x => new { x.Currency, x.EffectiveOn });
            e.Property(x => x.YuanPerUnit).HasPrecision(18, 6);
            e.Property(x => x.Source).HasMaxLength(200);
        });

        m.Entity<LandUseStandard>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Source).HasMaxLength(200);
            e.HasIndex(x => new { x.Industry, x.Scope, x.ValidFrom }).IsUnique();
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.Scope).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<Domain.Industries.IndustrialChainLink>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.SegmentName).HasMaxLength(100);
            e.HasIndex(x => new { x.LeadingIndustry, x.SegmentOrder, x.Industry }).IsUnique();
        });

        m.Entity<LandRevenue>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.County, x.Year }).IsUnique();
            e.HasOne<Division>().WithMany().HasForeignKey(x => x.County).OnDelete(DeleteBehavior.Restrict);
        });

        m.Entity<AuditEntry>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Scope).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.HasIndex(x => x.At);
        });

        m.Entity<MetaEntry>(e =>
        {
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(100);
        });

        m.Entity<Findings.SweepRun>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.ScopePath).HasMaxLength(64);
            e.HasIndex(x => x.AsOf);
        });

        m.Entity<Findings.Finding>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.RuleId).HasMaxLength(100);
            e.Property(x => x.SubjectKind).HasMaxLength(50);
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.Outcome).HasMaxLength(20);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.HasOne<Findings.SweepRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.RunId, x.RuleId });
        });

        m.Entity<DemoPlant>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(100);
            e.Property(x => x.Subject).HasMaxLength(100);
        });
    }
}
