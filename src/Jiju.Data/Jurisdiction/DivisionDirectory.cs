using Jiju.Domain.Clusters;
using Jiju.Domain.Divisions;

namespace Jiju.Data.Jurisdiction;

/// <summary>
/// The division tree in memory (a few thousand nodes at most), for turning an owner into its
/// path. Built from the divisions table; rebuilt when divisions are loaded or changed.
/// </summary>
public sealed class DivisionDirectory
{
    private Dictionary<string, Division> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool IsLoaded { get; private set; }

    public int Count => _byCode.Count;

    public void Load(IEnumerable<Division> divisions)
    {
        lock (_lock)
        {
            _byCode = divisions.ToDictionary(d => d.Code.Value, StringComparer.Ordinal);
            _paths.Clear();
            IsLoaded = true;
        }
    }

    public Division? Find(DivisionCode code) => _byCode.GetValueOrDefault(code.Value);

    public bool Contains(DivisionCode code) => _byCode.ContainsKey(code.Value);

    public IEnumerable<Division> All => _byCode.Values;

    public IEnumerable<Division> ChildrenOf(DivisionCode code) => _byCode.Values.Where(d => d.Parent == code);

    /// <summary>The path of a division: its ancestors' codes and its own, each followed by '/'.</summary>
    public string PathOf(DivisionCode code)
    {
        lock (_lock)
        {
            if (_paths.TryGetValue(code.Value, out var cached))
            {
                return cached;
            }

            var parts = new Stack<string>();
            var current = Find(code) ?? throw new KeyNotFoundException($"未知的行政区划代码“{code}”");
            var guard = 0;
            while (true)
            {
                parts.Push(current.Code.Value);
                if (current.Parent is not { } parent || ++guard > 8)
                {
                    break;
                }

                current = Find(parent) ?? throw new KeyNotFoundException($"行政区划“{current.Code}”的上级“{parent}”不存在");
            }

            var path = string.Concat(parts.Select(p => p + "/"));
            _paths[code.Value] = path;
            return path;
        }
    }

    public string PathOf(DivisionCode division, ClusterCode? cluster) =>
        cluster is { } c ? PathOf(c.County) + c.Value + "/" : PathOf(division);

    /// <summary>The path of the node that owns a record: its cluster's, or else its county's.</summary>
    public string PathOf(Domain.Common.IJurisdictionOwned owned) => PathOf(owned.OwnerDivision, owned.OwnerCluster);

    /// <summary>The prefecture-level unit a division belongs to (济源 is its own); the division itself above county level.</summary>
    public Division? CityOf(DivisionCode code)
    {
        var division = Find(code);
        while (division is { Level: DivisionLevel.County, Parent: { } parent })
        {
            division = Find(parent);
        }

        return division;
    }

    /// <summary>The scope path for a node code: a division code (6 digits) or a cluster code (8 digits).</summary>
    public string ScopePathOf(string node)
    {
        if (ClusterCode.Parse(node) is { IsValid: true } cluster)
        {
            return PathOf(cluster.Value.County, cluster.Value);
        }

        var division = DivisionCode.Parse(node);
        return division.IsValid && Contains(division.Value)
            ? PathOf(division.Value)
            : throw new KeyNotFoundException($"“{node}”不是已知的行政区划代码或集聚区代码");
    }
}
