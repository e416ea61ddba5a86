using System.Globalization;
using System.Text;
using Jiju.Data.Import;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Enterprises;
using MiniExcelLibs;

namespace Jiju.Data.Tests;

/// <summary>A row of an import file: cells by column key ("code", "county" …), written under the Chinese headers.</summary>
internal sealed class TestRow : Dictionary<string, string?>
{
    public TestRow()
        : base(StringComparer.Ordinal)
    {
    }

    public TestRow With(string key, string? value)
    {
        var copy = new TestRow();
        foreach (var (k, v) in this)
        {
            copy[k] = v;
        }

        copy[key] = value;
        return copy;
    }

    public TestRow Without(string key)
    {
        var copy = With(key, null);
        copy.Remove(key);
        return copy;
    }
}

/// <summary>A folder for one test's files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jiju-import-{Guid.NewGuid():N}");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

internal static class ImportTestData
{
    public static readonly JurisdictionScope Province = JurisdictionScope.Province("省级测试用户");
    public static readonly JurisdictionScope Zhengzhou = new("郑州市测试用户", "410000/410100/");
    public static readonly JurisdictionScope Xingyang = new("荥阳市测试用户", "410000/410100/410182/");
    public static readonly JurisdictionScope Zhongyuan = new("中原区测试用户", "410000/410100/410102/");

    public static readonly string E1 = CreditCode(1, "410182");
    public static readonly string E2 = CreditCode(2, "410182");
    public static readonly string E3 = CreditCode(3, "410102");
    public static readonly string Platform = CreditCode(9, "410182");

    public const string Project = "2013-410182-34-03-000123";
    public const string Parcel = "410182001002GB00017";
    public const string Square = "POLYGON ((113.3 34.75, 113.42 34.75, 113.42 34.83, 113.3 34.83, 113.3 34.75))";

