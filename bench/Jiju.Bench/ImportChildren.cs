using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jiju.Data;
using Jiju.Data.Bulk;
using Jiju.Data.Demo;
using Jiju.Data.Import;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Industries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Npgsql;
using Sylvan.Data.Csv;

namespace Jiju.Bench;

/// <summary>
/// Item 3: importing enterprises from CSV and XLSX into SQLite and PostgreSQL with <see cref="Importer"/>,
/// into a copy of the demo province (so references to its clusters resolve, and the keys are checked
/// against a table that already holds rows), and the baselines: the same file's rows inserted raw
/// into a plain table of text columns (prepared INSERTs on SQLite, COPY on PostgreSQL).
/// </summary>
public static class ImportChildren
{
    public const string Entity = "enterprises";

    private static readonly string[] Surnames = ["华", "中", "豫", "宏", "恒", "鑫", "金", "新", "瑞", "丰", "汇", "通", "远", "达", "盛", "隆", "昌", "泰", "安", "康"];
    private static readonly string[] Words = ["源", "科", "信", "联", "创", "兴", "星", "海", "河", "山", "光", "力", "德", "正", "和", "美", "嘉", "润", "博", "晟"];
    private static readonly string[] Trades = ["机械", "电子", "食品", "纺织", "化工", "材料", "装备", "医药", "建材", "物流"];
    private static readonly string[] Industries = ["13", "14", "17", "18", "21", "22", "26", "27", "29", "30", "31", "32", "34", "35", "36", "38", "39"];

