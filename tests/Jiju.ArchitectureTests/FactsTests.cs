using System.Reflection;
using System.Runtime.CompilerServices;
using Jiju.Policy.Engine;

namespace Jiju.ArchitectureTests;

/// <summary>
/// A trace describes a decision's facts when it is read, not when the decision is made (a sweep makes millions of
/// decisions and reads the traces of its findings only). That is the same description only if facts cannot change:
/// every property of every rule's facts, and of the facts they contain, must be init-only or get-only.
/// </summary>
public sealed class FactsTests
{
    [Fact]
    public void EveryRulesFacts_CannotBeChangedAfterTheDecision()
    {
        var mutable = new List<string>();
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(RuleCatalog.All.Select(r => r.FactsType));
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (IsMutable(property))
                {
                    mutable.Add($"{type.Name}.{property.Name}");
                }

                foreach (var inner in ElementTypes(property.PropertyType).Where(t => t.Assembly == typeof(RuleCatalog).Assembly && t.IsClass))
                {
                    pending.Enqueue(inner);
                }
            }
        }

        Assert.True(seen.Count > RuleCatalog.All.Count / 2, "the walk should reach the facts types");
        Assert.True(mutable.Count == 0, "事实属性须不可变（init）：" + string.Join("、", mutable));
    }

    [Fact]
    public void TheCheck_TellsASetterFromAnInitAccessor()
    {
        Assert.True(IsMutable(typeof(Example).GetProperty(nameof(Example.Settable))!));
        Assert.False(IsMutable(typeof(Example).GetProperty(nameof(Example.InitOnly))!));
    }

    private static bool IsMutable(PropertyInfo property) =>
        property.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static IEnumerable<Type> ElementTypes(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(ElementTypes) : [type];

    private sealed class Example
    {
        public int Settable { get; set; }

        public int InitOnly { get; init; }
    }
}
