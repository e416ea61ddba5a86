using System.Globalization;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Environmental;
using Jiju.Domain.Fees;
using Jiju.Domain.Finance;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;
using Jiju.Domain.Quotas;
using Jiju.Domain.Relocation;
using Jiju.Domain.Services;
using Jiju.Domain.Statistics;
using Jiju.Domain.Workforce;
using NetTopologySuite.Geometries;

namespace Jiju.Data.Demo;

/// <summary>
/// The ordinary (random) rows of a zone. Each table draws from its own seeded generator per zone,
/// so a table can be produced without the others, in any order, and always the same way.
/// Values stay well clear of the policy's thresholds; the boundary cases are in <see cref="DemoPlants"/>.
/// </summary>
internal sealed class DemoRows(int seed, DemoVolume volume, DateOnly asOf)
{
    private static readonly string[] Surnames = ["华", "中", "豫", "宏", "恒", "鑫", "金", "新", "瑞", "丰", "汇", "通", "远", "达", "盛", "隆", "昌", "泰", "安", "康"];
    private static readonly string[] Words = ["源", "科", "信", "联", "创", "兴", "星", "海", "河", "山", "光", "力", "德", "正", "和", "美", "嘉", "润", "博", "晟"];

    public DateOnly AsOf { get; } = asOf;

    public Random For(DemoZone zone, int table) => new(unchecked((seed * 7919) + (zone.Index * 131) + table));

    public Cluster Cluster(DemoZone z)
    {
        var r = For(z, 1);
        return new Cluster
        {
            Code = z.Code,
            Name = z.Name,
            County = z.County.Code,
            Status = ClusterStatus.Cluster,
            EstablishedOn = new DateOnly(2009, 1 + r.Next(12), 1 + r.Next(28)),
            CommitteeName = z.Name + "管理委员会",
            CommitteeLevel = z.County.Kind == Domain.Divisions.DivisionKind.District ? CommitteeLevel.Division : CommitteeLevel.DeputyDivision,
            CommitteeDispatchedBy = z.IsCountyDomain ? CommitteeDispatcher.CountyGovernment : CommitteeDispatcher.CityGovernment,
            CommitteeStaffQuota = 30 + r.Next(40),
            LeadingIndustry = z.LeadingIndustry,
            LeadingIndustryName = z.LeadingIndustry.DivisionName,
            DevelopmentPlanApprovedOn = new DateOnly(2009, 6, 1).AddDays(r.Next(400)),
            RegulatoryPlanApprovedOn = new DateOnly(2010, 6, 1).AddDays(r.Next(400)),
            PlanEiaApprovedOn = new DateOnly(2010, 9, 1).AddDays(r.Next(400)),
            PlanEiaWellExecuted = r.Next(3) > 0,
            HighRiskIndustry = z.LeadingIndustry.Value is "26" or "31" or "32",
            PlannedArea = Area.FromHectares(1200 + r.Next(1800)),
            DevelopmentArea = Rectangle(z.West, z.South, DemoZone.WidthDegrees, DemoZone.HeightDegrees),
            ControlArea = Rectangle(z.West - 0.01, z.South - 0.005, DemoZone.WidthDegrees + 0.02, DemoZone.HeightDegrees + 0.01),
        };
    }

    public static IEnumerable<FunctionalZone> Zones(DemoZone z)
    {
        var half = DemoZone.WidthDegrees / 2;
        yield return new FunctionalZone
        {
            Cluster = z.Code,
            Name = "工业区",
            Kind = ZoneKind.Industrial,
            PermittedUses = [LandUseClass.Of("0601"), LandUseClass.Of("0604")],
            Boundary = Rectangle(z.West, z.South, half, DemoZone.HeightDegrees),
        };
        yield return new FunctionalZone
        {
            Cluster = z.Code,
            Name = "综合服务区",
            Kind = ZoneKind.Services,
            PermittedUses = [LandUseClass.Of("0505"), LandUseClass.Of("0809"), LandUseClass.Of("0701")],
            Boundary = Rectangle(z.West + half, z.South, half, DemoZone.HeightDegrees),
        };
    }

    /// <summary>Credit code of the i-th enterprise of a zone: 91 (company) + county + organisation code + check.</summary>
    public static UnifiedSocialCreditCode EnterpriseCode(DemoZone z, int i) =>
        CreditCode("91", z.County.Code.Value, string.Create(CultureInfo.InvariantCulture, $"{z.Sequence}{z.Index % 1000:000}{i:0000}"));

