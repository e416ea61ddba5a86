using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jiju.Policy.Cases;
using Jiju.Policy.Engine;
using Spectre.Console;

namespace Jiju.Cli;

internal static class RulesCommands
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Rules(cli);
        yield return Params(cli);
        yield return Cases(cli);
    }

    private static Command Rules(CliContext cli)
    {
        var rules = new Command("rules", "政策规则：列表、解释、条款覆盖");
        var json = new Option<bool>("--json") { Description = "以 JSON 输出（每条规则读取的事实、产生的结果、使用的参数；由代码生成）" };
        var list = new Command("list", "列出全部规则及其条款") { json };
        list.SetAction(parse =>
        {
            if (parse.GetValue(json))
            {
                cli.Console.Profile.Width = int.MaxValue;
                cli.Console.WriteLine(JsonSerializer.Serialize(RuleCatalog.All.Select(RuleDescription.Of), Json));
                return 0;
            }

            var table = new Table().AddColumns("条", "规则", "说明", "参数");
            foreach (var r in RuleCatalog.All)
            {
                table.AddRow(ArticleAttribute.Chinese(r.Article.Number), r.Id, Markup.Escape(r.Title), Markup.Escape(string.Join(", ", r.ParameterIds)));
            }

            cli.Console.Write(table);
            cli.Console.MarkupLineInterpolated($"共 {RuleCatalog.All.Count} 条规则。");
            return 0;
        });
        rules.Subcommands.Add(list);

        var ruleId = new Argument<string>("rule") { Description = "规则名（见 jiju rules list）" };
        var caseFile = new Option<FileInfo>("--case") { Description = "用例文件：对其中属于该规则的用例逐一给出判断过程", Required = true };
        var traceJson = new Option<bool>("--json") { Description = "以 trace.v1 JSON 输出" };
        var explain = new Command("explain", "按用例文件中的事实运行规则，给出条款、参数、事实、判断与结论") { ruleId, caseFile, traceJson };
        explain.SetAction(parse => Guard(cli, () =>
        {
            var rule = RuleCatalog.Find(parse.GetValue(ruleId)!) ?? throw new KeyNotFoundException($"没有规则“{parse.GetValue(ruleId)}”；见 jiju rules list");
            var file = parse.GetValue(caseFile)!;
            var results = CaseRunner.Run(file.Name, File.ReadAllText(file.FullName)).Where(r => r.RuleId == rule.Id).ToList();
            if (results.Count == 0)
            {
                throw new KeyNotFoundException($"{file.Name} 中没有规则 {rule.Id} 的用例");
            }

            foreach (var r in results)
            {
                cli.Console.WriteLine($"━━ {r.Name} ━━");
                if (r.Decision is null)
                {
                    cli.Console.WriteLine(string.Join("\n", r.Differences));
                    continue;
                }

                cli.Console.WriteLine(parse.GetValue(traceJson) ? r.Decision.Trace.ToJson() : r.Decision.Trace.ToChinese());
            }

            return 0;
        }));
        rules.Subcommands.Add(explain);

        var coverage = new Command("coverage", "二十七条逐条说明：由哪些规则实现，或为何不作为规则（由哪些登记、流程或考核承载）");
        coverage.SetAction(_ =>
        {
            var table = new Table().AddColumns("条", "部分", "规则 / 说明");
            foreach (var a in Coverage.Articles())
            {
                var text = a.Rules.Count > 0 ? string.Join("\n", a.Rules.Select(r => $"{r.Id}（{r.Title}）")) : "不作为规则：" + a.NotFormalisedBecause;
                table.AddRow(ArticleAttribute.Chinese(a.Article), Markup.Escape(a.Part), Markup.Escape(text));
            }

            cli.Console.Write(table);
            var missing = Coverage.Articles().Where(a => a.Rules.Count == 0 && a.NotFormalisedBecause is null).Select(a => a.Article).ToList();
            if (missing.Count > 0)
            {
                cli.Console.MarkupLineInterpolated($"[red]以下条款既无规则也无说明：{string.Join("、", missing)}[/]");
                return 1;
            }

            return 0;
        });
        rules.Subcommands.Add(coverage);

        var write = new Option<FileInfo?>("--write") { Description = "把生成部分写入该文件（保留标记行之前的内容），如 docs/cases.md" };
        var doc = new Command("doc", "生成 docs/cases.md 中“每条规则读取的事实与产生的结果”部分") { write };
        doc.SetAction(parse => Guard(cli, () =>
        {
            var generated = CaseDocumentation.Markdown();
            if (parse.GetValue(write) is not { } target)
            {
                cli.Console.Profile.Width = int.MaxValue;
                cli.Console.WriteLine(generated);
                return 0;
            }

            var current = File.ReadAllText(target.FullName);
            var at = current.IndexOf(CaseDocumentation.Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new IOException($"{target.Name} 中没有标记行：{CaseDocumentation.Marker}");
            }

            File.WriteAllText(target.FullName, current[..(at + CaseDocumentation.Marker.Length)] + "\n\n" + generated);
            cli.Console.WriteLine($"已更新 {target.FullName}");
            return 0;
        }));
        rules.Subcommands.Add(doc);
        return rules;
    }

    private static Command Params(CliContext cli)
    {
        var parameters = new Command("params", "政策参数：有效期、取值与出处");
        var asOf = new Option<string?>("--as-of") { Description = "显示该日期有效的取值（yyyy-MM-dd；默认各参数最新一段）" };
        var list = new Command("list", "列出全部参数") { asOf };
        list.SetAction(parse => Guard(cli, () =>
        {
            var date = parse.GetValue(asOf) is { } text ? CliContext.ParseDate(text, "--as-of") : (DateOnly?)null;
            var table = new Table().AddColumns("参数", "名称", "取值", "单位", "有效期", "假定值");
            foreach (var p in ParameterSet.Shipped.All.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                var v = date is { } d ? p.At(d) : p.Values[^1];
                table.AddRow(p.Id, Markup.Escape(p.LabelZh), v?.Raw ?? "（无）", ParameterUnits.Symbol(p.Unit), v is null ? "—" : Period(v), v?.Assumption == true ? "是" : string.Empty);
            }

            cli.Console.Write(table);
            return 0;
        }));
        parameters.Subcommands.Add(list);

        var id = new Argument<string>("id") { Description = "参数 id（见 jiju params list）" };
        var show = new Command("show", "显示一个参数的全部历史取值及出处") { id };
        show.SetAction(parse => Guard(cli, () =>
        {
            var p = ParameterSet.Shipped.Get(parse.GetValue(id)!);
            cli.Console.WriteLine($"{p.Id}  {p.LabelZh} / {p.LabelEn}  单位：{p.Unit}{(p.Choices.Count > 0 ? "（可选：" + string.Join("/", p.Choices) + "）" : string.Empty)}");
            var table = new Table().AddColumns("有效期", "取值", "出处", "假定值", "说明");
            foreach (var v in p.Values)
            {
                table.AddRow(Period(v), v.Raw, Markup.Escape(v.Citation), v.Assumption ? "是" : string.Empty, Markup.Escape(v.Note ?? string.Empty));
            }

            cli.Console.Write(table);
            return 0;
        }));
        parameters.Subcommands.Add(show);
        return parameters;
    }

    private static Command Cases(CliContext cli)
    {
        var paths = new Argument<string[]>("paths") { Description = "用例文件或目录（目录下所有 .yaml，含子目录）", Arity = ArgumentArity.OneOrMore };
        var run = new Command("run", "运行用例文件，逐一比对期望与实际，最后输出“N passed, N failed”") { paths };
        run.SetAction(parse =>
        {
            var files = new List<string>();
            foreach (var path in parse.GetValue(paths)!)
            {
                if (Directory.Exists(path))
                {
                    files.AddRange(Directory.GetFiles(path, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    cli.Console.WriteLine($"FAIL {path}: 找不到文件或目录");
                    files.Add(path);
                }
            }

            int passed = 0, failed = 0;
            foreach (var file in files)
            {
                var results = File.Exists(file)
                    ? CaseRunner.Run(file, File.ReadAllText(file))
                    : [new CaseResult(file, "（文件）", null, false, ["找不到文件"], null)];
                foreach (var r in results)
                {
                    if (r.Passed)
                    {
                        passed++;
                        continue;
                    }

                    failed++;
                    cli.Console.WriteLine($"FAIL {r.Source} :: {r.Name}{(r.RuleId is null ? string.Empty : $" ({r.RuleId})")}");
                    foreach (var d in r.Differences)
                    {
                        cli.Console.WriteLine("     " + d);
                    }
                }
            }

            cli.Console.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 && passed > 0 ? 0 : 1;
        });
        var cases = new Command("cases", "用例文件（格式见 docs/cases.md）");
        cases.Subcommands.Add(run);
        return cases;
    }

    private static string Period(ParameterValue v) =>
        v.To is { } to ? $"{v.From:yyyy-MM-dd} 至 {to:yyyy-MM-dd}" : $"{v.From:yyyy-MM-dd} 起";

    private static int Guard(CliContext cli, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is KeyNotFoundException or IOException or FormatException or ParameterFileException)
        {
            cli.Console.MarkupLineInterpolated($"[red]错误：[/]{e.Message}");
            return 1;
        }
    }
}
