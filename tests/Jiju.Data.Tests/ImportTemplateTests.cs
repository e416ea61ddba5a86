using System.Text;
using Jiju.Data.Import;
using MiniExcelLibs;
using static Jiju.Data.Tests.ImportTests;

namespace Jiju.Data.Tests;

public sealed class ImportTemplateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Template_Csv_IsTheHeaderRowInUtf8WithABom()
    {
        using var folder = new TempFolder();
        var path = folder.File("宗地模板.csv");

        ImportTemplates.Write("宗地", path, ExportFormat.Csv);

        var bytes = await File.ReadAllBytesAsync(path, Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(string.Join(',', ImportCatalog.Find("parcels")!.Columns.Select(c => c.Header)) + "\r\n", text);
        Assert.StartsWith("宗地代码,所在县（市、区）,所在集聚区代码,", text, StringComparison.Ordinal);
        Assert.Contains(",宗地面积（平方米）,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_Xlsx_HasTheHeaderSheetAndAnInstructionsSheetListingEveryColumn()
    {
        using var folder = new TempFolder();
        var path = folder.File("statistics.xlsx");
        var entity = ImportCatalog.Find("statistics")!;

        ImportTemplates.Write("statistics", path, ExportFormat.Xlsx);

        Assert.Equal(["statistics", "说明"], MiniExcel.GetSheetNames(path));
        var header = MiniExcel.Query(path, useHeaderRow: false, sheetName: "statistics").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(entity.Columns.Select(c => c.Header), Assert.Single(header).Values.Cast<string>());

        var instructions = MiniExcel.Query(path, useHeaderRow: false, sheetName: "说明").Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        Assert.Equal(["列名", "字段键", "必填", "单位", "类型与取值说明"], instructions[0]);
        foreach (var column in entity.Columns)
        {
            var line = Assert.Single(instructions, r => Equals(r[0], column.Header));
            Assert.Equal(column.Key, line[1]);
            Assert.Equal(column.Required ? "是" : "否", line[2]);
            Assert.Equal(column.Unit, line[3]);
            Assert.Equal(column.TypeDescription, line[4]);
        }

        Assert.Equal("是", Assert.Single(instructions, r => Equals(r[1], "revenue"))[2]);
        Assert.Equal("否", Assert.Single(instructions, r => Equals(r[1], "version"))[2]);
        Assert.Equal("金额（元，最多两位小数）", Assert.Single(instructions, r => Equals(r[1], "revenue"))[4]);
        Assert.Equal("日期（yyyy-MM-dd，如 2024-03-15）", Assert.Single(instructions, r => Equals(r[1], "submitted_on"))[4]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Template_OfEveryRecordType_ImportsAsAnEmptyFileInBothFormats(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        foreach (var entity in ImportCatalog.All)
        {
            var csv = folder.File($"{entity.Key}.csv");
            var xlsx = folder.File($"{entity.ZhName}模板.xlsx");
            ImportTemplates.Write(entity.Key, csv, ExportFormat.Csv);
            ImportTemplates.Write(entity.Key, xlsx, ExportFormat.Xlsx);

            foreach (var path in new[] { csv, xlsx })
            {
                var report = await ImportAsync(database, path);
                AssertSucceeded(report);
                Assert.Equal(0, report.RowsWritten[entity.Key]);
            }
        }
    }
}