    public static UnifiedSocialCreditCode CreditCode(string prefix, string county, string orgBody8)
    {
        var org = orgBody8 + OrganizationCode.CheckCharacter(orgBody8);
        var first17 = prefix + county + org;
        return UnifiedSocialCreditCode.Of(first17 + UnifiedSocialCreditCode.CheckCharacter(first17));
    }

    public IEnumerable<Enterprise> Enterprises(DemoZone z)
    {
        var r = For(z, 2);
        for (var i = 0; i < volume.EnterprisesPerZone; i++)
        {
            var leading = r.Next(100) < 45;
            yield return new Enterprise
            {
                CreditCode = EnterpriseCode(z, i),
                Name = CompanyName(r, z),
                Industry = leading ? z.LeadingIndustry : IndustryCode.Of(DemoZones.LeadingIndustries[r.Next(DemoZones.LeadingIndustries.Length)]),
                County = z.County.Code,
                Cluster = z.Code,
                InLeadingIndustry = leading,
                IndustryLeader = i == 0,
                RegisteredOn = new DateOnly(2000, 1, 1).AddDays(r.Next(5000)),
                Employees = 20 + r.Next(2000),
            };
        }
    }

    public static ProjectCode ProjectCodeOf(DemoZone z, int year, IndustryCode industry, int j) =>
        ProjectCode.Of(string.Create(CultureInfo.InvariantCulture, $"{year}-{z.County.Code.Value}-{industry.Value[..2]}-03-{(z.Sequence * 100_000) + j:000000}"));

    /// <summary>The cluster a demo project code belongs to: its county and the sequence in the first digit of its number.</summary>
    public static string ZoneOfProject(ProjectCode code) => code.County + "0" + code.Value[^6];

    public IEnumerable<InvestmentProject> Projects(DemoZone z)
    {
        var r = For(z, 3);
        for (var j = 0; j < volume.ProjectsPerZone; j++)
        {
            var year = 2011 + r.Next(5);
            var leading = r.Next(100) < 60;
            var industry = leading ? z.LeadingIndustry : IndustryCode.Of(DemoZones.LeadingIndustries[r.Next(DemoZones.LeadingIndustries.Length)]);
            var site = Area.FromMu(20 + r.Next(300));
            yield return new InvestmentProject
            {
                Code = ProjectCodeOf(z, year, industry, j),
                Name = $"{CompanyName(r, z)[..^4]}{IndustryWord(industry)}项目",
                Investor = EnterpriseCode(z, r.Next(volume.EnterprisesPerZone)),
                Investment = ClearOfThresholds(r),
                Industry = industry,
                County = z.County.Code,
                Cluster = z.Code,
                Purpose = ProjectPurpose.Production,
                LandUse = LandUseClass.Of("0601"),
                SiteArea = site,
                BuildingFootprint = new Area(Math.Round(site.SquareMetres * 0.5m, 2)),
                FloorArea = new Area(Math.Round(site.SquareMetres * 1.1m, 2)),
                Storeys = 2 + r.Next(4),
                SuitsStandardPlant = false,
                Stage = (ProjectStage)(2 + r.Next(5)),
                ResponsibleUnit = z.Name + "管委会",
                ResponsiblePerson = Surnames[r.Next(Surnames.Length)] + "主任",
                LandPreReviewed = true,
                LandEvaluated = true,
                ConformsToPlanEia = true,

                // Projects in high-risk clusters take a little of the safety capacity (art. 19); from the index, not a new draw.
                SafetyCapacityDemand = z.LeadingIndustry.Value is "26" or "31" or "32" ? 10 + (j % 50) : null,
                SignedOn = new DateOnly(year, 1 + r.Next(12), 1 + r.Next(28)),
            };
        }
    }

    /// <summary>Log-uniform between 0.3亿 and 30亿 yuan, moved off the 5亿 and 10亿 lines by at least 3%.</summary>
    private static Money ClearOfThresholds(Random r)
    {
        var yi = Math.Round((decimal)Math.Exp(Math.Log(0.3) + (r.NextDouble() * Math.Log(100))), 2);
        foreach (var line in new[] { 5m, 10m })
        {
            if (Math.Abs(yi - line) < line * 0.03m)
            {
                yi = line * 1.05m;
            }
        }

        return Money.FromYi(yi);
    }

