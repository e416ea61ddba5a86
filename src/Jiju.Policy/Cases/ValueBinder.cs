using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Jiju.Domain.Common;
using YamlDotNet.RepresentationModel;

namespace Jiju.Policy.Cases;

/// <summary>
/// Turns YAML from a case file into typed facts, and compares a rule's result with what a case expects.
/// Names may be snake_case (agreed_start) or as in the code (AgreedStart); enums accept the member name
/// or its Chinese label; codes accept whatever their value object's Parse accepts.
/// </summary>
internal static class ValueBinder
{
    public static object? Bind(YamlNode node, Type type, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" } && (underlying is not null || !type.IsValueType))
        {
            return null;
        }

        type = underlying ?? type;
        if (node is YamlScalarNode scalar)
        {
            return Scalar(scalar.Value!, type, path);
        }

        if (node is YamlSequenceNode sequence && ElementType(type) is { } element)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            var i = 0;
            foreach (var item in sequence.Children)
            {
                list.Add(Bind(item, element, $"{path}[{i++}]"));
            }

            return list;
        }

        if (node is YamlMappingNode mapping && type.IsClass && type != typeof(string))
        {
            var instance = Activator.CreateInstance(type) ?? throw new CaseException($"{path}：无法构造 {type.Name}");
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
            var seen = new HashSet<PropertyInfo>();
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                var property = properties.FirstOrDefault(p => Matches(p.Name, key))
                    ?? throw new CaseException($"{path}.{key}：{type.Name} 没有这一项；可用：{string.Join(", ", properties.Select(p => Snake(p.Name)))}");
                property.SetValue(instance, Bind(valueNode, property.PropertyType, $"{path}.{key}"));
                seen.Add(property);
            }

            var missing = properties.Where(p => p.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null && !seen.Contains(p)).ToList();
            return missing.Count == 0
                ? instance
                : throw new CaseException($"{path}：缺少必填项 {string.Join(", ", missing.Select(p => Snake(p.Name)))}");
        }

        throw new CaseException($"{path}：应为{Describe(type)}");
    }

    private static object Scalar(string text, Type type, string path)
    {
        try
        {
            if (type == typeof(string))
            {
                return text;
            }

            if (type == typeof(decimal))
            {
                return decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
            }

            if (type == typeof(int))
            {
                return int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
            }

            if (type == typeof(bool))
            {
                return text switch
                {
                    "true" or "是" or "yes" => true,
                    "false" or "否" or "no" => false,
                    _ => throw new FormatException(),
                };
            }

            if (type == typeof(DateOnly))
            {
                return DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            if (type == typeof(Money))
            {
                // As any amount in Jiju: yuan, at most to the fen. A sign is allowed: results carry changes
                // (a tax share down on last year), and rules are tested on the negative input they must refuse.
                var money = Money.Parse(text, allowNegative: true);
                return money.IsValid ? money.Value : throw new CaseException($"{path}：{money.Error}");
            }

            if (type == typeof(Area))
            {
                return new Area(decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture));
            }

            if (type.IsEnum)
            {
                foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    if (Matches(field.Name, text) || field.GetCustomAttribute<ZhAttribute>()?.Term == text)
                    {
                        return field.GetValue(null)!;
                    }
                }

                throw new CaseException($"{path}：“{text}”不是 {type.Name} 的取值；可用：{string.Join(", ", Enum.GetNames(type))}");
            }

            var parse = type.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string)]);
            if (parse is not null && parse.ReturnType.IsGenericType && parse.ReturnType.GetGenericTypeDefinition() == typeof(ParseResult<>))
            {
                var result = parse.Invoke(null, [text])!;
                var error = (string?)parse.ReturnType.GetProperty(nameof(ParseResult<int>.Error))!.GetValue(result);
                return error is null ? parse.ReturnType.GetProperty(nameof(ParseResult<int>.Value))!.GetValue(result)! : throw new CaseException($"{path}：{error}");
            }
        }
        catch (FormatException)
        {
            throw new CaseException($"{path}：“{text}”不是{Describe(type)}");
        }
        catch (OverflowException)
        {
            throw new CaseException($"{path}：“{text}”超出{Describe(type)}的范围");
        }

        throw new CaseException($"{path}：不支持的类型 {type.Name}");
    }

    /// <summary>Differences between what a case expects (possibly a subset of fields) and what came out.</summary>
    public static IEnumerable<string> Compare(YamlNode expected, object? actual, Type declared, string path)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (expected is YamlMappingNode && actual is null)
        {
            yield return $"{path}：期望有结果，实际无结果";
            yield break;
        }

        if (expected is YamlMappingNode mapping && type.IsClass)
        {
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                var property = type.GetProperties().FirstOrDefault(p => Matches(p.Name, key));
                if (property is null)
                {
                    yield return $"{path}.{key}：结果中没有这一项（{type.Name} 有：{string.Join(", ", type.GetProperties().Select(p => Snake(p.Name)))}）";
                    continue;
                }

                foreach (var difference in Compare(valueNode, property.GetValue(actual), property.PropertyType, $"{path}.{key}"))
                {
                    yield return difference;
                }
            }

            yield break;
        }

        object? want;
        string? problem = null;
        try
        {
            want = Bind(expected, declared, path);
        }
        catch (CaseException e)
        {
            want = null;
            problem = e.Message;
        }

        if (problem is not null)
        {
            yield return problem;
        }
        else if (!Equal(want, actual))
        {
            yield return $"{path}：期望 {Show(want)}，实际 {Show(actual)}";
        }
    }

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (decimal x, decimal y) => x == y,
        (Money x, Money y) => x.Yuan == y.Yuan,
        _ => Equals(a, b),
    };

    public static string Show(object? value) => value is null ? "（无）" : Engine.FactFormatting.Format(value);

    public static string Snake(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static bool Matches(string name, string key) =>
        string.Equals(name, key, StringComparison.OrdinalIgnoreCase) || string.Equals(Snake(name), key, StringComparison.OrdinalIgnoreCase);

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable).IsAssignableFrom(type) ? element : null;

    private static string Describe(Type type) =>
        type == typeof(decimal) || type == typeof(int) ? "数字"
        : type == typeof(DateOnly) ? "日期（yyyy-MM-dd）"
        : type == typeof(bool) ? "true/false"
        : type == typeof(Money) ? "金额（元）"
        : type.Name;
}

/// <summary>A case file or case that cannot be run as written.</summary>
public sealed class CaseException(string message) : Exception(message);
