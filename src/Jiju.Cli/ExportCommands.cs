using System.CommandLine;
using Jiju.Data.Import;
using Spectre.Console;

namespace Jiju.Cli;

internal static class ExportCommands
{
    public static Command Create(CliContext cli)
    {
        var entity = new Argument<string>("entity") { Description = "数据类别（英文键或中文名），见 jiju import entities" };
        var format = new Option<ExportFormat>("--format") { Description = "Csv 或 Xlsx", DefaultValueFactory = _ => ExportFormat.Xlsx };
        var output = new Option<string?>("--output", "-o") { Description = "输出文件（默认 <类别>.<格式>）" };
        var export = new Command("export", "导出本辖区的数据；导出的文件可原样导入另一个数据库") { entity, format, output };
        export.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            var target = ImportCommands.Resolve(parse.GetValue(entity)!);
            var fmt = parse.GetValue(format);
            var path = parse.GetValue(output) ?? $"{target.Key}.{ImportCommands.Extension(fmt)}";
            await using var db = await cli.OpenAsync(parse, ct);
            var rows = await new Exporter(db).ExportAsync(target.Key, path, fmt, ct);
            cli.Console.MarkupLineInterpolated($"已导出 {target.ZhName} {rows:N0} 行：{Path.GetFullPath(path)}");
            return 0;
        }));
        return export;
    }
}
