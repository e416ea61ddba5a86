using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jiju.Application.Assessment;
using Jiju.Assessment.Indicators;
using Jiju.Assessment.Robustness;
using Jiju.Policy.Engine;
using MiniExcelLibs;
using Spectre.Console;

namespace Jiju.Cli;

internal enum AssessFormat
{
    Table = 1,
    Json = 2,
    Xlsx = 3,
}

/// <summary><c>jiju assess</c>: ranks the clusters of a year by the land evaluation (art. 7) or the development assessment (art. 27).</summary>
internal static class AssessCommands
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliContext cli)
    {
        var year = new Option<int>("--year") { Description = "考核年度", Required = true };
        var kind = new Option<string>("--kind") { Description = "land（土地节约集约利用评价，第七条）或 development（年度发展考核，第二十七条）", DefaultValueFactory = _ => "development" };
        var draws = new Option<int>("--draws") { Description = "敏感性分析的抽样次数（0 为不做）", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "随机种子：相同种子、相同数据得到相同结果", DefaultValueFactory = _ => 20120308 };
        var perturbation = new Option<string>("--perturbation") { Description = "权重扰动方式：uniform（±spread 均匀）或 dirichlet", DefaultValueFactory = _ => "uniform" };
        var spread = new Option<double>("--spread") { Description = "uniform 扰动幅度（0.2 即 ±20%）", DefaultValueFactory = _ => 0.2 };
        var concentration = new Option<double>("--concentration") { Description = "dirichlet 集中度（越大越接近原权重）", DefaultValueFactory = _ => 50 };
        var submittedBy = new Option<string?>("--submitted-by") { Description = "只用此日期（yyyy-MM-dd）前报送的统计数据，以重现当时的结果" };
        var explain = new Option<string?>("--explain") { Description = "解释某一集聚区（代码）：各指标得分与贡献、跨越后段线的最小变化、建议的依据" };
        var set = new Option<string[]>("--set") { Description = "参数覆盖（假设分析），形如 planning.expansion.bottom-third-rounding=ceil", AllowMultipleArgumentsPerToken = true };
        var format = new Option<AssessFormat>("--format") { Description = "table、json 或 xlsx", DefaultValueFactory = _ => AssessFormat.Table };
        var output = new Option<string?>("--output", "-o") { Description = "输出文件（xlsx 必填；json 默认输出到屏幕）" };
        var command = new Command("assess", "年度考核与土地节约集约利用评价：排名（全省、市内）、后段线、敏感性分析、“增调降退”与管委会升降级建议（仅为建议）")
        {
            year, kind, draws, seed, perturbation, spread, concentration, submittedBy, explain, set, format, output,
        };
        command.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            var request = new AssessmentRequest(
                parse.GetValue(year),
                parse.GetValue(kind) switch
                {
                    "land" => AssessmentKind.Land,
                    "development" => AssessmentKind.Development,
                    var other => throw new FormatException($"--kind 应为 land 或 development，实为“{other}”"),
                },
                parse.GetValue(draws) is var n and >= 0 ? n : throw new FormatException("--draws 不能为负数"),
                parse.GetValue(seed),
                parse.GetValue(submittedBy) is { } date ? CliContext.ParseDate(date, "--submitted-by") : null,
                parse.GetValue(explain),
                parse.GetValue(perturbation) switch
                {
                    "uniform" => WeightPerturbation.Uniform,
                    "dirichlet" => WeightPerturbation.Dirichlet,
                    var other => throw new FormatException($"--perturbation 应为 uniform 或 dirichlet，实为“{other}”"),
                },
                parse.GetValue(spread) is var s and >= 0 and < 1 ? s : throw new FormatException("--spread 应在 [0, 1) 之内"),
                parse.GetValue(concentration) is var c and > 0 ? c : throw new FormatException("--concentration 应大于0"),
                CliContext.ParseOverlay(parse.GetValue(set) ?? []));

            await using var viewer = await cli.OpenAsync(parse, ct);
            await using var population = await cli.OpenProvinceAsync(parse, ct);
            var report = await cli.WithProgressAsync("考核排名", _ => new AssessmentService(population, viewer.Scope).AssessAsync(request, ct));
            switch (parse.GetValue(format))
            {
                case AssessFormat.Json:
                    var text = JsonSerializer.Serialize(Document(report), Json);
                    if (parse.GetValue(output) is { } jsonPath)
                    {
                        await File.WriteAllTextAsync(jsonPath, text, ct);
                        cli.Console.MarkupLineInterpolated($"已写入 {jsonPath}");
                    }
                    else
                    {
                        cli.Console.Profile.Width = int.MaxValue;
                        cli.Console.WriteLine(text);
                    }

                    break;
                case AssessFormat.Xlsx:
                    var path = parse.GetValue(output) ?? throw new FormatException("--format xlsx 须以 --output 指定文件");
                    await MiniExcel.SaveAsAsync(path, Sheets(report), overwriteFile: true, cancellationToken: ct);
                    cli.Console.MarkupLineInterpolated($"已写入 {path}（{report.Rows.Count} 个集聚区）");
                    break;
                default:
                    Print(cli.Console, report);
                    break;
            }

            return 0;
        }));
        return command;
    }


    private static string Percent(double p) => p.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static void Print(IAnsiConsole console, AssessmentReport report)
    {
        var set = report.Set;
        console.MarkupLineInterpolated($"[bold]{report.Request.Year}年度{set.LabelZh}[/]（指标体系 {set.Id}，{FactFormatting.ZhOf(report.Method)}；{set.Citation}）");
        console.MarkupLineInterpolated($"参评 {report.RankedCount} 个；{report.Bar.Definition}");
        if (report.Line is { } line)
        {
            var before = line.ScoreBefore is { } b ? $"，其前一名 {b.ToString("0.00", CultureInfo.InvariantCulture)} 分" : string.Empty;
            console.MarkupLineInterpolated($"后段线：第{line.FirstPlaceBehind}名 {line.ScoreBehind:0.00} 分{before}");
        }

        if (report.Sensitivity is { } options)
        {
            console.MarkupLineInterpolated($"敏感性分析：{options.ToChinese()}；方法：{string.Join("、", report.SensitivityMethods.Select(m => FactFormatting.ZhOf(m)))}");
        }

        var table = new Table().AddColumns("排名", "集聚区", "名称", "市", "得分", "市内", "上年", "变化");
        if (report.Sensitivity is not null)
        {
            table.AddColumns("排名区间(5%–95%)", "落入后段概率");
            if (report.Request.Kind == AssessmentKind.Development)
            {
                table.AddColumn("降级概率");
            }
        }

        table.AddColumns("后段", "建议");
        foreach (var row in report.Rows)
        {
            var r = row.Ranked;
            var cells = new List<string>
            {
                r.TiedWith > 1 ? $"{r.Rank}（并列{r.TiedWith}）" : r.Rank.ToString(CultureInfo.InvariantCulture),
                r.Cluster.Cluster,
                Markup.Escape(r.Cluster.Name),
                Markup.Escape(r.Cluster.CityName),
                r.Score.ToString("0.00", CultureInfo.InvariantCulture),
                $"{r.CityRank}/{r.CityRanked}",
                row.PreviousRank?.ToString(CultureInfo.InvariantCulture) ?? "—",
                row.Change switch
                {
                    null => "—",
                    > 0 => $"↑{row.Change}",
                    < 0 => $"↓{-row.Change}",
                    _ => "0",
                },
            };
            if (row.Sensitivity is { } sens)
            {
                cells.Add($"{sens.RankP05}–{sens.RankP95}");
                cells.Add(Percent(sens.InBarProbability));
                if (report.Request.Kind == AssessmentKind.Development)
                {
                    cells.Add(Percent(sens.DowngradeProbability ?? 0));
                }
            }

            cells.Add(r.InBar ? "是" : string.Empty);
            cells.Add(Markup.Escape(row.Consequences.Summary));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        foreach (var u in report.Unscored)
        {
            console.MarkupLineInterpolated($"[yellow]未参评[/] {u.Cluster.Cluster} {u.Cluster.Name}：{string.Join("；", u.Missing)}");
        }

        console.MarkupLineInterpolated($"本辖区 {report.Rows.Count} 个集聚区参评，{report.Unscored.Count} 个数据不全未参评。建议仅供参考，由有权机关按程序决定。");
        if (report.Explanation is { } e)
        {
            PrintExplanation(console, report, e);
        }
    }

    private static void PrintExplanation(IAnsiConsole console, AssessmentReport report, ClusterExplanation e)
    {
        var c = e.Cluster;
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]{c.Cluster.Cluster} {c.Cluster.Name}[/]：得分 {c.Score:0.00}，全省第{c.Rank}名（共{report.RankedCount}个{(c.TiedWith > 1 ? $"，与另{c.TiedWith - 1}个并列" : string.Empty)}），{c.Cluster.CityName}第{c.CityRank}名；{(c.InBar ? "在" : "不在")}{report.Bar.Zh}内");
        if (e.Above is { } above)
        {
            console.MarkupLineInterpolated($"前一名：第{above.Rank}名 {above.Cluster.Name} {above.Score:0.00} 分（相差 {above.Score - c.Score:0.00} 分）");
        }

        if (e.Below is { } below)
        {
            console.MarkupLineInterpolated($"后一名：第{below.Rank}名 {below.Cluster.Name} {below.Score:0.00} 分（相差 {c.Score - below.Score:0.00} 分）");
        }

        var table = new Table().AddColumns("目标", "准则", "指标", "计算", "值", "单位", "得分", "总权重", "贡献");
        foreach (var i in c.Indicators)
        {
            var w = i.Indicator;
            table.AddRow(
                Markup.Escape(w.Goal.Zh),
                Markup.Escape(w.SubGoal.Zh),
                Markup.Escape(w.Indicator.Zh),
                Markup.Escape(w.Indicator.Formula.ToChinese(Inputs.ZhOf)),
                Number(i.Value),
                Markup.Escape(w.Indicator.Unit),
                i.Score.ToString("0.00", CultureInfo.InvariantCulture),
                Number(w.GlobalWeight),
                Number(i.Contribution));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"总分 = Σ 总权重 × 得分 = {c.Indicators.Sum(i => i.Contribution):0.######}，四舍五入为 {c.Score:0.00}");
        foreach (var s in e.Subtotals)
        {
            console.MarkupLineInterpolated($"  {s.Goal}{(s.SubGoal is null ? string.Empty : " / " + s.SubGoal)}（权重 {Number(s.Weight)}）：{Number(s.Contribution)} 分");
        }

        console.MarkupLineInterpolated($"[bold]跨越{report.Bar.Zh}的最小单项变化[/]（其他指标不变）：");
        foreach (var m in e.Changes)
        {
            console.MarkupLineInterpolated($"  {m.Explanation}");
        }

        var row = report.Rows.FirstOrDefault(r => r.Ranked.Cluster.Cluster == c.Cluster.Cluster);
        foreach (var trace in new[] { row?.Consequences.Adjustment?.Trace, row?.Consequences.Grade?.Trace })
        {
            if (trace is not null)
            {
                console.WriteLine();
                console.WriteLine(trace.ToChinese());
            }
        }
    }

    private static object Document(AssessmentReport report) => new
    {
        Year = report.Request.Year,
        Kind = report.Request.Kind.ToString().ToLowerInvariant(),
        IndicatorSet = report.Set.Id,
        Method = report.Method.ToString(),
        Citation = report.Set.Citation,
        Scope = report.Scope,
        Ranked = report.RankedCount,
        Bar = new { report.Bar.Zh, report.Bar.Definition, report.Bar.Count, report.Bar.Citations, Line = report.Line },
        Sensitivity = report.Sensitivity is { } o ? new { o.Draws, o.Seed, Perturbation = o.Perturbation.ToString(), o.Spread, o.Concentration, Methods = report.SensitivityMethods.Select(m => m.ToString()), Description = o.ToChinese() } : null,
        Clusters = report.Rows.Select(row => new
        {
            row.Ranked.Cluster.Cluster,
            row.Ranked.Cluster.Name,
            row.Ranked.Cluster.City,
            row.Ranked.Score,
            row.Ranked.Rank,
            row.Ranked.TiedWith,
            row.Ranked.CityRank,
            row.PreviousRank,
            row.Change,
            InBar = row.Ranked.InBar,
            Sensitivity = row.Sensitivity is { } s ? new { s.RankP05, s.RankMedian, s.RankP95, s.InBarProbability, s.DowngradeProbability } : null,
            Indicators = row.Ranked.Indicators.Select(i => new { i.Indicator.Indicator.Id, i.Indicator.Indicator.Zh, i.Value, i.Indicator.Indicator.Unit, i.Score, i.Indicator.GlobalWeight, i.Contribution }),
            YearsBelowStandard = report.Request.Kind == AssessmentKind.Development ? row.Consequences.YearsBelowStandard : (int?)null,
            Recommendation = row.Consequences.Summary,
            Adjustment = row.Consequences.Adjustment is { } a ? JsonDocument.Parse(a.Trace.ToJson()).RootElement : (JsonElement?)null,
            CommitteeGrade = row.Consequences.Grade is { } g ? JsonDocument.Parse(g.Trace.ToJson()).RootElement : (JsonElement?)null,
        }),
        Unscored = report.Unscored.Select(u => new { u.Cluster.Cluster, u.Cluster.Name, u.Missing }),
        Explanation = report.Explanation is { } e ? new
        {
            e.Cluster.Cluster.Cluster,
            Subtotals = e.Subtotals,
            Changes = e.Changes.Select(m => new { Indicator = m.Indicator.Indicator.Id, m.Current, m.Needed, m.RankAfter, m.Explanation }),
        }
        : null,
    };

    private static Dictionary<string, object> Sheets(AssessmentReport report)
    {
        var draws = report.Sensitivity is not null;
        var ranking = report.Rows.Select(row =>
        {
            var r = row.Ranked;
            var cells = new Dictionary<string, object?>
            {
                ["排名"] = r.Rank,
                ["并列数"] = r.TiedWith,
                ["集聚区代码"] = r.Cluster.Cluster,
                ["名称"] = r.Cluster.Name,
                ["市"] = r.Cluster.CityName,
                ["得分"] = r.Score,
                ["市内排名"] = r.CityRank,
                ["上年排名"] = row.PreviousRank,
                ["名次变化"] = row.Change,
                [report.Bar.Zh] = r.InBar ? "是" : "否",
            };
            if (draws)
            {
                cells["排名5%分位"] = row.Sensitivity?.RankP05;
                cells["排名中位数"] = row.Sensitivity?.RankMedian;
                cells["排名95%分位"] = row.Sensitivity?.RankP95;
                cells["落入后段概率"] = row.Sensitivity?.InBarProbability;
                cells["降级概率"] = row.Sensitivity?.DowngradeProbability;
            }

            cells["建议"] = row.Consequences.Summary;
            return cells;
        }).ToList();
        var indicators = report.Rows.SelectMany(row => row.Ranked.Indicators.Select(i => new Dictionary<string, object?>
        {
            ["集聚区代码"] = row.Ranked.Cluster.Cluster,
            ["名称"] = row.Ranked.Cluster.Name,
            ["目标"] = i.Indicator.Goal.Zh,
            ["准则"] = i.Indicator.SubGoal.Zh,
            ["指标"] = i.Indicator.Indicator.Zh,
            ["值"] = i.Value,
            ["单位"] = i.Indicator.Indicator.Unit,
            ["得分"] = i.Score,
            ["总权重"] = i.Indicator.GlobalWeight,
            ["贡献"] = i.Contribution,
        })).ToList();
        var unscored = report.Unscored.Select(u => new Dictionary<string, object?>
        {
            ["集聚区代码"] = u.Cluster.Cluster,
            ["名称"] = u.Cluster.Name,
            ["缺少的数据"] = string.Join("；", u.Missing),
        }).ToList();
        var about = new List<Dictionary<string, object?>>
        {
            new() { ["项目"] = "年度", ["内容"] = report.Request.Year },
            new() { ["项目"] = "指标体系", ["内容"] = $"{report.Set.Id} {report.Set.LabelZh}" },
            new() { ["项目"] = "依据", ["内容"] = report.Set.Citation },
            new() { ["项目"] = "标准化方法", ["内容"] = FactFormatting.ZhOf(report.Method) },
            new() { ["项目"] = "后段线", ["内容"] = report.Bar.Definition },
            new() { ["项目"] = "敏感性分析", ["内容"] = report.Sensitivity?.ToChinese() ?? "未做" },
        };
        return new Dictionary<string, object>
        {
            ["排名"] = ranking,
            ["指标得分"] = indicators,
            ["未参评"] = unscored.Count > 0 ? unscored : [new Dictionary<string, object?> { ["集聚区代码"] = null, ["名称"] = null, ["缺少的数据"] = null }],
            ["说明"] = about,
        };
    }
}
