using System.Globalization;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Environmental;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;
using Jiju.Domain.Relocation;
using Jiju.Domain.Workforce;

namespace Jiju.Data.Demo;

/// <summary>
/// The boundary situations the policy cares about, planted in one cluster (荥阳市产业集聚区, a
/// county-level city, so the county-only rules apply too) and described in the demo_plants table
/// with the outcome the rules must reach as of <see cref="DemoGenerator.AsOf"/> (2015-12-31).
/// Civil Code arts. 201–202: a year counted from an agreed start of 2014-12-30 is full on 2015-12-31.
/// </summary>
internal sealed class DemoPlants
{
    public const string PlantCounty = "410182";

    /// <summary>How 荥阳's 2015 provincial tax shares move against 2014: VAT down, business tax up, income tax down.</summary>
    public static readonly (Money Vat, Money Business, Money Income) FiscalDeltas = (new Money(-1_000_000.00m), new Money(200_000.00m), new Money(-100_000.00m));

    private readonly DemoZone _z;
    private readonly List<DemoPlant> _manifest = [];
    private readonly List<Enterprise> _enterprises = [];
    private readonly List<InvestmentProject> _projects = [];
    private readonly List<ProjectFunding> _fundings = [];
    private readonly List<LandParcel> _parcels = [];
    private readonly List<ParcelExtension> _extensions = [];
    private readonly List<LandUseChangeRequest> _useChanges = [];
    private readonly List<BasicFarmland> _farmland = [];
    private readonly List<Village> _villages = [];
    private readonly List<ResettlementCommunity> _communities = [];
    private readonly List<MigrantWorker> _workers = [];
    private readonly List<HeatingProfile> _heating = [];
    private int _nextParcel;
    private int _nextProject = 90_000;

    public DemoPlants(DemoZone zone)
    {
        _z = zone;
        PlantEnterprises();
        PlantIdleLand();
        PlantProjects();
        PlantInvestmentAttraction();
        PlantEnvironmentAndPeople();
    }

    public IEnumerable<Enterprise> Enterprises() => _enterprises;

    public IEnumerable<InvestmentProject> Projects() => _projects;

    public IEnumerable<ProjectFunding> Fundings() => _fundings;

    public IEnumerable<LandParcel> Parcels() => _parcels;

    public IEnumerable<ParcelExtension> Extensions() => _extensions;

    public IEnumerable<LandUseChangeRequest> UseChanges() => _useChanges;

    public IEnumerable<BasicFarmland> Farmland() => _farmland;

    public IEnumerable<Village> Villages() => _villages;

    public IEnumerable<ResettlementCommunity> Communities() => _communities;

    public IEnumerable<MigrantWorker> MigrantWorkers() => _workers;

    public IEnumerable<HeatingProfile> Heating() => _heating;

    public IEnumerable<DemoPlant> Manifest() => _manifest;

    private UnifiedSocialCreditCode Introducer => DemoRows.EnterpriseCode(_z, 9001);

    private UnifiedSocialCreditCode Newcomer => DemoRows.EnterpriseCode(_z, 9002);

    private UnifiedSocialCreditCode Leader => DemoRows.EnterpriseCode(_z, 9003);

    private void Plant(string kind, string subject, string description) =>
        _manifest.Add(new DemoPlant { Kind = kind, Subject = subject, Description = description });

    private void PlantEnterprises()
    {
        foreach (var (code, name, leader) in new[] { (Introducer, "荥阳豫商引资实业有限公司", false), (Newcomer, "荥阳境外入驻实业有限公司", false), (Leader, "荥阳行业龙头集团有限公司", true) })
        {
            _enterprises.Add(new Enterprise
            {
                CreditCode = code,
                Name = name,
                Industry = _z.LeadingIndustry,
                County = _z.County.Code,
                Cluster = _z.Code,
                InLeadingIndustry = true,
                IndustryLeader = leader,
                RegisteredOn = new DateOnly(2005, 5, 5),
                Employees = 800,
            });
        }
    }

    private LandParcel Parcel(DateOnly agreedStart, DateOnly? actualStart, GrantType grant, Money price, string landUse = "0601")
    {
        var columns = 40;
        var i = _nextParcel++;
        var cellW = DemoZone.WidthDegrees / columns;
        var boundary = DemoRows.Rectangle(_z.West + (i * cellW) + (cellW * 0.05), _z.South + 0.0002, cellW * 0.9, 0.0006);
        var area = new Area(Math.Round((decimal)(cellW * 0.9 * 91_300 * 0.0006 * 111_000), 2));
        var parcel = new LandParcel
        {
            Code = DemoRows.ParcelCodeOf(_z, i + 1),
            County = _z.County.Code,
            Cluster = _z.Code,
            Holder = Introducer,
            LandUse = LandUseClass.Of(landUse),
            Area = area,
            GrantType = grant,
            Price = price,
            GrantedOn = agreedStart.AddMonths(-3),
            AgreedStart = agreedStart,
            ActualStart = actualStart,
            AgreedCompletion = agreedStart.AddYears(2),
            Boundary = boundary,
        };
        _parcels.Add(parcel);
        return parcel;
    }