    /// <summary>
    /// Makes <c>enterprises.csv</c> and <c>enterprises.xlsx</c> with N new enterprises spread over the demo
    /// province's clusters: written to a scratch copy of the province with <see cref="BulkWriter"/>, then
    /// exported with <see cref="Exporter"/>, so the files are in exactly the template's format. Credit codes
    /// are "91" + county + an organisation code "B" + 7 digits with its GB 11714 check character + the
    /// GB 32100 check character: valid, deterministic and distinct from the demo's all-digit codes.
    /// </summary>
    public static async Task MakeFilesAsync(ChildArgs a, ChildResult r)
    {
        var rows = int.Parse(a["rows"], CultureInfo.InvariantCulture);
        var output = a["out"];
        Directory.CreateDirectory(output);
        var scratch = Path.Combine(output, "scratch.db");
        File.Copy(a["base"], scratch, overwrite: true);
        await using (var raw = new SqliteConnection($"Data Source={scratch};Foreign Keys=False"))
        {
            await raw.OpenAsync();
            await using var delete = raw.CreateCommand();
            delete.CommandText = "DELETE FROM enterprises";
            await delete.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var options = Children.Sqlite(scratch);
        await using (var db = options.CreateContext(JurisdictionScope.Province("bench")))
        {
            db.EnsureDivisionsLoaded();
            var clusters = (await db.Clusters.AsNoTracking().Select(c => new { c.Code, c.County }).ToListAsync())
                .OrderBy(c => c.Code.Value, StringComparer.Ordinal).ToList();
            var random = new Random(int.Parse(a["seed"], CultureInfo.InvariantCulture));
            IEnumerable<Enterprise> Synthetic()
            {
                for (var i = 0; i < rows; i++)
                {
                    var cluster = clusters[i % clusters.Count];
                    var leading = random.Next(100) < 45;
                    yield return new Enterprise
                    {
                        CreditCode = DemoRows.CreditCode("91", cluster.County.Value, string.Create(CultureInfo.InvariantCulture, $"B{i:0000000}")),
                        Name = $"河南{Surnames[random.Next(Surnames.Length)]}{Words[random.Next(Words.Length)]}{Words[random.Next(Words.Length)]}{Trades[random.Next(Trades.Length)]}有限公司",
                        Industry = IndustryCode.Of(Industries[random.Next(Industries.Length)]),
                        County = cluster.County,
                        Cluster = cluster.Code,
                        InLeadingIndustry = leading,
                        IndustryLeader = false,
                        RegisteredOn = new DateOnly(2000, 1, 1).AddDays(random.Next(5000)),
                        Employees = 20 + random.Next(2000),
                    };
                }
            }

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await new BulkWriter(db).WriteAsync(Synthetic(), e => db.DivisionDirectory.PathOf(e));
                await transaction.CommitAsync();
            }

            var exporter = new Exporter(db);
            var stopwatch = Stopwatch.StartNew();
            r["csv_rows"] = await exporter.ExportAsync(Entity, Path.Combine(output, Entity + ".csv"), ExportFormat.Csv);
            r["csv_export_seconds"] = stopwatch.Elapsed.TotalSeconds;
            Children.Say($"exported {r["csv_rows"]:N0} rows to CSV in {stopwatch.Elapsed.TotalSeconds:0.0} s");
            stopwatch.Restart();
            r["xlsx_rows"] = await exporter.ExportAsync(Entity, Path.Combine(output, Entity + ".xlsx"), ExportFormat.Xlsx);
            r["xlsx_export_seconds"] = stopwatch.Elapsed.TotalSeconds;
            Children.Say($"exported {r["xlsx_rows"]:N0} rows to XLSX in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        }

        SqliteConnection.ClearAllPools();
        File.Delete(scratch);
    }

    /// <summary>The demo province in a PostgreSQL database used as a template, created once per seed and code version.</summary>
    public static async Task PostgresTemplateAsync(ChildArgs a, ChildResult r)
    {
        var admin = a["pg"];
        var name = a["template"];
        var building = name + "_building";
        await using (var connection = await OpenAdminAsync(admin))
        {
            if (await ExistsAsync(connection, name))
            {
                r["created"] = 0;
                return;
            }

            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            await ExecuteAsync(connection, $"CREATE DATABASE \"{building}\"");
        }

        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = ConnectionTo(admin, building) };
        var stopwatch = Stopwatch.StartNew();
        await DatabaseMigrator.MigrateAsync(options);
        await using (var db = options.CreateContext(JurisdictionScope.Province("bench")))
        {
            await new DemoGenerator(db).GenerateAsync(new DemoOptions(int.Parse(a["seed"], CultureInfo.InvariantCulture), DemoScale.Province));
        }

        NpgsqlConnection.ClearAllPools();
        await using (var connection = await OpenAdminAsync(admin))
        {
            await ExecuteAsync(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        }

        r["created"] = 1;
        r["seconds"] = stopwatch.Elapsed.TotalSeconds;
        Children.Say($"PostgreSQL template {name}: demo province generated in {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// <see cref="Importer.ImportAsync"/> of one file, timed from the call to the committed result, into a
    /// fresh copy of the demo province (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL).
    /// </summary>
    public static async Task ImportAsync(ChildArgs a, ChildResult r)
    {
        var file = a["file"];
        var (options, cleanup) = await FreshTargetAsync(a);
        try
        {
            await DatabaseMigrator.MigrateAsync(options);
            await using var db = options.CreateContext(JurisdictionScope.Province("bench"));
            var cpu = CpuAccount.Start();
            var stopwatch = Stopwatch.StartNew();
            var checkedAt = 0.0;
            var lastSaid = Stopwatch.StartNew();
            var report = await new Importer(db).ImportAsync(file, null, new InlineProgress<long>(n =>
            {
                checkedAt = stopwatch.Elapsed.TotalSeconds;
                if (lastSaid.Elapsed.TotalSeconds >= 15)
                {
                    lastSaid.Restart();
                    Children.Say($"checked {n:N0} rows");
                }
            }));
            stopwatch.Stop();
            cpu.Record(r);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException($"import refused: {report.TotalErrors} errors, first: " + string.Join(" | ", report.Errors.Take(3).Select(e => $"{e.Sheet} row {e.Row} {e.Column}: {e.Message}")));
            }

            var rows = report.RowsWritten.Values.Sum();
            r["seconds"] = stopwatch.Elapsed.TotalSeconds;
            r["rows"] = rows;
            r["rows_per_second"] = rows / stopwatch.Elapsed.TotalSeconds;
            r["check_seconds"] = checkedAt;
            r["write_seconds"] = stopwatch.Elapsed.TotalSeconds - checkedAt;
            r["file_bytes"] = new FileInfo(file).Length;
            Children.Say($"imported {rows:N0} rows in {stopwatch.Elapsed.TotalSeconds:0.0} s (read and checked, with the writing alongside, in {checkedAt:0.0} s)");
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary>
    /// The baseline: the same file's rows, read with the same readers' libraries (Sylvan for CSV, MiniExcel for
    /// XLSX), written raw into a plain table of text columns with no checks — prepared INSERTs in one
    /// transaction on SQLite; COPY on PostgreSQL (the CSV file's bytes as they are, or binary COPY of the XLSX's rows).
    /// </summary>
    public static async Task RawAsync(ChildArgs a, ChildResult r)
    {
        var file = a["file"];
        var xlsx = file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        var (options, cleanup) = await FreshTargetAsync(a);
        try
        {
            await DatabaseMigrator.MigrateAsync(options);
            var columns = ImportCatalog.Find(Entity)!.Columns.Select(c => c.Key).ToList();
            var create = $"CREATE TABLE bench_raw_enterprises ({string.Join(", ", columns.Select(c => $"\"{c}\" TEXT"))})";
            long rows;
            var stopwatch = new Stopwatch();
            CpuAccount? cpu = null;
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                await using var connection = new SqliteConnection(options.EffectiveConnectionString);
                await connection.OpenAsync();
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = create;
                    await command.ExecuteNonQueryAsync();
                }

                cpu = CpuAccount.Start();
                stopwatch.Start();
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO bench_raw_enterprises VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
                var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) })).ToArray();
                insert.Prepare();
                rows = 0;
                foreach (var values in ReadRows(file, xlsx, columns.Count))
                {
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        parameters[i].Value = values[i] is { Length: > 0 } v ? v : DBNull.Value;
                    }

                    insert.ExecuteNonQuery();
                    rows++;
                }

                await transaction.CommitAsync();
            }
            else
            {
                await using var connection = new NpgsqlConnection(options.EffectiveConnectionString);
                await connection.OpenAsync();
                await using (var command = new NpgsqlCommand(create, connection))
                {
                    await command.ExecuteNonQueryAsync();
                }

                cpu = CpuAccount.Start();
                stopwatch.Start();
                if (!xlsx)
                {
                    await CopyCsvAsync(connection, "bench_raw_enterprises", file);

                    await using var count = new NpgsqlCommand("SELECT count(*) FROM bench_raw_enterprises", connection);
                    rows = (long)(await count.ExecuteScalarAsync())!;
                }
                else
                {
                    rows = 0;
                    await using var copy = await connection.BeginBinaryImportAsync("COPY bench_raw_enterprises FROM STDIN (FORMAT BINARY)");
                    foreach (var values in ReadRows(file, xlsx, columns.Count))
                    {
                        await copy.StartRowAsync();
                        foreach (var v in values)
                        {
                            if (v is { Length: > 0 })
                            {
                                await copy.WriteAsync(v, NpgsqlTypes.NpgsqlDbType.Text);
                            }
                            else
                            {
                                await copy.WriteNullAsync();
                            }
                        }

                        rows++;
                    }

                    await copy.CompleteAsync();
                }
            }

            stopwatch.Stop();
            cpu?.Record(r);
            r["seconds"] = stopwatch.Elapsed.TotalSeconds;
            r["rows"] = rows;
            r["rows_per_second"] = rows / stopwatch.Elapsed.TotalSeconds;
            Children.Say($"raw: {rows:N0} rows in {stopwatch.Elapsed.TotalSeconds:0.00} s");
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary>
    /// What the database alone takes to put the same rows into the same table: the CSV's rows are first loaded, untimed,
    /// into a plain table in the same database, with the values Jiju stores (是/否 as 1/0 or booleans, the owner path of
    /// the row's cluster); then one <c>INSERT INTO enterprises … SELECT</c> and its commit are timed. No parsing, no
    /// checks, no binding. SQLite runs it with the connection's foreign keys on, so it maintains the same primary key,
    /// indexes and checks as for the import; PostgreSQL with the foreign keys' triggers off for the transaction, as the
    /// import turns them off (ADR 0011), so it maintains the same primary key and indexes.
    /// </summary>
    public static async Task TableAsync(ChildArgs a, ChildResult r)
    {
        var file = a["file"];
        var (options, cleanup) = await FreshTargetAsync(a);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            try
            {
                await PostgresTableAsync(options, file, r);
            }
            finally
            {
                await cleanup();
            }

            return;
        }

        try
        {
            await DatabaseMigrator.MigrateAsync(options);
            var columns = ImportCatalog.Find(Entity)!.Columns.Select(c => c.Key).ToList();
            await using var connection = new SqliteConnection(options.EffectiveConnectionString);
            await connection.OpenAsync();
            async Task ExecuteAsync(string sql, SqliteTransaction? transaction = null)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }

            await ExecuteAsync($"CREATE TABLE bench_staging ({string.Join(", ", columns.Select(c => $"\"{c}\" TEXT"))})");
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO bench_staging VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
                var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) })).ToArray();
                insert.Prepare();
                foreach (var values in ReadRows(file, xlsx: false, columns.Count))
                {
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        parameters[i].Value = values[i] is { Length: > 0 } v ? v : DBNull.Value;
                    }

                    insert.ExecuteNonQuery();
                }

                await transaction.CommitAsync();
            }

            // The stored form, made before the clock starts: the values as Jiju writes them, and each row's owner path.
            await ExecuteAsync(
                "CREATE TABLE bench_ready AS SELECT s.credit_code, s.name, s.industry, s.county, s.cluster, " +
                "CASE s.in_leading_industry WHEN '是' THEN 1 ELSE 0 END AS in_leading_industry, " +
                "CASE s.industry_leader WHEN '是' THEN 1 ELSE 0 END AS industry_leader, s.registered_on, " +
                "CAST(s.employees AS INTEGER) AS employees, c.owner_path FROM bench_staging s JOIN clusters c ON c.code = s.cluster ORDER BY s.rowid");
            await using (var count = connection.CreateCommand())
            {
                count.CommandText = "SELECT (SELECT count(*) FROM bench_staging) - (SELECT count(*) FROM bench_ready)";
                if ((long)(await count.ExecuteScalarAsync())! != 0)
                {
                    throw new InvalidOperationException("some rows have no cluster in the database");
                }
            }

            var stopwatch = Stopwatch.StartNew();
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
            {
                await ExecuteAsync(
                    "INSERT INTO enterprises (credit_code, name, industry, county, cluster, in_leading_industry, industry_leader, registered_on, employees, owner_path) " +
                    "SELECT credit_code, name, industry, county, cluster, in_leading_industry, industry_leader, registered_on, employees, owner_path FROM bench_ready",
                    transaction);
                await transaction.CommitAsync();
            }

            stopwatch.Stop();
            await using var written = connection.CreateCommand();
            written.CommandText = "SELECT count(*) FROM bench_ready";
            var rows = (long)(await written.ExecuteScalarAsync())!;
            r["seconds"] = stopwatch.Elapsed.TotalSeconds;
            r["rows"] = rows;
            r["rows_per_second"] = rows / stopwatch.Elapsed.TotalSeconds;
            Children.Say($"SQLite alone into enterprises: {rows:N0} rows in {stopwatch.Elapsed.TotalSeconds:0.00} s");
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary><see cref="TableAsync"/> on PostgreSQL: the file loaded untimed by COPY, then one INSERT … SELECT timed.</summary>
    private static async Task PostgresTableAsync(DatabaseOptions options, string file, ChildResult r)
    {
        await DatabaseMigrator.MigrateAsync(options);
        var columns = ImportCatalog.Find(Entity)!.Columns.Select(c => c.Key).ToList();
        await using var connection = new NpgsqlConnection(options.EffectiveConnectionString);
        await connection.OpenAsync();
        async Task ExecuteAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }

        await ExecuteAsync($"CREATE TABLE bench_staging ({string.Join(", ", columns.Select(c => $"\"{c}\" text"))})");
        await CopyCsvAsync(connection, "bench_staging", file);

        // The stored form, made before the clock starts, in the file's order: an export's, by credit code in byte order.
        await ExecuteAsync(
            "CREATE TABLE bench_ready AS SELECT s.credit_code, s.name, s.industry, s.county, s.cluster, " +
            "s.in_leading_industry = '是' AS in_leading_industry, s.industry_leader = '是' AS industry_leader, " +
            "CAST(NULLIF(s.registered_on, '') AS date) AS registered_on, CAST(NULLIF(s.employees, '') AS integer) AS employees, " +
            "c.owner_path FROM bench_staging s JOIN clusters c ON c.code = s.cluster ORDER BY s.credit_code COLLATE \"C\"");
        await using (var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM bench_staging) - (SELECT count(*) FROM bench_ready)", connection))
        {
            if ((long)(await count.ExecuteScalarAsync())! != 0)
            {
                throw new InvalidOperationException("some rows have no cluster in the database");
            }
        }

        await ExecuteAsync("CHECKPOINT");
        var cpu = CpuAccount.Start();
        var stopwatch = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await ExecuteAsync("SET LOCAL session_replication_role = replica");
            await ExecuteAsync(
                "INSERT INTO enterprises (credit_code, name, industry, county, cluster, in_leading_industry, industry_leader, registered_on, employees, owner_path) " +
                "SELECT credit_code, name, industry, county, cluster, in_leading_industry, industry_leader, registered_on, employees, owner_path FROM bench_ready");
            await transaction.CommitAsync();
        }

        stopwatch.Stop();
        cpu.Record(r);
        await using var written = new NpgsqlCommand("SELECT count(*) FROM bench_ready", connection);
        var rows = (long)(await written.ExecuteScalarAsync())!;
        r["seconds"] = stopwatch.Elapsed.TotalSeconds;
        r["rows"] = rows;
        r["rows_per_second"] = rows / stopwatch.Elapsed.TotalSeconds;
        Children.Say($"PostgreSQL alone into enterprises: {rows:N0} rows in {stopwatch.Elapsed.TotalSeconds:0.00} s");
    }

    /// <summary>The CSV file's bytes as they are, by text COPY into <paramref name="table"/> (its header row skipped).</summary>
    private static async Task CopyCsvAsync(NpgsqlConnection connection, string table, string file)
    {
        await using var copy = await connection.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)");
        using var input = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var buffer = new char[1 << 16];
        int read;
        while ((read = await input.ReadAsync(buffer)) > 0)
        {
            await copy.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    /// <summary>The data rows of the file as text, in column order (the export writes the template's columns in order).</summary>
    private static IEnumerable<string?[]> ReadRows(string file, bool xlsx, int columns)
    {
        if (xlsx)
        {
            foreach (IDictionary<string, object?> row in MiniExcel.Query(file, useHeaderRow: false, sheetName: Entity).Skip(1))
            {
                var values = new string?[columns];
                var i = 0;
                foreach (var cell in row.Values.Take(columns))
                {
                    values[i++] = cell switch
                    {
                        null => null,
                        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => cell.ToString(),
                    };
                }

                yield return values;
            }

            yield break;
        }

        using var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        while (csv.Read())
        {
            var values = new string?[columns];
            for (var i = 0; i < columns; i++)
            {
                values[i] = csv.GetString(i);
            }

            yield return values;
        }
    }

    /// <summary>A fresh copy of the demo province to import into, and how to remove it afterwards (untimed).</summary>
    private static async Task<(DatabaseOptions Options, Func<Task> Cleanup)> FreshTargetAsync(ChildArgs a)
    {
        if (a["provider"] == "sqlite")
        {
            var target = a["target"];
            File.Copy(a["base"], target, overwrite: true);
            Task RemoveFile()
            {
                SqliteConnection.ClearAllPools();
                File.Delete(target);
                return Task.CompletedTask;
            }

            return (Children.Sqlite(target), RemoveFile);
        }

        var admin = a["pg"];
        var name = a["target"];
        await using (var connection = await OpenAdminAsync(admin))
        {
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\" TEMPLATE \"{a["template"]}\"");
        }

        async Task DropDatabase()
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = await OpenAdminAsync(admin);
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        return (new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = ConnectionTo(admin, name) }, DropDatabase);
    }

    public static string ConnectionTo(string admin, string database) => new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;

    public static async Task<NpgsqlConnection> OpenAdminAsync(string admin)
    {
        var builder = new NpgsqlConnectionStringBuilder(admin) { Pooling = false };
        builder.Database ??= "postgres";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string database)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