    public IEnumerable<ProjectFunding> Fundings(DemoZone z)
    {
        var r = For(z, 4);
        var projects = Projects(z).Where((_, j) => j % 5 == 0).ToList();
        foreach (var p in projects)
        {
            var year = Math.Max(p.Code.Year, 2012);
            var foreign = r.Next(2) == 0;

            // USD well below or well above 30 million; RMB likewise against the rate.
            var usd = r.Next(2) == 0 ? 2_000_000m + r.Next(20_000_000) : 36_000_000m + r.Next(40_000_000);
            yield return new ProjectFunding
            {
                Project = p.Code,
                Year = year,
                Origin = foreign ? FundOrigin.Foreign : FundOrigin.OutsideProvince,
                Currency = foreign ? CurrencyCode.Usd : CurrencyCode.Cny,
                Amount = foreign ? usd : Math.Round(usd * 6.2m, 2),
                InPlaceOn = new DateOnly(year, 1 + r.Next(12), 1 + r.Next(28)),
            };
        }
    }

    public IEnumerable<ProjectEmission> Emissions(DemoZone z)
    {
        var r = For(z, 5);
        foreach (var p in Projects(z).Where((_, j) => j % 4 == 0))
        {
            yield return new ProjectEmission { Project = p.Code, Pollutant = Pollutant.Cod, TonnesPerYear = Math.Round(0.5m + ((decimal)r.NextDouble() * 5m), 2) };
            yield return new ProjectEmission { Project = p.Code, Pollutant = Pollutant.SulphurDioxide, TonnesPerYear = Math.Round(0.5m + ((decimal)r.NextDouble() * 8m), 2) };
        }
    }

    public static ParcelCode ParcelCodeOf(DemoZone z, int i) =>
        ParcelCode.Of(string.Create(CultureInfo.InvariantCulture, $"{z.County.Code.Value}001{z.Sequence:000}GB{i:00000}"));

    /// <summary>Parcels on a grid inside the development area; every one started on time or less than 300 days late.</summary>
    public IEnumerable<LandParcel> Parcels(DemoZone z)
    {
        var r = For(z, 6);
        var n = volume.ParcelsPerZone;
        var columns = (int)Math.Ceiling(Math.Sqrt(n * 1.4));
        var rows = (int)Math.Ceiling(n / (double)columns) + 1;
        var cellW = DemoZone.WidthDegrees / columns;
        var cellH = DemoZone.HeightDegrees / rows;
        for (var i = 0; i < n; i++)
        {
            // Row 0 of the grid is left free for the planted parcels.
            var cx = z.West + ((i % columns) * cellW);
            var cy = z.South + (((i / columns) + 1) * cellH);
            var boundary = Rectangle(cx + (cellW * 0.05), cy + (cellH * 0.05), cellW * 0.9, cellH * 0.9);
            var area = new Area(Math.Round((decimal)(cellW * 0.9 * 91_300 * cellH * 0.9 * 111_000), 2));
            var granted = new DateOnly(2008, 1, 1).AddDays(r.Next(2900));
            var agreed = granted.AddDays(30 + r.Next(150));
            var actual = agreed.AddDays(r.Next(300));
            var industrial = r.Next(100) < 80;
            var transfer = r.Next(100) < 90;
            yield return new LandParcel
            {
                Code = ParcelCodeOf(z, i + 100),
                County = z.County.Code,
                Cluster = z.Code,
                Holder = EnterpriseCode(z, r.Next(volume.EnterprisesPerZone)),
                LandUse = LandUseClass.Of(industrial ? "0601" : transfer ? "0505" : "0809"),
                Area = area,
                GrantType = transfer ? GrantType.Transfer : GrantType.Allocation,
                Price = new Money(Math.Round(area.Mu * (150_000m + r.Next(150_000)), 2)),
                GrantedOn = granted,
                AgreedStart = agreed,
                ActualStart = actual <= AsOf ? actual : null,
                AgreedCompletion = agreed.AddYears(2),
                BuildingFootprint = new Area(Math.Round(area.SquareMetres * (0.35m + (r.Next(30) / 100m)), 2)),
                FloorArea = new Area(Math.Round(area.SquareMetres * (0.8m + (r.Next(80) / 100m)), 2)),
                FixedAssetInvestment = new Money(Math.Round(area.Mu * (2_000_000m + r.Next(2_000_000)), 2)),
                Boundary = boundary,
            };
        }
    }

