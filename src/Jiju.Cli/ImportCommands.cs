using System.CommandLine;
using System.Globalization;
using Jiju.Data.Import;
using Spectre.Console;

namespace Jiju.Cli;

internal static class ImportCommands
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "要导入的 CSV 或 XLSX 文件（XLSX 每个工作表一类数据，表名用英文键或中文名）" };
        var entity = new Option<string?>("--entity") { Description = "CSV 文件的数据类别（英文键或中文名）；不填时按文件名判断，如 parcels.csv 或 宗地.csv" };
        var import = new Command("import", "导入数据：全部正确才写入，任何一行有错则不改变任何数据，并列出每一处错误（行、列、原因）") { file, entity };
        import.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException($"找不到文件 {path.FullName}");
            }

            await using var db = await cli.OpenAsync(parse, ct);
            var report = await cli.WithProgressAsync($"导入 {path.Name}", progress =>
                new Importer(db).ImportAsync(path.FullName, parse.GetValue(entity), new SynchronousRowProgress(n => progress.Report($"已读 {n:N0} 行")), ct));
            if (!report.Succeeded)
            {
                var table = new Table().AddColumns("工作表", "行", "列", "原因");
                foreach (var e in report.Errors)
                {
                    table.AddRow(Markup.Escape(e.Sheet), e.Row.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Column), Markup.Escape(e.Message));
                }

                cli.Console.Write(table);
                var shown = report.Errors.Count < report.TotalErrors ? $"（以上列出前 {report.Errors.Count} 处）" : string.Empty;
                cli.Console.MarkupLineInterpolated($"[red]导入未执行：[/]发现 {report.TotalErrors} 处错误{shown}，数据库未作任何改动。请改正后重新导入。");
                return 1;
            }

            foreach (var (sheet, rows) in report.RowsWritten)
            {
                cli.Console.MarkupLineInterpolated($"{sheet}：写入 {rows:N0} 行");
            }

            cli.Console.MarkupLine("导入完成。");
            return 0;
        }));

        var templateEntity = new Argument<string>("entity") { Description = "数据类别（英文键或中文名），见 jiju import entities" };
        var format = new Option<ExportFormat>("--format") { Description = "Csv 或 Xlsx（Xlsx 附“说明”工作表）", DefaultValueFactory = _ => ExportFormat.Xlsx };
        var output = new Option<string?>("--output", "-o") { Description = "输出文件（默认 <类别>-template.<格式>）" };
        var template = new Command("template", "下载导入模板：表头与导入要求一致") { templateEntity, format, output };
        template.SetAction((parse, ct) => cli.GuardAsync(() =>
        {
            var target = Resolve(parse.GetValue(templateEntity)!);
            var fmt = parse.GetValue(format);
            var path = parse.GetValue(output) ?? $"{target.Key}-template.{Extension(fmt)}";
            ImportTemplates.Write(target.Key, path, fmt);
            cli.Console.MarkupLineInterpolated($"已生成 {target.ZhName} 导入模板：{Path.GetFullPath(path)}");
            return Task.FromResult(0);
        }));
        import.Subcommands.Add(template);

        var entities = new Command("entities", "列出可导入的数据类别及其列");
        entities.SetAction(_ =>
        {
            var table = new Table().AddColumns("英文键", "中文名", "列数", "必填列");
            foreach (var e in ImportCatalog.All)
            {
                table.AddRow(e.Key, e.ZhName, e.Columns.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join("、", e.Columns.Where(c => c.Required).Select(c => c.Header))));
            }

            cli.Console.Write(table);
            return 0;
        });
        import.Subcommands.Add(entities);
        return import;
    }

    public static ImportEntity Resolve(string keyOrName) =>
        ImportCatalog.Find(keyOrName) ?? throw new KeyNotFoundException($"没有名为“{keyOrName}”的数据类别；可用的有：{string.Join("、", ImportCatalog.All.Select(e => $"{e.Key}（{e.ZhName}）"))}");

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";
}

/// <summary>Passes row counts on as they happen.</summary>
internal sealed class SynchronousRowProgress(Action<long> report) : IProgress<long>
{
    public void Report(long value) => report(value);
}