    private void PlantIdleLand()
    {
        var price = new Money(12_345_678.90m);
        var p = Parcel(new DateOnly(2014, 12, 30), null, GrantType.Transfer, price);
        Plant("idle-land.fee", p.Code.Value, "约定动工日期2014-12-30、未动工：至2015-12-31恰满1年，应按出让价款12,345,678.90元的20%征收土地闲置费2,469,135.78元（第七条）");
        p = Parcel(new DateOnly(2014, 12, 31), null, GrantType.Transfer, price);
        Plant("idle-land.none", p.Code.Value, "约定动工日期2014-12-31、未动工：至2015-12-31差1天满1年，不构成闲置（第七条）");
        p = Parcel(new DateOnly(2013, 12, 30), null, GrantType.Transfer, price);
        Plant("idle-land.recover", p.Code.Value, "约定动工日期2013-12-30、未动工：至2015-12-31恰满2年，应依法收回土地使用权（第七条）");
        p = Parcel(new DateOnly(2013, 12, 31), null, GrantType.Transfer, price);
        Plant("idle-land.fee", p.Code.Value, "约定动工日期2013-12-31、未动工：至2015-12-31差1天满2年，征收闲置费2,469,135.78元而不收回（第七条）");
        p = Parcel(new DateOnly(2014, 12, 30), null, GrantType.Allocation, new Money(8_000_000.05m));
        Plant("idle-land.fee", p.Code.Value, "划拨土地，约定动工日期2014-12-30、未动工：按划拨价款8,000,000.05元的20%征收1,600,000.01元（第七条）");
        p = Parcel(new DateOnly(2013, 6, 1), null, GrantType.Transfer, price);
        _extensions.Add(new ParcelExtension { Parcel = p.Code, ApprovedOn = new DateOnly(2013, 5, 20), ApprovedBy = "荥阳市国土资源局", NewAgreedStart = new DateOnly(2015, 6, 1), Reason = DelayReason.OtherApproved });
        Plant("idle-land.none", p.Code.Value, "原约定2013-06-01，经原批准用地机关同意延期至2015-06-01：至2015-12-31迟延不足1年，不构成闲置（第七条“未经原批准用地机关同意”）");
        p = Parcel(new DateOnly(2013, 6, 1), null, GrantType.Transfer, price);
        _extensions.Add(new ParcelExtension { Parcel = p.Code, ApprovedOn = new DateOnly(2013, 7, 1), ApprovedBy = "荥阳市人民政府", NewAgreedStart = new DateOnly(2016, 6, 1), Reason = DelayReason.Government, Note = "规划调整导致延迟" });
        Plant("idle-land.none", p.Code.Value, "因政府原因延期至2016-06-01：不构成闲置（第七条）");
        p = Parcel(new DateOnly(2013, 1, 1), new DateOnly(2014, 6, 1), GrantType.Transfer, price);
        Plant("idle-land.fee", p.Code.Value, "约定2013-01-01，2014-06-01才动工：动工前已迟延满1年，仍应按出让价款的20%征收闲置期的土地闲置费2,469,135.78元（第七条）");
        p = Parcel(new DateOnly(2012, 3, 1), new DateOnly(2012, 3, 1), GrantType.Transfer, price);
        _useChanges.Add(new LandUseChangeRequest { Parcel = p.Code, RequestedOn = new DateOnly(2015, 9, 1), From = LandUseClass.Of("0601"), To = LandUseClass.Of("0505"), Status = RequestStatus.Pending });
        Plant("use-change.refused", p.Code.Value, "工业用地申请变更为商服用地（0601→0505）：应严格限制，不予变更（第八条）");
    }