    /// <summary>Basic farmland south of the control area, kept 0.005° clear of it.</summary>
    public static IEnumerable<BasicFarmland> Farmland(DemoZone z)
    {
        var boundary = Rectangle(z.West - 0.01, z.South - 0.04, DemoZone.WidthDegrees + 0.02, 0.03);
        yield return new BasicFarmland { County = z.County.Code, Name = z.Name + "南侧基本农田保护片", Area = new Area(Math.Round((decimal)((DemoZone.WidthDegrees + 0.02) * 91_300 * 0.03 * 111_000), 2)), Boundary = boundary };
    }

    /// <summary>
    /// Five years (2011–2015) of statistics that grow every year. With <paramref name="fiscalPlant"/>, the 2015
    /// provincial shares move by the fixed amounts in <see cref="DemoPlants.FiscalDeltas"/> against 2014 instead.
    /// </summary>
    public IEnumerable<ClusterStatistics> Statistics(DemoZone z, bool fiscalPlant = false)
    {
        (Money Vat, Money Business, Money Income) previous = default;
        var r = For(z, 7);
        var revenue = 30m + r.Next(250);
        var leadingShare = 0.4m + (r.Next(30) / 100m);
        var total = Area.FromHectares(1200 + r.Next(1800)).SquareMetres;
        for (var year = 2011; year <= 2015; year++)
        {
            var growth = 1m + ((8 + r.Next(17)) / 100m);
            revenue = Math.Round(revenue * (year == 2011 ? 1m : growth), 2);
            var rev = Money.FromYi(revenue);
            var vat = new Money(Math.Round(rev.Yuan * 0.03m, 2));
            var business = new Money(Math.Round(rev.Yuan * 0.004m, 2));
            var income = new Money(Math.Round(rev.Yuan * 0.012m, 2));
            var progress = (year - 2010) / 5m;
            var ready = total * (0.5m + (0.3m * progress));
            var supplied = ready * (0.7m + (0.2m * progress));
            var built = supplied * (0.75m + (0.15m * progress));
            var industrialBuilt = built * 0.65m;
            var shares = (Vat: new Money(Math.Round(vat.Yuan * 0.1m, 2)), Business: new Money(Math.Round(business.Yuan * 0.2m, 2)), Income: new Money(Math.Round(income.Yuan * 0.24m, 2)));
            if (fiscalPlant && year == 2015)
            {
                shares = (previous.Vat + DemoPlants.FiscalDeltas.Vat, previous.Business + DemoPlants.FiscalDeltas.Business, previous.Income + DemoPlants.FiscalDeltas.Income);
            }

            previous = shares;
            yield return new ClusterStatistics
            {
                Cluster = z.Code,
                Year = year,
                SubmittedOn = new DateOnly(year + 1, 2, 20),
                Revenue = rev,
                LeadingIndustryRevenue = new Money(Math.Round(rev.Yuan * leadingShare, 2)),
                IndustrialValueAdded = new Money(Math.Round(rev.Yuan * 0.27m, 2)),
                FixedAssetInvestment = new Money(Math.Round(rev.Yuan * 0.45m, 2)),
                IndustrialFixedAssets = new Money(Math.Round(rev.Yuan * 0.9m, 2)),
                EnterprisesAboveScale = 20 + r.Next(120),
                Employment = 8_000 + r.Next(60_000),
                Vat = vat,
                VatProvincialShare = shares.Vat,
                BusinessTax = business,
                BusinessTaxProvincialShare = shares.Business,
                IncomeTax = income,
                IncomeTaxProvincialShare = shares.Income,
                TotalTax = new Money(Math.Round(rev.Yuan * 0.055m, 2)),
                IndustrialTax = new Money(Math.Round(rev.Yuan * 0.04m, 2)),
                TotalLand = new Area(Math.Round(total, 2)),
                LandReadyForSupply = new Area(Math.Round(ready, 2)),
                LandSupplied = new Area(Math.Round(supplied, 2)),
                LandBuiltUp = new Area(Math.Round(built, 2)),
                IndustrialLandBuiltUp = new Area(Math.Round(industrialBuilt, 2)),
                TotalFloorArea = new Area(Math.Round(built * (0.8m + (r.Next(40) / 100m)), 2)),
                TotalBuildingFootprint = new Area(Math.Round(built * 0.38m, 2)),
                IndustrialFloorArea = new Area(Math.Round(industrialBuilt * (0.9m + (r.Next(40) / 100m)), 2)),
                IndustrialCoverage = new Area(Math.Round(industrialBuilt * (0.4m + (r.Next(20) / 100m)), 2)),
                IdleLand = new Area(Math.Round(supplied * (r.Next(4) / 100m), 2)),
                IllegalLandUse = Area.Zero,
            };
        }
    }

