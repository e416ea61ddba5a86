namespace Jiju.Policy.Engine;

/// <summary>Every rule in the Policy assembly, found by reflection, by id.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<IRule>> LazyAll = new(() =>
        typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IRule).IsAssignableFrom(t))
            .Select(t => (IRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Article.Number)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<IRule> All => LazyAll.Value;

    public static IRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
