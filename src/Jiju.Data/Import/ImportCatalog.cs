using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Audit;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jiju.Data.Import;

/// <summary>
/// The record types a user can import and export, derived from the domain classes ([Zh] names,
/// <c>required</c> members) and the EF Core model (table names as keys, keys, foreign keys), in
/// dependency order: a referenced table always comes before the tables that reference it.
/// </summary>
public static class ImportCatalog
{
    // Not user data: the division tree is reference data shipped with Jiju; the rest is Jiju's own bookkeeping.
    private static readonly HashSet<Type> NotImportable = [typeof(Division), typeof(AuditEntry), typeof(MetaEntry), typeof(DemoPlant), typeof(Findings.SweepRun), typeof(Findings.Finding)];

    private static readonly Lazy<IReadOnlyList<ImportEntity>> Entities = new(Build);

    public static IReadOnlyList<ImportEntity> All => Entities.Value;

    /// <summary>By key ("parcels", "parcel-extensions"), Chinese name ("宗地") or class name; case- and whitespace-insensitive.</summary>
    public static ImportEntity? Find(string keyOrName)
    {
        var wanted = ImportText.Normalize(keyOrName).Replace('-', '_');
        return wanted.Length == 0 ? null : All.FirstOrDefault(e => e.Names.Contains(wanted));
    }

    private static List<ImportEntity> Build()
    {
        var model = DesignModel();
        var declared = typeof(JijuDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .OrderBy(p => p.MetadataToken)
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => !NotImportable.Contains(t))
            .ToList();

        var entities = new Dictionary<Type, ImportEntity>();
        foreach (var type in declared)
        {
            var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} 不在数据模型中");
            entities[type] = BuildEntity(type, entityType);
        }

        foreach (var (type, entity) in entities)
        {
            Link(entity, model.FindEntityType(type)!, entities);
        }