    public IEnumerable<Village> Villages(DemoZone z)
    {
        var r = For(z, 8);
        for (var v = 1; v <= 3; v++)
        {
            var households = 150 + r.Next(400);
            yield return new Village
            {
                Code = VillageCode.Of(string.Create(CultureInfo.InvariantCulture, $"{z.County.Code.Value}1{z.Sequence:00}{v:000}")),
                Cluster = z.Code,
                Name = Surnames[r.Next(Surnames.Length)] + Words[r.Next(Words.Length)] + "村",
                Households = households,
                Population = households * 4,
                Status = RelocationStatus.Completed,
                CompletedOn = new DateOnly(2012, 3, 1).AddDays(r.Next(400)),
                ResettlementCommunity = z.ShortName + "安置社区",
                VillagersEmployedInCluster = households,
            };
        }
    }

    public IEnumerable<ResettlementCommunity> Communities(DemoZone z)
    {
        var r = For(z, 9);
        yield return new ResettlementCommunity
        {
            Name = z.ShortName + "安置社区",
            County = z.County.Code,
            Cluster = z.Code,
            PlannedPopulation = 6_000 + r.Next(9_000),
            InsideUrbanPlanningArea = true,
            OutsideCluster = true,
            HasPublicFacilities = true,
            Location = Geometries.Factory.CreatePoint(new Coordinate(z.West - 0.015, z.South + 0.01)),
        };
    }

    public static UnifiedSocialCreditCode PlatformCode(DemoZone z) =>
        CreditCode("91", z.County.Code.Value, string.Create(CultureInfo.InvariantCulture, $"9{z.Sequence}{z.Index % 1_000_000:000000}"));

    /// <summary>The cluster of a demo platform: its registering county and the sequence in the second digit of its organisation code.</summary>
    public static string ZoneOfPlatform(UnifiedSocialCreditCode code) => code.RegistrationDivision + "0" + code.Value[9];

    public FinancingPlatform Platform(DemoZone z)
    {
        var r = For(z, 10);
        return new FinancingPlatform
        {
            CreditCode = PlatformCode(z),
            Cluster = z.Code,
            Name = z.ShortName + "投资开发有限公司",
            RegisteredCapital = Money.FromYi(1 + r.Next(10)),
            InjectedAssets = Money.FromYi(2 + r.Next(20)),
            EstablishedOn = new DateOnly(2010, 1, 1).AddDays(r.Next(700)),
        };
    }

    public IEnumerable<FinancingInstrument> Instruments(DemoZone z)
    {
        var r = For(z, 11);
        var platform = PlatformCode(z);
        yield return new FinancingInstrument
        {
            Platform = platform,
            Kind = InstrumentKind.BankConstructionLoan,
            Amount = Money.FromWan(5_000 + r.Next(50_000)),
            IssuedOn = new DateOnly(2012, 1, 1).AddDays(r.Next(1400)),
            MaturesOn = new DateOnly(2020, 12, 31),
            InterestPaid = Money.FromWan(200 + r.Next(2_000)),
            ForInfrastructure = true,
            Counterparty = "中国工商银行",
            LargeFinancialInstitution = true,
        };
        if (r.Next(3) == 0)
        {
            yield return new FinancingInstrument
            {
                Platform = platform,
                Kind = InstrumentKind.MediumTermNote,
                Amount = Money.FromYi(5 + r.Next(10)),
                IssuedOn = new DateOnly(2013, 1, 1).AddDays(r.Next(1000)),
                MaturesOn = new DateOnly(2020, 6, 30),
                IssuanceFee = Money.FromWan(100 + r.Next(300)),
                ForInfrastructure = true,
                Counterparty = "银行间市场交易商协会注册",
            };
        }
    }

    public IEnumerable<LabourDemand> LabourDemands(DemoZone z)
    {
        var r = For(z, 12);
        foreach (var (occupation, talent) in new[] { ("普工", false), ("焊工", false), ("电工", false), ("机械工程师", true) })
        {
            yield return new LabourDemand
            {
                Cluster = z.Code,
                Enterprise = EnterpriseCode(z, r.Next(volume.EnterprisesPerZone)),
                Occupation = occupation,
                Year = 2015,
                Quarter = 1 + r.Next(4),
                Headcount = talent ? 2 + r.Next(20) : 20 + r.Next(400),
                HighLevelTalent = talent,
            };
        }
    }

