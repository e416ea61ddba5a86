using MiniExcelLibs;

namespace Jiju.Data.Import;

/// <summary>Empty import files for users to fill in: the header row, and for XLSX a “说明” sheet explaining each column.</summary>
public static class ImportTemplates
{
    private static readonly string[] Notes =
    [
        "1. 第1行为列名，请勿修改；从第2行起每行一条数据。列的顺序可以调整，选填列可以删除。",
        "2. 日期写作 yyyy-MM-dd（如 2024-03-15），金额以元为单位、最多两位小数，面积以平方米为单位（数字后加“亩”则按亩换算）。",
        "3. 导入只新增数据，不修改已有数据；文件中任何一处有误，整个文件都不会导入，请按错误报告逐条更正后重新导入。",
        "4. 只能导入本用户管辖范围内的数据；引用的集聚区、企业、项目、宗地等须已在系统中，或在同一文件中先行导入。",
        "5. 本“说明”工作表在导入时会被忽略。",
    ];

    /// <summary>Writes the template of <paramref name="entityKey"/> (key or Chinese name) to <paramref name="path"/>, replacing it.</summary>
    public static void Write(string entityKey, string path, ExportFormat format)
    {
        var entity = ImportCatalog.Find(entityKey)
            ?? throw new ArgumentException($"未知的数据类别“{entityKey}”；可用：{string.Join("、", ImportCatalog.All.Select(e => $"{e.Key}（{e.ZhName}）"))}", nameof(entityKey));
        FileWriting.WriteReplacing(path, temporary =>
        {
            if (format == ExportFormat.Csv)
            {
                File.WriteAllText(temporary, FileWriting.CsvLine(entity.Columns.Select(c => c.Header)), FileWriting.CsvEncoding);
            }
            else
            {
                WriteXlsx(entity, temporary);
            }
        });
    }

    private static void WriteXlsx(ImportEntity entity, string path)
    {
        (string Key, string Header)[] instructionColumns =
        [
            ("zh_header", "列名"), ("zh_key", "字段键"), ("zh_required", "必填"), ("zh_unit", "单位"), ("zh_description", "类型与取值说明"),
        ];
        var instructions = new List<Dictionary<string, object?>>
        {
            instructionColumns.ToDictionary(c => c.Key, c => (object?)c.Header, StringComparer.Ordinal),
        };
        foreach (var column in entity.Columns)
        {
            instructions.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["zh_header"] = column.Header,
                ["zh_key"] = column.Key,
                ["zh_required"] = column.Required ? "是" : "否",
                ["zh_unit"] = column.Unit,
                ["zh_description"] = column.TypeDescription,
            });
        }

        instructions.Add(instructionColumns.ToDictionary(c => c.Key, _ => (object?)null, StringComparer.Ordinal));
        instructions.AddRange(Notes.Select(note => instructionColumns.ToDictionary(c => c.Key, c => c.Key == "zh_header" ? (object?)note : null, StringComparer.Ordinal)));

        var configuration = FileWriting.XlsxConfiguration(
            entity.Columns.Select(c => (c.Key, c.Header, (string?)null))
                .Concat(instructionColumns.Select(c => (c.Key, c.Key == "zh_description" ? new string('宽', 40) : c.Header, (string?)null))));
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [entity.Key] = new[] { FileWriting.HeaderRow(entity) },
            [ImportText.InstructionsSheet] = instructions,
        };
        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        MiniExcel.SaveAs(stream, sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration);
    }
}
