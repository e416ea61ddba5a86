using System.CommandLine;
using Jiju.Data;
using Spectre.Console;

namespace Jiju.Cli;

internal static class DbCommands
{
    public static Command Create(CliContext cli)
    {
        var db = new Command("db", "数据库管理");
        var migrate = new Command("migrate", "将数据库升级到当前结构，并载入河南省行政区划（可重复执行）");
        migrate.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            var options = cli.DatabaseOptions(parse);
            var report = await DatabaseMigrator.MigrateAsync(options, ct);
            cli.Console.MarkupLineInterpolated($"数据库（{options.Provider}）已是最新结构：本次执行迁移 {report.AppliedMigrations.Count} 个，新增行政区划 {report.DivisionsAdded} 个。");
            return 0;
        }));
        db.Subcommands.Add(migrate);
        return db;
    }
}