    public IEnumerable<TrainingBase> TrainingBases(DemoZone z)
    {
        var r = For(z, 13);
        var trainees = 300 + r.Next(3000);
        yield return new TrainingBase
        {
            Name = z.ShortName + "职业技能培训基地",
            County = z.County.Code,
            Cluster = z.Code,
            Year = 2015,
            Trainees = trainees,
            Placed = trainees * (60 + r.Next(35)) / 100,
            Demonstration = r.Next(4) == 0,
        };
    }

    /// <summary>Migrant workers who have worked either more than two years or less than six months.</summary>
    public IEnumerable<MigrantWorker> MigrantWorkers(DemoZone z)
    {
        var r = For(z, 14);
        for (var i = 0; i < 5; i++)
        {
            var longServing = r.Next(2) == 0;
            yield return new MigrantWorker
            {
                PersonRef = string.Create(CultureInfo.InvariantCulture, $"MW-{z.Code.Value}-{i:0000}"),
                Cluster = z.Code,
                WorkingSince = longServing ? new DateOnly(2011, 1, 1).AddDays(r.Next(1400)).AddDays(-400) : AsOf.AddDays(-30 - r.Next(140)),
                WantsUrbanHukou = r.Next(2) == 0,
                FamilyMembers = r.Next(4),
            };
        }
    }

    public IEnumerable<EmissionBudget> EmissionBudgets(DemoZone z)
    {
        var r = For(z, 15);
        foreach (var pollutant in Enum.GetValues<Pollutant>())
        {
            yield return new EmissionBudget { Cluster = z.Code, Pollutant = pollutant, Year = 2015, Tonnes = 200 + r.Next(1500) };
        }
    }

    public IEnumerable<EmissionLedgerEntry> EmissionLedger(DemoZone z)
    {
        var r = For(z, 16);
        foreach (var p in Projects(z).Where((_, j) => j % 4 == 0).Take(3))
        {
            yield return new EmissionLedgerEntry
            {
                Cluster = z.Code,
                Pollutant = Pollutant.Cod,
                Year = 2015,
                Movement = EmissionMovement.AllocatedToProject,
                Tonnes = 1 + r.Next(20),
                On = new DateOnly(2015, 1 + r.Next(12), 1 + r.Next(28)),
                Project = p.Code,
            };
        }
    }

    public SewagePlant SewagePlant(DemoZone z)
    {
        var r = For(z, 17);
        return new SewagePlant
        {
            Cluster = z.Code,
            Name = z.ShortName + "污水处理厂",
            CapacityTonnesPerDay = 20_000 + (r.Next(8) * 10_000),
            PipeNetworkKm = 20 + r.Next(60),
            Status = FacilityStatus.Operating,
            OperatingSince = new DateOnly(2011, 1, 1).AddDays(r.Next(1000)),
        };
    }

    /// <summary>Heat demand well away from the 130 t/h and 4000 h lines.</summary>
    public IEnumerable<HeatingProfile> Heating(DemoZone z)
    {
        var r = For(z, 18);
        var large = r.Next(2) == 0;
        yield return new HeatingProfile
        {
            Cluster = z.Code,
            Year = 2015,
            HeatLoadTonnesPerHour = large ? 160 + r.Next(200) : 30 + r.Next(80),
            AnnualHours = large ? 4_500 + r.Next(2_500) : 2_000 + r.Next(1_500),
            LoadStable = large,
            SmallCoalBoilers = r.Next(12),
            HasBackPressureChp = large && r.Next(2) == 0,
            HasCentralBoiler = !large && r.Next(2) == 0,
        };
    }

    public IEnumerable<SafetyCapacity> Safety(DemoZone z)
    {
        if (z.LeadingIndustry.Value is not ("26" or "31" or "32"))
        {
            yield break;
        }

        var r = For(z, 19);
        var capacity = 50_000 + r.Next(100_000);
        yield return new SafetyCapacity
        {
            Cluster = z.Code,
            AssessedOn = new DateOnly(2013, 6, 30),
            Measure = "危险化学品最大储存量",
            Unit = "吨",
            Capacity = capacity,
            Used = capacity * (30 + r.Next(50)) / 100,
        };
    }

