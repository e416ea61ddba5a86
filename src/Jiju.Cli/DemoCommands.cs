using System.CommandLine;
using System.Diagnostics;
using Jiju.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Jiju.Cli;

internal static class DemoCommands
{
    public static Command Create(CliContext cli)
    {
        var demo = new Command("demo", "演示数据");
        var seed = new Option<int>("--seed") { Description = "随机种子：相同种子生成完全相同的数据", DefaultValueFactory = _ => 2012 };
        var scale = new Option<DemoScale>("--scale") { Description = "规模：Province（河南省，约180个集聚区）或 National（约3000个园区、200万企业、1000万宗地，供性能测试）", DefaultValueFactory = _ => DemoScale.Province };
        var generate = new Command("generate", "生成演示省份数据（只会替换以前生成的演示数据，不会覆盖人工录入的数据）") { seed, scale };
        generate.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            // The national dataset spans every province, so it is written from above the province.
            await using var db = await cli.OpenAsync(parse, ct, aboveProvince: parse.GetValue(scale) == DemoScale.National);
            var stopwatch = Stopwatch.StartNew();
            var report = await cli.WithProgressAsync("生成演示数据", progress =>
                new DemoGenerator(db).GenerateAsync(
                    new DemoOptions(parse.GetValue(seed), parse.GetValue(scale)),
                    new SynchronousDemoProgress(p => progress.Report($"{p.Table} {p.Rows:N0} 行")),
                    ct));
            var table = new Table().AddColumns("表", "行数");
            foreach (var (name, rows) in report.RowsByTable)
            {
                table.AddRow(name, rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }

            cli.Console.Write(table);
            cli.Console.MarkupLineInterpolated($"已生成 {report.Clusters} 个集聚区及其数据，埋设边界情形 {report.Plants} 个（见 demo_plants 表），用时 {stopwatch.Elapsed.TotalSeconds:0.0} 秒。");
            return 0;
        }));
        demo.Subcommands.Add(generate);

        var plants = new Command("plants", "列出演示数据中埋设的边界情形及规则应得出的结论（以2015-12-31为准）");
        plants.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            await using var db = await cli.OpenAsync(parse, ct);
            var rows = await db.DemoPlants.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
            var table = new Table().AddColumns("类别", "对象", "说明");
            foreach (var p in rows)
            {
                table.AddRow(Markup.Escape(p.Kind), Markup.Escape(p.Subject), Markup.Escape(p.Description));
            }

            cli.Console.Write(table);
            cli.Console.MarkupLineInterpolated($"共 {rows.Count} 个边界情形。");
            return 0;
        }));
        demo.Subcommands.Add(plants);
        return demo;
    }
}

/// <summary>Passes demo progress on as it happens (Progress&lt;T&gt; would post it to the thread pool, out of order).</summary>
internal sealed class SynchronousDemoProgress(Action<DemoProgress> report) : IProgress<DemoProgress>
{
    public void Report(DemoProgress value) => report(value);
}