        var ordered = DependencyOrder(declared.Select(t => entities[t]).ToList());
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i;
        }

        return ordered;
    }

    /// <summary>The model as EF Core builds it; the provider does not matter for names, keys and references.</summary>
    private static IModel DesignModel()
    {
        var options = new DbContextOptionsBuilder<JijuDbContext>()
            .UseSqlite("Data Source=:memory:")
            .UseSnakeCaseNamingConvention()
            .Options;
        using var db = new JijuDbContext(options, JurisdictionScope.Province("catalog"), new DivisionDirectory());
        return db.Model;
    }

    private static ImportEntity BuildEntity(Type type, IEntityType entityType)
    {
        var zh = type.GetCustomAttribute<ZhAttribute>() ?? throw new InvalidOperationException($"{type.Name} 缺少 [Zh] 中文名称，无法导入");
        var create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(type), typeof(object))).Compile();
        var prototype = create();
        var nullability = new NullabilityInfoContext();
        var columns = new List<ImportColumn>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.GetCustomAttribute<ZhAttribute>() is not { } term
                || (property.Name == "Id" && property.PropertyType == typeof(long)))
            {
                continue;
            }

            var required = property.IsDefined(typeof(RequiredMemberAttribute), inherit: false) && !IsNullable(property, nullability);
            var codec = ValueCodecs.For(property.PropertyType, term.Unit);
            columns.Add(new ImportColumn(property, term, required, codec, columns.Count, Getter(property)(prototype)));
        }

        var entity = new ImportEntity(
            entityType.GetTableName() ?? throw new InvalidOperationException($"{type.Name} 没有表名"),
            zh.Term,
            type,
            columns,
            create,
            typeof(IReferenceData).IsAssignableFrom(type) ? OwnerKind.ReferenceData
                : typeof(IChildRecord).IsAssignableFrom(type) ? OwnerKind.Child
                : typeof(IJurisdictionOwned).IsAssignableFrom(type) ? OwnerKind.Jurisdiction
                : OwnerKind.None);

        var aliases = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            foreach (var alias in column.Aliases)
            {
                if (aliases.TryGetValue(alias, out var other) && other != column)
                {
                    throw new InvalidOperationException($"{type.Name} 的列“{column.Header}”与“{other.Header}”名称冲突");
                }

                aliases[alias] = column;
            }
        }

        entity.ColumnsByAlias = aliases;
        return entity;
    }

    private static bool IsNullable(PropertyInfo property, NullabilityInfoContext context) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : context.Create(property).WriteState != NullabilityState.NotNull;

    /// <summary>Keys (primary and unique), references (foreign keys), the parent of a child record, and versioning.</summary>
    private static void Link(ImportEntity entity, IEntityType entityType, Dictionary<Type, ImportEntity> entities)
    {
        var byProperty = entity.Columns.ToDictionary(c => c.PropertyName, StringComparer.Ordinal);
        List<ImportColumn>? ColumnsOf(IReadOnlyList<IProperty> properties) =>
            properties.All(p => byProperty.ContainsKey(p.Name)) ? properties.Select(p => byProperty[p.Name]).ToList() : null;

        var keys = new List<ImportKey>();
        var primary = entityType.FindPrimaryKey()!;
        if (ColumnsOf(primary.Properties) is { } primaryColumns)
        {
            keys.Add(new ImportKey(primaryColumns, IsPrimary: true));
        }

        foreach (var index in entityType.GetIndexes().Where(i => i.IsUnique))
        {
            if (ColumnsOf(index.Properties) is { } indexColumns)
            {
                keys.Add(new ImportKey(indexColumns, IsPrimary: false));
            }
        }

        entity.Keys = keys;

        // A key with an int Version the user need not fill (ClusterStatistics): corrections are new versions.
        if (keys.FirstOrDefault(k => k.IsPrimary) is { } pk
            && pk.Columns.FirstOrDefault(c => c.PropertyName == "Version" && c.Property.PropertyType == typeof(int) && !c.Required) is { } version)
        {
            var group = pk.Columns.Where(c => c != version).ToList();
            entity.Versioning = new VersionRule(version, group);
            version.TypeDescription = $"整数；留空则由系统编号：首次导入为1，再次导入相同的{string.Join("+", group.Select(c => c.Header))}即为更正，版本号加1，并须填写更正说明";
        }

        var references = new List<ImportReference>();
        foreach (var foreignKey in entityType.GetForeignKeys())
        {
            if (foreignKey.Properties is [var property] && byProperty.TryGetValue(property.Name, out var column))
            {
                var principalType = foreignKey.PrincipalEntityType.ClrType;
                references.Add(new ImportReference(column, principalType, foreignKey.PrincipalKey.Properties[0].Name, entities.GetValueOrDefault(principalType)));
            }
        }

        entity.References = references;
        if (entity.Kind == OwnerKind.Child)
        {
            var parents = references.Where(r => r.Principal is { Kind: OwnerKind.Jurisdiction }).ToList();
            entity.Parent = parents.Count == 1
                ? parents[0]
                : throw new InvalidOperationException($"{entity.ClrType.Name} 是从属记录，但找不到唯一的上级记录外键");
        }
    }

    /// <summary>Parents before children; otherwise the order the context declares its tables.</summary>
    private static List<ImportEntity> DependencyOrder(List<ImportEntity> declared)
    {
        var result = new List<ImportEntity>();
        var placed = new HashSet<ImportEntity>();
        while (result.Count < declared.Count)
        {
            var next = declared.FirstOrDefault(e => !placed.Contains(e)
                && e.References.All(r => r.Principal is null || r.Principal == e || placed.Contains(r.Principal)))
                ?? throw new InvalidOperationException("导入表之间的引用形成了环，无法排定导入顺序");
            result.Add(next);
            placed.Add(next);
        }

        return result;
    }

    internal static Func<object, object?> Getter(PropertyInfo property)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var body = Expression.Convert(Expression.Property(Expression.Convert(target, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, target).Compile();
    }

    internal static Action<object, object?> Setter(PropertyInfo property)
    {
        // Init-only setters are ordinary methods at run time; calling them on a new instance is what an initialiser does.
        var target = Expression.Parameter(typeof(object), "target");
        var value = Expression.Parameter(typeof(object), "value");
        var call = Expression.Call(Expression.Convert(target, property.DeclaringType!), property.SetMethod!, Expression.Convert(value, property.PropertyType));
        return Expression.Lambda<Action<object, object?>>(call, target, value).Compile();
    }
}

/// <summary>One importable record type: its key (the table name), Chinese name and columns.</summary>
public sealed class ImportEntity
{
    internal ImportEntity(string key, string zhName, Type clrType, IReadOnlyList<ImportColumn> columns, Func<object> create, OwnerKind kind)
    {
        Key = key;
        ZhName = zhName;
        ClrType = clrType;
        Columns = columns;
        Create = create;
        Kind = kind;
        Names = [ImportText.Normalize(key), ImportText.Normalize(zhName), ImportText.Normalize(clrType.Name)];
    }