    public IEnumerable<ServiceFacility> Facilities(DemoZone z)
    {
        var r = For(z, 20);
        yield return new ServiceFacility { Cluster = z.Code, Kind = FacilityKind.ServiceCentre, Name = z.ShortName + "综合服务中心", Status = FacilityStatus.Operating, CompletedOn = new DateOnly(2012, 10, 1) };
        yield return new ServiceFacility { Cluster = z.Code, Kind = FacilityKind.Substation, Name = z.ShortName + "110千伏变电站", Capacity = 50 + (r.Next(4) * 50), CapacityUnit = "兆伏安", Status = FacilityStatus.Operating };
        if (r.Next(3) == 0)
        {
            yield return new ServiceFacility { Cluster = z.Code, Kind = FacilityKind.EngineeringResearchCentre, Name = IndustryWord(z.LeadingIndustry) + "工程技术研究中心", Level = FacilityLevel.Provincial, Status = FacilityStatus.Operating };
        }

        if (r.Next(4) == 0)
        {
            yield return new ServiceFacility { Cluster = z.Code, Kind = FacilityKind.TestingCentre, Name = IndustryWord(z.LeadingIndustry) + "产品质量检验检测中心", Level = FacilityLevel.Provincial, Status = FacilityStatus.Operating };
        }
    }

    /// <summary>A balanced ledger: each batch produced once, allocated once to this cluster, partly used.</summary>
    public IEnumerable<QuotaLedgerEntry> Quotas(DemoZone z)
    {
        var r = For(z, 21);
        var kind = z.IsCountyDomain ? QuotaKind.IncreaseDecreaseLinkage : QuotaKind.OccupationCompensation;
        var batch = string.Create(CultureInfo.InvariantCulture, $"{z.Code.Value}-2014-{(kind == QuotaKind.IncreaseDecreaseLinkage ? "GG" : "ZB")}01");
        var area = Area.FromMu(100 + r.Next(400));
        yield return new QuotaLedgerEntry { Kind = kind, Batch = batch, Movement = QuotaMovement.Produced, Area = area, On = new DateOnly(2014, 3, 1), County = z.County.Code, SourceProject = z.County.Name + "土地整治项目" };
        yield return new QuotaLedgerEntry { Kind = kind, Batch = batch, Movement = QuotaMovement.Allocated, Area = area, On = new DateOnly(2014, 6, 1), County = z.County.Code, TargetCluster = z.Code };
        yield return new QuotaLedgerEntry { Kind = kind, Batch = batch, Movement = QuotaMovement.Used, Area = new Area(Math.Round(area.SquareMetres / 2, 2)), On = new DateOnly(2015, 5, 1), County = z.County.Code, TargetCluster = z.Code };
    }

    public IEnumerable<LandConsolidationProject> Consolidation(DemoZone z)
    {
        var r = For(z, 22);
        yield return new LandConsolidationProject
        {
            Name = z.County.Name + "土地整治项目",
            Library = r.Next(2) == 0 ? LibraryLevel.Province : LibraryLevel.City,
            County = z.County.Code,
            Cluster = r.Next(2) == 0 ? z.Code : null,
            ListedOn = new DateOnly(2012, 1, 1).AddDays(r.Next(700)),
            FundingRequested = Money.FromWan(500 + r.Next(3_000)),
            FundingGranted = Money.FromWan(300 + r.Next(500)),
        };
    }

    public static IEnumerable<FeeWaiver> FeeWaivers() =>
    [
        new FeeWaiver { Code = "YS-2012-001", Name = "城市基础设施配套费（安置社区）", Authority = "住房城乡建设部门", Kind = WaiverKind.Full, Basis = "豫政〔2012〕演示 第二十四条", ValidFrom = new DateOnly(2012, 3, 8) },
        new FeeWaiver { Code = "YS-2012-002", Name = "电力入网费（安置社区）", Authority = "电力部门", Kind = WaiverKind.Partial, Basis = "豫政〔2012〕演示 第二十四条", ValidFrom = new DateOnly(2012, 3, 8) },
        new FeeWaiver { Code = "YS-2012-003", Name = "市政公用事业增容费（安置社区）", Authority = "住房城乡建设部门", Kind = WaiverKind.Partial, Basis = "豫政〔2012〕演示 第二十四条", ValidFrom = new DateOnly(2012, 3, 8) },
        new FeeWaiver { Code = "YS-2012-004", Name = "产业集聚区行政事业性收费（能免即免）", Authority = "财政部门", Kind = WaiverKind.Full, Basis = "豫政〔2012〕演示 第二十六条", ValidFrom = new DateOnly(2013, 1, 1), ValidTo = new DateOnly(2015, 12, 31) },
    ];

