using Jiju.Policy.Cases;

namespace Jiju.Policy.Tests;

/// <summary>Every case file under Cases/ runs and passes: the rules' boundaries, written as the regulation reads.</summary>
public sealed class CaseFileTests
{
    private static string CasesFolder => Path.Combine(AppContext.BaseDirectory, "Cases");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(CasesFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            foreach (var result in CaseRunner.Run(Path.GetFileName(file), File.ReadAllText(file)))
            {
                data.Add(Path.GetFileName(file), result.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_Passes(string file, string name)
    {
        var result = CaseRunner.Run(file, File.ReadAllText(Path.Combine(CasesFolder, file))).Single(r => r.Name == name);

        Assert.True(result.Passed, string.Join("\n", result.Differences) + "\n" + result.Decision?.Trace.ToChinese());
    }
}