    private InvestmentProject Project(string name, Money investment, Action<ProjectBuilder>? change = null)
    {
        var b = new ProjectBuilder
        {
            Name = name,
            Investment = investment,
            Industry = _z.LeadingIndustry,
            Investor = Introducer,
            Cluster = _z.Code,
            Purpose = ProjectPurpose.Production,
            LandUse = LandUseClass.Of("0601"),
            Storeys = 3,
            ResponsibleUnit = "荥阳市产业集聚区管委会",
            ResponsiblePerson = "王主任",
            LandPreReviewed = true,
            SuitsStandardPlant = false,
            SpecialIndustryRequirement = false,
        };
        change?.Invoke(b);
        var project = new InvestmentProject
        {
            Code = DemoRows.ProjectCodeOf(_z, 2015, b.Industry, _nextProject++),
            Name = b.Name,
            Investor = b.Investor,
            Investment = b.Investment,
            Industry = b.Industry,
            County = _z.County.Code,
            Cluster = b.Cluster,
            Purpose = b.Purpose,
            LandUse = b.LandUse,
            SiteArea = Area.FromMu(50),
            BuildingFootprint = Area.FromMu(25),
            FloorArea = Area.FromMu(b.Storeys * 25),
            Storeys = b.Storeys,
            SpecialIndustryRequirement = b.SpecialIndustryRequirement,
            SuitsStandardPlant = b.SuitsStandardPlant,
            Stage = ProjectStage.Approved,
            ResponsibleUnit = b.ResponsibleUnit,
            ResponsiblePerson = b.ResponsiblePerson,
            LandPreReviewed = b.LandPreReviewed,
            LandEvaluated = b.LandPreReviewed,
            ConformsToPlanEia = true,
            IntroducedBy = b.IntroducedBy,
            SignedOn = new DateOnly(2015, 3, 1),
        };
        _projects.Add(project);
        return project;
    }

    private void PlantProjects()
    {
        var p = Project("主导产业5亿元整项目", new Money(500_000_000.00m));
        Plant("key-project.yes", p.Code.Value, "主导产业项目投资恰为5亿元：“5亿元以上”含本数，纳入省重点项目（第三条）");
        p = Project("主导产业差1分5亿元项目", new Money(499_999_999.99m));
        Plant("key-project.no", p.Code.Value, "主导产业项目投资499,999,999.99元：不足5亿元，不纳入省重点项目（第三条）");
        var other = DemoZones.LeadingIndustries.First(c => c != _z.LeadingIndustry.Value);
        p = Project("非主导产业8亿元项目", new Money(800_000_000m), b => b.Industry = Domain.Industries.IndustryCode.Of(other));
        Plant("key-project.no", p.Code.Value, "非主导产业项目投资8亿元：不属主导产业项目，不纳入省重点项目（第三条）");
        p = Project("10亿元整招商项目", new Money(1_000_000_000.00m));
        Plant("major-attraction.yes", p.Code.Value, "投资恰为10亿元：“10亿元以上”含本数，纳入省重大招商项目，已明确责任单位和责任人（第五条）");
        p = Project("行业龙头企业招商项目", new Money(200_000_000m), b =>
        {
            b.Investor = Leader;
            b.ResponsiblePerson = null;
        });
        Plant("major-attraction.missing-responsible", p.Code.Value, "行业龙头企业招商项目（2亿元）：纳入省重大招商项目，但未明确责任人（第五条）");
        p = Project("集聚区内房地产开发项目", new Money(300_000_000m), b =>
        {
            b.Purpose = ProjectPurpose.RealEstate;
            b.LandUse = LandUseClass.Of("0701");
            b.Industry = Domain.Industries.IndustryCode.Of("70");
        });
        Plant("plan.prohibited", p.Code.Value, "集聚区内房地产开发：严禁（第一条）");
        p = Project("集聚区内大广场项目", new Money(50_000_000m), b =>
        {
            b.Purpose = ProjectPurpose.LargePlaza;
            b.LandUse = LandUseClass.Of("0810A");
            b.Industry = Domain.Industries.IndustryCode.Of("78");
        });
        Plant("plan.prohibited", p.Code.Value, "集聚区内新建大广场：严禁（第一条）");
        p = Project("职工公寓项目", new Money(60_000_000m), b =>
        {
            b.Purpose = ProjectPurpose.StaffApartment;
            b.LandUse = LandUseClass.Of("0701");
            b.Industry = Domain.Industries.IndustryCode.Of("70");
        });
        Plant("plan.allowed", p.Code.Value, "合理配套的职工公寓：允许（第一条）");
        p = Project("单层厂房项目", new Money(120_000_000m), b => b.Storeys = 1);
        Plant("single-storey.refused", p.Code.Value, "行业无特殊要求的新建工业项目建造单层厂房：不得（第七条）");
        p = Project("特殊工艺单层厂房项目", new Money(120_000_000m), b =>
        {
            b.Storeys = 1;
            b.SpecialIndustryRequirement = true;
        });
        Plant("single-storey.allowed", p.Code.Value, "行业有特殊要求的单层厂房：允许（第七条）");
        p = Project("适合标准厂房项目", new Money(30_000_000m), b => b.SuitsStandardPlant = true);
        Plant("standard-plant.no-separate-land", p.Code.Value, "适合入驻多层标准厂房的项目：不得单独供地（第七条）");
        p = Project("未经用地预审项目", new Money(150_000_000m), b => b.LandPreReviewed = false);
        Plant("pre-review.refused", p.Code.Value, "未经土地预审和评估的项目：不得报批用地（第八条）");
        p = Project("集聚区外分散布局工业项目", new Money(600_000_000m), b => b.Cluster = null);
        Plant("outside-cluster.no-quota", p.Code.Value, "应进未进产业集聚区的工业项目（6亿元）：原则上不予配备土地计划指标（第三条）");
    }