    /// <summary>A valid unified social credit code: 91 (company), the division, an organisation code with its check, and the check character.</summary>
    public static string CreditCode(int n, string division)
    {
        var body = n.ToString("D8", CultureInfo.InvariantCulture);
        var first17 = "91" + division + body + OrganizationCode.CheckCharacter(body);
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    /// <summary>The same code with a wrong check character.</summary>
    public static string WithWrongCheck(string code)
    {
        var wrong = UnifiedSocialCreditCode.Alphabet.First(c => c != code[^1]);
        return code[..^1] + wrong;
    }

    public static TestRow Row(params (string Key, string? Value)[] cells)
    {
        var row = new TestRow();
        foreach (var (key, value) in cells)
        {
            row[key] = value;
        }

        return row;
    }

    public static TestRow Cluster(string code = "41018201", string county = "410182") => Row(
        ("code", code), ("name", "荥阳市产业集聚区"), ("county", county), ("status", "产业集聚区"), ("established_on", "2009-06-01"),
        ("committee_name", "荥阳市产业集聚区管理委员会"), ("committee_level", "正处级"), ("committee_dispatched_by", "县（市、区）政府"),
        ("committee_staff_quota", "45"), ("leading_industry", "C34"), ("leading_industry_name", "装备制造"),
        ("development_plan_approved_on", "2010-03-15"), ("regulatory_plan_approved_on", "2010/8/20"), ("plan_eia_approved_on", "2010年11月2日"),
        ("plan_eia_well_executed", "是"), ("high_risk_industry", "否"), ("planned_area", "21,000,000"),
        ("development_area", Square), ("control_area", null));

    public static TestRow Enterprise(string creditCode, string county = "410182", string? cluster = "41018201") => Row(
        ("credit_code", creditCode), ("name", $"测试企业{creditCode[^6..]}有限公司"), ("industry", "C3412"), ("county", county),
        ("cluster", cluster), ("in_leading_industry", "是"), ("industry_leader", "否"), ("registered_on", "2011-05-20"), ("employees", "120"));

    public static TestRow LandParcel(string code = Parcel, string county = "410182", string? cluster = "41018201") => Row(
        ("code", code), ("county", county), ("cluster", cluster), ("holder", null), ("project", null), ("land_use", "0601"),
        ("area", "66666.67"), ("grant_type", "出让"), ("price", "12,000,000.00"), ("granted_on", "2013-02-01"), ("agreed_start", "2013-08-01"),
        ("actual_start", "2013-09-15"), ("agreed_completion", "2015-08-01"), ("building_footprint", "30000"), ("floor_area", "45000.5"),
        ("fixed_asset_investment", "350000000"), ("boundary", "POLYGON((113.35 34.77, 113.36 34.77, 113.36 34.78, 113.35 34.77))"));

    public static TestRow Extension(string parcel = Parcel) => Row(
        ("parcel", parcel), ("approved_on", "2014-07-01"), ("approved_by", "荥阳市国土资源局"), ("new_agreed_start", "2014-12-01"),
        ("reason", "政府或政府有关部门原因"), ("note", "因规划调整延期"));

    public static TestRow Statistics(string cluster = "41018201", int year = 2013) => Row(
        ("cluster", cluster), ("year", year.ToString(CultureInfo.InvariantCulture)), ("submitted_on", $"{year + 1}-02-20"), ("revenue", "52000000000"),
        ("leading_industry_revenue", "31000000000.5"), ("industrial_value_added", "9800000000"), ("fixed_asset_investment", "12000000000"),
        ("industrial_fixed_assets", "45000000000"), ("enterprises_above_scale", "86"), ("employment", "61000"),
        ("vat", "1200000000"), ("vat_provincial_share", "180000000"), ("business_tax", "300000000"), ("business_tax_provincial_share", "30000000"),
        ("income_tax", "500000000"), ("income_tax_provincial_share", "75000000"), ("total_tax", "2100000000"), ("industrial_tax", "1500000000"),
        ("total_land", "21000000"), ("land_ready_for_supply", "15000000"), ("land_supplied", "12000000"), ("land_built_up", "10000000"),
        ("industrial_land_built_up", "7000000"), ("total_floor_area", "9000000"), ("total_building_footprint", "4000000"),
        ("industrial_floor_area", "6000000"), ("industrial_coverage", "3500000"), ("idle_land", "120000"), ("illegal_land_use", "0"));

    /// <summary>One or two valid rows for every record type, by key, in dependency order.</summary>
    public static Dictionary<string, List<TestRow>> EveryRecordType() => new(StringComparer.Ordinal)
    {
        ["clusters"] =
        [
            Cluster(),
            Cluster("41010201", "410102").With("name", "郑州市中原区产业集聚区").With("status", "专业园区").With("planned_area", "1500亩")
                .With("committee_level", null).With("committee_dispatched_by", null).With("development_area", null).With("established_on", null),
        ],
        ["functional_zones"] = [Row(("cluster", "41018201"), ("name", "装备制造区"), ("kind", "工业区"), ("permitted_uses", "0601、0604"), ("boundary", Square))],
        ["enterprises"] = [Enterprise(E1), Enterprise(E2, cluster: null), Enterprise(E3, "410102", "41010201").With("employees", null)],
        ["projects"] =
        [
            Row(("code", Project), ("name", "年产5000台数控机床项目"), ("investor", E1), ("investment", "350000000.00"), ("industry", "C34"),
                ("county", "410182"), ("cluster", "41018201"), ("purpose", "生产经营"), ("land_use", "0601"), ("site_area", "66666.67"),
                ("building_footprint", "30000"), ("floor_area", "45000"), ("storeys", "1"), ("special_industry_requirement", "是"),
                ("suits_standard_plant", "否"), ("stage", "在建"), ("responsible_unit", "荥阳市发展和改革委员会"), ("responsible_person", "张三"),
                ("land_pre_reviewed", "是"), ("land_evaluated", "是"), ("conforms_to_plan_eia", "是"), ("introduced_by", E2),
                ("signed_on", "2013-01-10"), ("started_on", "2013-04-01"), ("location", "POINT (113.35 34.78)")),
        ],
        ["project_fundings"] = [Row(("project", Project), ("year", "2013"), ("origin", "境外"), ("currency", "USD"), ("amount", "5000000.25"), ("in_place_on", "2013-06-30"))],
        ["project_emissions"] = [Row(("project", Project), ("pollutant", "化学需氧量"), ("tonnes_per_year", "12.5"))],
        ["parcels"] =
        [
            LandParcel().With("holder", E1).With("project", Project),
            Row(("code", "410102001001GB00001"), ("county", "410102"), ("cluster", "41010201"), ("land_use", "0604"), ("area", "10亩"),
                ("grant_type", "划拨"), ("price", "0"), ("granted_on", "2014-01-01"), ("agreed_start", "2014-06-01")),
        ],
        ["parcel_extensions"] = [Extension()],
        ["land_use_change_requests"] = [Row(("parcel", Parcel), ("requested_on", "2016-03-01"), ("from", "0601"), ("to", "0505"), ("status", "不予批准"))],
        ["basic_farmland"] = [Row(("county", "410182"), ("name", "荥阳-001"), ("area", "500000"), ("boundary", "POLYGON ((113.2 34.7, 113.25 34.7, 113.25 34.72, 113.2 34.7))"))],
        ["statistics"] = [Statistics(), Statistics("41010201")],
        ["villages"] =
        [
            Row(("code", "410182100201"), ("cluster", "41018201"), ("name", "王村"), ("households", "320"), ("population", "1150"), ("status", "已完成"),
                ("completed_on", "2015-10-01"), ("resettlement_community", "荥阳市安置社区一期"), ("villagers_employed_in_cluster", "400")),
        ],
        ["resettlement_communities"] =
        [
            Row(("name", "荥阳市安置社区一期"), ("county", "410182"), ("cluster", "41018201"), ("planned_population", "5000"),
                ("inside_urban_planning_area", "是"), ("outside_cluster", "是"), ("has_public_facilities", "是"), ("location", "POINT (113.4 34.8)")),
        ],
        ["financing_platforms"] =
        [
            Row(("credit_code", Platform), ("cluster", "41018201"), ("name", "荥阳市集聚区投资发展有限公司"), ("registered_capital", "500000000"),
                ("injected_assets", "800000000.50"), ("established_on", "2010-01-01")),
        ],
        ["financing_instruments"] =
        [
            Row(("platform", Platform), ("kind", "企业债券"), ("amount", "1000000000"), ("issued_on", "2012-05-01"), ("matures_on", "2019-05-01"),
                ("interest_paid", "65000000.00"), ("issuance_fee", "1200000"), ("for_infrastructure", "是"), ("counterparty", "国家开发银行"),
                ("large_financial_institution", "是")),
        ],
        ["labour_demands"] = [Row(("cluster", "41018201"), ("enterprise", E1), ("occupation", "焊工"), ("year", "2013"), ("quarter", "2"), ("headcount", "50"), ("high_level_talent", "否"))],
        ["training_bases"] = [Row(("name", "荥阳市职业培训中心"), ("county", "410182"), ("cluster", "41018201"), ("year", "2013"), ("trainees", "800"), ("placed", "600"), ("demonstration", "是"))],
        ["migrant_workers"] = [Row(("person_ref", "W0001"), ("cluster", "41018201"), ("working_since", "2012-03-01"), ("wants_urban_hukou", "是"), ("family_members", "2"))],
        ["emission_budgets"] = [Row(("cluster", "41018201"), ("pollutant", "二氧化硫"), ("year", "2013"), ("tonnes", "300"))],
        ["emission_ledger"] =
        [
            Row(("cluster", "41018201"), ("pollutant", "二氧化硫"), ("year", "2013"), ("movement", "分配给项目"), ("tonnes", "20"), ("on", "2013-05-01"), ("project", Project)),
            Row(("cluster", "41018201"), ("pollutant", "二氧化硫"), ("year", "2013"), ("movement", "排污权买入"), ("tonnes", "5.125"), ("on", "2013-07-01"), ("counterparty", "某电厂")),
        ],
        ["sewage_plants"] = [Row(("cluster", "41018201"), ("name", "荥阳市第二污水处理厂"), ("capacity_tonnes_per_day", "50000"), ("pipe_network_km", "35.5"), ("status", "运行"), ("operating_since", "2012-12-01"))],
        ["heating_profiles"] =
        [
            Row(("cluster", "41018201"), ("year", "2013"), ("heat_load_tonnes_per_hour", "150"), ("annual_hours", "4500"), ("load_stable", "是"),
                ("small_coal_boilers", "3"), ("has_back_pressure_chp", "否"), ("has_central_boiler", "是")),
        ],
        ["safety_capacities"] = [Row(("cluster", "41018201"), ("assessed_on", "2013-09-01"), ("measure", "危险化学品储量"), ("unit", "吨"), ("capacity", "1000"), ("used", "350"))],
        ["service_facilities"] = [Row(("cluster", "41018201"), ("kind", "综合服务中心"), ("name", "集聚区综合服务中心"), ("level", "县级"), ("status", "运行"), ("completed_on", "2011-01-01"))],
        ["quota_ledger"] =
        [
            Row(("kind", "增减挂钩指标"), ("batch", "2013-XY-01"), ("movement", "产生"), ("area", "100000"), ("on", "2013-03-01"), ("county", "410182"), ("source_project", "王村土地整治项目")),
            Row(("kind", "增减挂钩指标"), ("batch", "2013-XY-01"), ("movement", "分配"), ("area", "100000"), ("on", "2013-04-01"), ("county", "410182"),
                ("target_cluster", "41018201"), ("target_project", Project)),
        ],
        ["land_consolidation_projects"] =
        [
            Row(("name", "王村土地整治项目"), ("library", "省级"), ("county", "410182"), ("cluster", "41018201"), ("listed_on", "2012-06-01"),
                ("funding_requested", "20000000"), ("funding_granted", "15000000")),
        ],
        ["fee_waivers"] =
        [
            Row(("code", "HN-2013-001"), ("name", "城市基础设施配套费"), ("authority", "河南省财政厅"), ("kind", "减半"), ("basis", "豫政〔2013〕1号"), ("valid_from", "2013-01-01")),
        ],
        ["exchange_rates"] = [Row(("currency", "USD"), ("effective_on", "2013-01-04"), ("yuan_per_unit", "6.2897"), ("source", "中国人民银行公布的中间价"))],
        ["environmental_determinations"] = [Row(("cluster", "41018201"), ("determined_on", "2015-06-30"), ("determined_by", "郑州市环境保护局"), ("facilities_lag", "否"), ("capacity_insufficient", "是"))],
        ["industrial_chain_links"] = [Row(("leading_industry", "36"), ("segment_order", "1"), ("segment_name", "汽车零部件"), ("position", "上游"), ("industry", "3670"))],
        ["land_revenues"] = [Row(("county", "410182"), ("year", "2014"), ("land_transfer_income", "500000000.00"), ("idle_land_fees_collected", "2469135.78"))],
        ["land_use_standards"] = [Row(("industry", "36"), ("scope", "410000"), ("min_building_coefficient", "0.3"), ("min_plot_ratio", "0.8"), ("source", "测试用控制值（非真实标准）"), ("valid_from", "2012-01-01"))],
    };

    /// <summary>The header a key stands for: the column's Chinese header, or the key itself when the type has no such column.</summary>
    private static string HeaderOf(ImportEntity entity, string key) =>
        entity.Columns.FirstOrDefault(c => c.Key == key)?.Header ?? key;

    private static List<string> KeysOf(IEnumerable<TestRow> rows) =>
        rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Writes a CSV file of <paramref name="entityKey"/> with Chinese headers.</summary>
    public static string WriteCsv(string path, string entityKey, IReadOnlyList<TestRow> rows, Encoding? encoding = null, IReadOnlyList<string>? keys = null)
    {
        var entity = ImportCatalog.Find(entityKey)!;
        keys ??= KeysOf(rows);
        var text = new StringBuilder();
        text.Append(Line(keys.Select(k => HeaderOf(entity, k))));
        foreach (var row in rows)
        {
            text.Append(Line(keys.Select(k => row.GetValueOrDefault(k) ?? string.Empty)));
        }

        File.WriteAllText(path, text.ToString(), encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    /// <summary>Writes an XLSX workbook with one sheet per entry, named as given, with Chinese headers and text cells.</summary>
    public static string WriteXlsx(string path, IEnumerable<(string SheetName, string EntityKey, IReadOnlyList<TestRow> Rows)> sheets)
    {
        var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (sheetName, entityKey, rows) in sheets)
        {
            var entity = ImportCatalog.Find(entityKey)!;
            var keys = KeysOf(rows);
            workbook[sheetName] = rows
                .Select(row => keys.ToDictionary(k => HeaderOf(entity, k), k => (object?)row.GetValueOrDefault(k), StringComparer.Ordinal))
                .ToList();
        }

        MiniExcel.SaveAs(path, workbook);
        return path;
    }

    private static string Line(IEnumerable<string> fields) =>
        string.Join(',', fields.Select(f => f.Contains(',', StringComparison.Ordinal) || f.Contains('"', StringComparison.Ordinal) ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f)) + "\r\n";
}

/// <summary>A progress sink that records synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class RecordingProgress : IProgress<long>
{
    public List<long> Values { get; } = [];

    public void Report(long value) => Values.Add(value);
}

/// <summary>Cancels once the import has read <paramref name="rows"/> rows.</summary>
internal sealed class CancelAfter(long rows, CancellationTokenSource cancel) : IProgress<long>
{
    public void Report(long value)
    {
        if (value >= rows)
        {
            cancel.Cancel();
        }
    }
}

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