    /// <summary>USD rates for the demo, one a year, marked as demo values (annual averages of the PBoC central parity, rounded).</summary>
    public static IEnumerable<ExchangeRate> ExchangeRates() =>
    [
        new ExchangeRate { Currency = CurrencyCode.Usd, EffectiveOn = new DateOnly(2011, 1, 1), YuanPerUnit = 6.4588m, Source = "演示数据：2011年人民币对美元中间价年均值（近似）" },
        new ExchangeRate { Currency = CurrencyCode.Usd, EffectiveOn = new DateOnly(2012, 1, 1), YuanPerUnit = 6.3125m, Source = "演示数据：2012年人民币对美元中间价年均值（近似）" },
        new ExchangeRate { Currency = CurrencyCode.Usd, EffectiveOn = new DateOnly(2013, 1, 1), YuanPerUnit = 6.1932m, Source = "演示数据：2013年人民币对美元中间价年均值（近似）" },
        new ExchangeRate { Currency = CurrencyCode.Usd, EffectiveOn = new DateOnly(2014, 1, 1), YuanPerUnit = 6.1428m, Source = "演示数据：2014年人民币对美元中间价年均值（近似）" },
        new ExchangeRate { Currency = CurrencyCode.Usd, EffectiveOn = new DateOnly(2015, 1, 1), YuanPerUnit = 6.2284m, Source = "演示数据：2015年人民币对美元中间价年均值（近似）" },
    ];

    /// <summary>
    /// Demo chains for the demo's leading industries (GB/T 4754-2017 divisions): raw materials upstream, the leading
    /// industry's products, downstream extension where there is one, and supporting suppliers. Demo values, for the
    /// chain-gap rule (arts. 4–5) and the assessment's chain completeness; a province sets its own.
    /// </summary>
    public static IEnumerable<IndustrialChainLink> ChainLinks()
    {
        var chains = new (string Leading, string[] Up, string[] Down, string[] Support)[]
        {
            ("13", ["01"], ["14"], ["22"]), ("14", ["13"], [], ["22", "29"]), ("17", ["26"], ["18"], ["35"]), ("18", ["17"], [], ["35"]),
            ("21", ["20"], [], ["29"]), ("22", ["20"], ["23"], ["26"]), ("26", ["25"], ["27", "29"], ["35"]), ("27", ["26"], [], ["35"]),
            ("29", ["26"], ["36", "38"], ["35"]), ("30", ["10"], [], ["35"]), ("31", ["08"], ["33", "34"], ["35"]), ("32", ["09"], ["38", "39"], ["35"]),
            ("34", ["31", "32"], ["36"], ["35"]), ("35", ["31", "34"], [], ["38"]), ("36", ["31", "29"], [], ["38", "39"]), ("38", ["32"], ["39"], ["34"]),
            ("39", ["32", "38"], [], ["29"]),
        };
        foreach (var (leading, up, down, support) in chains)
        {
            var segments = new (string Name, ChainPosition Position, string[] Industries)[]
            {
                ("原材料", ChainPosition.Upstream, up), ("主导产品制造", ChainPosition.Midstream, [leading]), ("下游延伸", ChainPosition.Downstream, down), ("配套协作", ChainPosition.Supporting, support),
            };
            var order = 0;
            foreach (var (name, position, industries) in segments.Where(x => x.Industries.Length > 0))
            {
                order++;
                foreach (var industry in industries)
                {
                    yield return new IndustrialChainLink { LeadingIndustry = IndustryCode.Of(leading), SegmentOrder = order, SegmentName = name, Position = position, Industry = IndustryCode.Of(industry) };
                }
            }
        }
    }

    public static Polygon Rectangle(double west, double south, double width, double height) =>
        Geometries.Factory.CreatePolygon(
        [
            new Coordinate(west, south), new Coordinate(west + width, south), new Coordinate(west + width, south + height),
            new Coordinate(west, south + height), new Coordinate(west, south),
        ]);

    private static string CompanyName(Random r, DemoZone z) =>
        DemoZones.ShortName(z.County.Name).TrimEnd('市', '区') + Surnames[r.Next(Surnames.Length)] + Words[r.Next(Words.Length)] + "实业有限公司";

    private static string IndustryWord(IndustryCode industry)
    {
        var name = industry.DivisionName;
        return name.EndsWith('业') ? name[..^1] : name;
    }
}