    private void PlantInvestmentAttraction()
    {
        void Funding(InvestmentProject p, int year, FundOrigin origin, Domain.Common.CurrencyCode currency, decimal amount, DateOnly on) =>
            _fundings.Add(new ProjectFunding { Project = p.Code, Year = year, Origin = origin, Currency = currency, Amount = amount, InPlaceOn = on });

        var p = Project("以商招商境外3000万美元整项目", Money.FromYi(3), b => b.IntroducedBy = Introducer);
        Funding(p, 2015, FundOrigin.Foreign, CurrencyCode.Usd, 30_000_000.00m, new DateOnly(2015, 8, 1));
        Plant("yishang.eligible", p.Code.Value + "/2015", "当年境外资金实际到位恰为3000万美元（含3000万美元）：入驻企业和引资企业均可获奖励（第五条）");
        p = Project("以商招商差1美分项目", Money.FromYi(3), b => b.IntroducedBy = Introducer);
        Funding(p, 2015, FundOrigin.Foreign, CurrencyCode.Usd, 29_999_999.99m, new DateOnly(2015, 8, 1));
        Plant("yishang.not-eligible", p.Code.Value + "/2015", "当年境外资金实际到位29,999,999.99美元：不足3000万美元，不予奖励（第五条）");
        p = Project("以商招商省外等值人民币项目", Money.FromYi(3), b => b.IntroducedBy = Introducer);
        Funding(p, 2015, FundOrigin.OutsideProvince, CurrencyCode.Cny, 186_852_000.00m, new DateOnly(2015, 9, 1));
        Plant("yishang.eligible", p.Code.Value + "/2015", "当年省外资金到位186,852,000.00元，按2015年汇率6.2284恰等值3000万美元：可获奖励（第五条）");
        p = Project("以商招商跨年到位项目", Money.FromYi(3), b => b.IntroducedBy = Introducer);
        Funding(p, 2014, FundOrigin.Foreign, CurrencyCode.Usd, 20_000_000m, new DateOnly(2014, 10, 1));
        Funding(p, 2015, FundOrigin.Foreign, CurrencyCode.Usd, 15_000_000m, new DateOnly(2015, 3, 1));
        Plant("yishang.not-eligible", p.Code.Value + "/2015", "2014年到位2000万美元、2015年到位1500万美元：任一年度均不足3000万美元（“当年”），不予奖励（第五条）");
    }