    public string Key { get; }

    public string ZhName { get; }

    public Type ClrType { get; }

    public IReadOnlyList<ImportColumn> Columns { get; }

    internal Func<object> Create { get; }

    internal OwnerKind Kind { get; }

    internal HashSet<string> Names { get; }

    /// <summary>Position in <see cref="ImportCatalog.All"/>: the order sheets are checked and written in.</summary>
    internal int Order { get; set; }

    internal IReadOnlyDictionary<string, ImportColumn> ColumnsByAlias { get; set; } = new Dictionary<string, ImportColumn>();

    internal IReadOnlyList<ImportKey> Keys
    {
        get;
        set
        {
            field = value;
            PrimaryKey = value.FirstOrDefault(k => k.IsPrimary);
        }
    } = [];

    /// <summary>The primary key among <see cref="Keys"/>, if there is one.</summary>
    internal ImportKey? PrimaryKey { get; private set; }

    internal IReadOnlyList<ImportReference> References { get; set; } = [];

    /// <summary>For a child record, the reference to the row it belongs to (and takes its owner from).</summary>
    internal ImportReference? Parent { get; set; }

    internal VersionRule? Versioning { get; set; }

    internal ImportColumn? ColumnFor(string header) => ColumnsByAlias.GetValueOrDefault(ImportText.Normalize(header));

    internal ImportColumn? ColumnForProperty(string propertyOrKey) =>
        Columns.FirstOrDefault(c => c.PropertyName == propertyOrKey || c.Key == propertyOrKey);

    public override string ToString() => $"{Key}（{ZhName}）";
}

/// <summary>One column of an import file: a property with a [Zh] term.</summary>
public sealed class ImportColumn
{
    internal ImportColumn(PropertyInfo property, ZhAttribute zh, bool required, ValueCodec codec, int index, object? defaultValue)
    {
        Property = property;
        Key = ImportText.SnakeCase(property.Name);
        Unit = zh.Unit;
        Header = zh.Unit is null ? zh.Term : $"{zh.Term}（{zh.Unit}）";
        Required = required;
        Codec = codec;
        Index = index;
        Get = ImportCatalog.Getter(property);
        Set = ImportCatalog.Setter(property);

        // An optional column that is not nullable (a flag, a count) takes the class's own default when left empty.
        var emptyMeans = !required && defaultValue is not null && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
            ? $"；留空为{codec.Format(defaultValue)}"
            : string.Empty;
        TypeDescription = codec.Description + emptyMeans;
        Aliases = new[] { zh.Term, Header, $"{zh.Term}({zh.Unit})", Key, property.Name }
            .Select(ImportText.Normalize)
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>snake_case of the property name, accepted as a header too.</summary>
    public string Key { get; }

    /// <summary>The Chinese term, with its unit in （） when it has one.</summary>
    public string Header { get; }

    public bool Required { get; }

    /// <summary>What to fill in, in Chinese: the format, unit or allowed values.</summary>
    public string TypeDescription { get; internal set; }

    public string? Unit { get; }

    public string PropertyName => Property.Name;

    internal PropertyInfo Property { get; }

    internal ValueCodec Codec { get; }

    internal int Index { get; }

    internal IReadOnlyList<string> Aliases { get; }

    internal Func<object, object?> Get { get; }

    internal Action<object, object?> Set { get; }

    public override string ToString() => Header;
}

internal enum OwnerKind
{
    None = 0,

    /// <summary><see cref="IJurisdictionOwned"/>: owned by a county or a cluster.</summary>
    Jurisdiction = 1,

    /// <summary><see cref="IChildRecord"/>: owned by its parent's owner.</summary>
    Child = 2,

    /// <summary><see cref="IReferenceData"/>: province-wide; only the province imports it.</summary>
    ReferenceData = 3,
}

/// <summary>A primary key or unique index whose properties are all columns: duplicates are refused.</summary>
internal sealed record ImportKey(IReadOnlyList<ImportColumn> Columns, bool IsPrimary);

/// <summary>A foreign key from a column to another table's key; <see cref="Principal"/> is null for divisions.</summary>
internal sealed record ImportReference(ImportColumn Column, Type PrincipalType, string PrincipalProperty, ImportEntity? Principal);

/// <summary>Rows of the same <see cref="Group"/> are numbered 1, 2, … by <see cref="Version"/>.</summary>
internal sealed record VersionRule(ImportColumn Version, IReadOnlyList<ImportColumn> Group);
