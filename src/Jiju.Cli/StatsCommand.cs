using System.CommandLine;
using System.Globalization;
using Jiju.Application.Overview;
using Spectre.Console;

namespace Jiju.Cli;

internal static class StatsCommand
{
    public static Command Create(CliContext cli)
    {
        var stats = new Command("stats", "本辖区数据概况：各表行数，各市集聚区、企业、宗地及最近年度主营业务收入");
        stats.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            await using var db = await cli.OpenAsync(parse, ct);
            var o = await new OverviewService(db).GetAsync(ct);
            cli.Console.MarkupLineInterpolated($"[bold]辖区[/] {o.Scope}");
            var tables = new Table().AddColumns("数据", "行数");
            foreach (var t in o.Tables)
            {
                tables.AddRow(t.ZhName, t.Rows.ToString("N0", CultureInfo.InvariantCulture));
            }

            cli.Console.Write(tables);
            var cities = new Table().AddColumns("市", "代码", "集聚区", "企业", "宗地", o.LatestYear is { } latest ? $"{latest}年主营业务收入" : "主营业务收入");
            foreach (var c in o.Cities)
            {
                cities.AddRow(c.Name, c.City.Value, c.Clusters.ToString(CultureInfo.InvariantCulture), c.Enterprises.ToString("N0", CultureInfo.InvariantCulture), c.Parcels.ToString("N0", CultureInfo.InvariantCulture), c.Revenue.ToChinese());
            }

            cli.Console.Write(cities);
            if (o.LatestYear is { } year)
            {
                cli.Console.MarkupLineInterpolated($"{year}年：主营业务收入 {o.LatestRevenue.ToChinese()}，其中主导产业 {o.LatestLeadingRevenue.ToChinese()}；主导产业达到百亿元的集聚区 {o.ClustersAtHundredYi} 个（第三条）。");
            }

            if (o.Plants > 0)
            {
                cli.Console.MarkupLineInterpolated($"演示数据中埋设的边界情形：{o.Plants} 个。");
            }

            return 0;
        }));
        return stats;
    }
}
