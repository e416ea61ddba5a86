using System.Reflection;
using Jiju.Domain.Common;

namespace Jiju.Domain.Tests;

/// <summary>The glossary grows with the code: every identifier with a Chinese term must be in docs/glossary.md.</summary>
public sealed class GlossaryTests
{
    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(Jiju.Tests.Repository.File("docs", "glossary.md")));

    public static TheoryData<string, string> Terms()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(ZhAttribute).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<ZhAttribute>() is { } typeTerm)
            {
                data.Add($"`{type.Name}`", typeTerm.Term);
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<ZhAttribute>() is { } term)
                {
                    data.Add($"`{type.Name}.{property.Name}`", term.Term);
                }
            }

            if (type.IsEnum)
            {
                foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    if (field.GetCustomAttribute<ZhAttribute>() is { } term)
                    {
                        data.Add($"`{type.Name}.{field.Name}`", term.Term);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Terms))]
    public void EveryIdentifierWithAChineseTerm_IsInTheGlossary(string identifier, string term) =>
        Assert.True(
            Lines.Value.Any(l => l.Contains(identifier, StringComparison.Ordinal) && l.Contains(term, StringComparison.Ordinal)),
            $"docs/glossary.md 缺少 {identifier}（{term}）：运行 python3 docs/tools/glossary.py > docs/glossary.md");
}
