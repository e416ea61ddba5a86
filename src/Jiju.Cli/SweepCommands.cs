using System.CommandLine;
using System.Globalization;
using Jiju.Application.Sweep;
using Jiju.Policy.Engine;
using Spectre.Console;

namespace Jiju.Cli;

internal static class SweepCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Sweep(cli);
        yield return WhatIf(cli);
    }

    private static Option<string> AsOf() => new("--as-of") { Description = "判断日期（yyyy-MM-dd）", Required = true };

    private static Command Sweep(CliContext cli)
    {
        var asOf = AsOf();
        var dryRun = new Option<bool>("--dry-run") { Description = "只显示结果，不保存本次运行" };
        var sweep = new Command("sweep", "以某一日期对本辖区全部数据运行全部规则，保存为一次有版本的运行，并按规则、按市汇总") { asOf, dryRun };
        sweep.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            var date = CliContext.ParseDate(parse.GetValue(asOf)!, "--as-of");
            await using var db = await cli.OpenAsync(parse, ct);
            var result = await cli.WithProgressAsync("运行规则", _ => new SweepService(db).RunAsync(date, store: !parse.GetValue(dryRun), keepFindings: !parse.GetValue(dryRun), cancellationToken: ct));
            var rules = new Table().AddColumns("条", "规则", "对象数", "发现", "分类");
            foreach (var r in result.Rules)
            {
                rules.AddRow(
                    r.Article.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(r.Title),
                    r.Subjects.ToString("N0", CultureInfo.InvariantCulture),
                    r.Findings.ToString("N0", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join("、", r.ByKind.Select(k => $"{k.Key} {k.Value}"))));
            }

            cli.Console.Write(rules);
            foreach (var (rule, reason) in SweepService.NotSwept
                .Select(kv => (Rule: RuleCatalog.Find(kv.Key), Reason: kv.Value))
                .OrderBy(x => x.Rule?.Article.Number ?? 0)
                .ThenBy(x => x.Rule?.Id, StringComparer.Ordinal))
            {
                var title = rule is null ? "（未知规则）" : $"第{rule.Article.Number}条【{rule.Title}】（{rule.Id}）";
                cli.Console.MarkupLineInterpolated($"未清扫：{title}——{reason}");
            }

            var cities = new Table().AddColumns("市", "发现", "涉及金额");
            foreach (var g in result.ByCounty.GroupBy(t => db.DivisionDirectory.CityOf(t.County)?.Name ?? t.County.Value).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var amount = g.Aggregate(Domain.Common.Money.Zero, (s, t) => s + t.Amount);
                cities.AddRow(g.Key, g.Sum(t => t.Findings).ToString("N0", CultureInfo.InvariantCulture), amount.ToChinese());
            }

            cli.Console.Write(cities);
            var stored = result.RunId is { } id ? $"已保存为第 {id} 次运行" : "未保存（--dry-run）";
            cli.Console.MarkupLineInterpolated($"{date:yyyy-MM-dd}：检查 {result.Subjects:N0} 个对象，发现 {result.FindingCount:N0} 项；{stored}。");
            return 0;
        }));
        return sweep;
    }

    private static Command WhatIf(CliContext cli)
    {
        var asOf = AsOf();
        var set = new Option<string[]>("--set") { Description = "参数覆盖，形如 land.idle.fee-rate=0.3（可多次）", Required = true, AllowMultipleArgumentsPerToken = true };
        var whatIf = new Command("whatif", "假设分析：以覆盖后的参数重新运行规则，按集聚区列出与基准的差异（不保存）") { asOf, set };
        whatIf.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            var date = CliContext.ParseDate(parse.GetValue(asOf)!, "--as-of");
            var overlay = CliContext.ParseOverlay(parse.GetValue(set)!);

            await using var db = await cli.OpenAsync(parse, ct);
            var result = await cli.WithProgressAsync("假设分析", _ => new WhatIfService(db).RunAsync(date, overlay, ct));
            var table = new Table().AddColumns("集聚区", "规则", "对象", "基准", "假设");
            foreach (var c in result.Changes)
            {
                table.AddRow(c.Cluster?.Value ?? "（集聚区外）", c.RuleId, c.Subject, Show(c.BaselineKind, c.BaselineAmount), Show(c.ScenarioKind, c.ScenarioAmount));
            }

            cli.Console.Write(table);
            foreach (var g in result.Changes.GroupBy(c => c.Cluster?.Value ?? "（集聚区外）").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var before = g.Where(c => c.BaselineAmount is not null).Sum(c => c.BaselineAmount!.Value.Yuan);
                var after = g.Where(c => c.ScenarioAmount is not null).Sum(c => c.ScenarioAmount!.Value.Yuan);
                cli.Console.WriteLine($"{g.Key}：{g.Count()} 项变化，金额 {before:#,0.00} → {after:#,0.00} 元");
            }

            cli.Console.WriteLine($"与基准相比：{result.Changes.Count} 项变化（基准 {result.Baseline.Findings.Count} 项发现，假设 {result.Scenario.Findings.Count} 项）。");
            return 0;
        }));
        return whatIf;
    }

    private static string Show(string? kind, Domain.Common.Money? amount) =>
        kind is null ? "—" : amount is { } m ? $"{kind} {m.Yuan:#,0.00}" : kind;
}