    private void PlantEnvironmentAndPeople()
    {
        foreach (var (load, hours, kind, text) in new[]
        {
            (130m, 4000m, "heating.central-boiler", "热负荷恰为130吨/小时、年利用恰为4000小时：“超过4000小时”不含本数，不满足背压机组条件，宜先建大型集中供热锅炉（第十七条）"),
        })
        {
            _heating.Add(new HeatingProfile { Cluster = _z.Code, Year = 2014, HeatLoadTonnesPerHour = load, AnnualHours = hours, LoadStable = true, SmallCoalBoilers = 6 });
            Plant(kind, _z.Code.Value + "/2014", text);
        }

        _heating.Add(new HeatingProfile { Cluster = _z.Code, Year = 2013, HeatLoadTonnesPerHour = 130m, AnnualHours = 4001m, LoadStable = true, SmallCoalBoilers = 8 });
        Plant("heating.back-pressure-chp", _z.Code.Value + "/2013", "热负荷恰为130吨/小时（达到）、年利用4001小时（超过4000）：淘汰燃煤小锅炉、新建背压式供热机组（第十七条）");
        _heating.Add(new HeatingProfile { Cluster = _z.Code, Year = 2012, HeatLoadTonnesPerHour = 129.99m, AnnualHours = 5000m, LoadStable = true, SmallCoalBoilers = 8 });
        Plant("heating.central-boiler", _z.Code.Value + "/2012", "热负荷129.99吨/小时：未达到130吨/小时，宜先建大型集中供热锅炉（第十七条）");

        Village(1, "按期村", new DateOnly(2013, 12, 31), "relocation.on-time", "2013-12-31完成迁并：在“2013年年底前”期限内（第二十四条）");
        Village(2, "逾期村", new DateOnly(2014, 1, 1), "relocation.late", "2014-01-01完成迁并：晚于2013年年底的期限（第二十四条）");
        Village(3, "未迁村", null, "relocation.late", "至2015-12-31仍未完成迁并：逾期（第二十四条）");

        foreach (var (name, population, kind, text) in new[]
        {
            ("荥阳五千人安置社区", 5000, "community.meets", "安置社区规划人口恰为5000人：“5000人以上”含本数，符合规模要求（第二十四条）"),
            ("荥阳四九九九人安置社区", 4999, "community.too-small", "安置社区规划人口4999人：不足5000人（第二十四条）"),
        })
        {
            _communities.Add(new ResettlementCommunity
            {
                Name = name,
                County = _z.County.Code,
                Cluster = _z.Code,
                PlannedPopulation = population,
                InsideUrbanPlanningArea = true,
                OutsideCluster = true,
                HasPublicFacilities = true,
            });
            Plant(kind, name, text);
        }

        foreach (var (since, kind, text) in new[]
        {
            (new DateOnly(2014, 12, 30), "hukou.priority", "在县域产业集聚区工作自2014-12-30起：至2015-12-31恰满1年，愿意转户的优先办理（第十三条）"),
            (new DateOnly(2014, 12, 31), "hukou.not-yet", "在县域产业集聚区工作自2014-12-31起：至2015-12-31差1天满1年（第十三条）"),
        })
        {
            var person = string.Create(CultureInfo.InvariantCulture, $"MW-{_z.Code.Value}-PLANT-{since:yyyyMMdd}");
            _workers.Add(new MigrantWorker { PersonRef = person, Cluster = _z.Code, WorkingSince = since, WantsUrbanHukou = true, FamilyMembers = 2 });
            Plant(kind, person, text);
        }

        // Basic farmland that reaches into the control area (which extends 0.01° west of the development area).
        var farmland = DemoRows.Rectangle(_z.West - 0.02, _z.South + 0.01, 0.015, 0.01);
        _farmland.Add(new BasicFarmland { County = _z.County.Code, Name = "荥阳市西侧基本农田保护片（与控制区相交）", Area = new Area(Math.Round((decimal)(0.015 * 91_300 * 0.01 * 111_000), 2)), Boundary = farmland });
        Plant("farmland.overlaps-control-area", _z.Code.Value, "基本农田保护片与集聚区控制区相交：扩区或调整须避开基本农田（第二条）");

        Plant("fiscal.per-tax-or-sum", _z.Code.Value + "/2015", "2015年省级分成比上年：增值税减少1,000,000.00元、营业税增加200,000.00元、企业所得税减少100,000.00元。按税种分别计算，奖励营业税增加部分200,000.00元；按三税合计计算，合计减少900,000.00元，奖励0（第二十六条，计算口径为参数）");
    }

    private void Village(int n, string name, DateOnly? completed, string kind, string text)
    {
        var code = VillageCode.Of(string.Create(CultureInfo.InvariantCulture, $"{_z.County.Code.Value}19{_z.Sequence}{n:000}"));
        _villages.Add(new Village
        {
            Code = code,
            Cluster = _z.Code,
            Name = "荥阳" + name,
            Households = 200,
            Population = 800,
            Status = completed is null ? RelocationStatus.InProgress : RelocationStatus.Completed,
            CompletedOn = completed,
            ResettlementCommunity = "荥阳五千人安置社区",
        });
        Plant(kind, code.Value, text);
    }

    private sealed class ProjectBuilder
    {
        public required string Name { get; set; }

        public required Money Investment { get; set; }

        public required Domain.Industries.IndustryCode Industry { get; set; }

        public required UnifiedSocialCreditCode Investor { get; set; }

        public ClusterCode? Cluster { get; set; }

        public required ProjectPurpose Purpose { get; set; }

        public LandUseClass? LandUse { get; set; }

        public int Storeys { get; set; }

        public string? ResponsibleUnit { get; set; }

        public string? ResponsiblePerson { get; set; }

        public bool LandPreReviewed { get; set; }

        public bool SuitsStandardPlant { get; set; }

        public bool SpecialIndustryRequirement { get; set; }

        public UnifiedSocialCreditCode? IntroducedBy { get; set; }
    }
}
