using System.Reflection;
using Jiju.Domain.Common;
using Jiju.Policy.Cases;

namespace Jiju.Policy.Engine;

/// <summary>A field of a rule's facts or result, as a case-file writer needs it: name, label, type, unit, whether required.</summary>
public sealed record FieldDescription(string Name, string Label, string Type, string? Unit, bool Required, IReadOnlyList<FieldDescription>? Fields = null);

/// <summary>What a rule reads and produces, generated from its code (for `jiju rules list --json` and docs/cases.md).</summary>
public sealed record RuleDescription(string Id, int Article, string Title, string Clause, IReadOnlyList<string> Parameters, IReadOnlyList<FieldDescription> Facts, IReadOnlyList<FieldDescription> Result)
{
    public static RuleDescription Of(IRule rule) =>
        new(rule.Id, rule.Article.Number, rule.Title, rule.Article.Clause, rule.ParameterIds, Fields(rule.FactsType, 0), Fields(rule.ResultType, 0));

    private static List<FieldDescription> Fields(Type type, int depth) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p =>
            {
                var zh = p.GetCustomAttribute<ZhAttribute>();
                var required = p.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null
                    || (type.GetConstructors().FirstOrDefault()?.GetParameters().Any(c => c.Name == p.Name) ?? false);
                var element = Element(p.PropertyType);
                var nested = element is not null && IsRecord(element) && depth < 3 ? Fields(element, depth + 1)
                    : IsRecord(p.PropertyType) && depth < 3 ? Fields(p.PropertyType, depth + 1)
                    : null;
                return new FieldDescription(ValueBinder.Snake(p.Name), zh?.Term ?? p.Name, TypeName(p.PropertyType), zh?.Unit, required, nested);
            })
            .ToList();

    private static bool IsRecord(Type t) => t.IsClass && t != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(t);

    private static Type? Element(Type t) =>
        t.IsGenericType && t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0] : null;

    public static string TypeName(Type t)
    {
        if (Nullable.GetUnderlyingType(t) is { } inner)
        {
            return TypeName(inner) + "?";
        }

        if (Element(t) is { } element)
        {
            return $"list of {TypeName(element)}";
        }

        if (t.IsEnum)
        {
            return $"{t.Name} ({string.Join(" / ", Enum.GetNames(t))})";
        }

        return t == typeof(decimal) ? "number"
            : t == typeof(int) ? "integer"
            : t == typeof(bool) ? "boolean"
            : t == typeof(string) ? "text"
            : t == typeof(DateOnly) ? "date (yyyy-MM-dd)"
            : t == typeof(Money) ? "money (yuan)"
            : t == typeof(Area) ? "area (m²)"
            : t.Name;
    }
}
