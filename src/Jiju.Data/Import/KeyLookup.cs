using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data.Import;

/// <summary>
/// Batched look-ups by key for any mapped table: "which of these keys exist", with chosen columns
/// back. One query per batch (<c>WHERE a IN (…) AND b IN (…)</c>), never one per row. They ignore
/// the jurisdiction filter on purpose: a key is taken, or a reference resolves, whoever owns the row. The same SQL runs
/// without Entity Framework Core's query pipeline (<see cref="DirectKeyQuery"/>).
/// </summary>
internal static class KeyLookup
{
    private static readonly MethodInfo FindCoreMethod = typeof(KeyLookup).GetMethod(nameof(FindCoreAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    private static readonly MethodInfo ParameterMethod = typeof(EF).GetMethod(nameof(EF.Parameter))!;

    /// <summary>The queries built on each context, by question; they go with the context.</summary>
    private static readonly ConditionalWeakTable<JijuDbContext, Dictionary<string, KeyQuery>> Queries = new();

    private static readonly MethodInfo ContainsMethod = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    /// <summary>
    /// Rows of <paramref name="entityType"/> whose property <c>Filters[i].Property</c> takes one of
    /// <c>Filters[i].Values</c> for every i; each result holds the values of <paramref name="select"/>.
    /// </summary>
    public static Task<List<object?[]>> FindAsync(
        JijuDbContext db, Type entityType, IReadOnlyList<KeyFilter> filters, IReadOnlyList<string> select, CancellationToken cancellationToken) =>
        DirectKeyQuery.For(db, entityType, filters.Select(f => f.Property).ToList(), select) is { } direct
            ? direct.FindAsync(db, filters, cancellationToken)
            : FindThroughEntityFrameworkAsync(db, entityType, filters, select, cancellationToken);

    /// <summary>The same question through Entity Framework Core's query pipeline: for columns <see cref="DirectKeyQuery"/> cannot ask about, and for tests that hold the two alike.</summary>
    internal static Task<List<object?[]>> FindThroughEntityFrameworkAsync(
        JijuDbContext db, Type entityType, IReadOnlyList<KeyFilter> filters, IReadOnlyList<string> select, CancellationToken cancellationToken) =>
        (Task<List<object?[]>>)FindCoreMethod.MakeGenericMethod(entityType).Invoke(null, [db, filters, select, cancellationToken])!;

    /// <summary>The text a key value is compared by, the same for a parsed cell and a value read back from the database.</summary>
    public static string KeyText(object? value) => value switch
    {
        null => "\0",
        string s => s,
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static string KeyText(IEnumerable<object?> values) => string.Join('\u001F', values.Select(KeyText));

    /// <summary>
    /// The text of the key made of <paramref name="columns"/> in a row's <paramref name="values"/> (by column index). Every
    /// row of an import asks for it, and nearly every key has one column: that one is read without enumerators.
    /// </summary>
    public static string KeyText(IReadOnlyList<ImportColumn> columns, object?[] values) =>
        columns.Count == 1 ? KeyText(values[columns[0].Index]) : KeyText(columns.Select(c => values[c.Index]));

    /// <summary>Whether a row has a value in every one of <paramref name="columns"/>.</summary>
    public static bool HasAll(IReadOnlyList<ImportColumn> columns, object?[] values)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (values[columns[i].Index] is null)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<List<object?[]>> FindCoreAsync<T>(
        JijuDbContext db, IReadOnlyList<KeyFilter> filters, IReadOnlyList<string> select, CancellationToken cancellationToken)
        where T : class
    {
        // An import asks the same question (these keys, those columns) once per batch, a thousand times for a million
        // rows: the query is built once per context, and each batch only puts its values in the query's boxes.
        var queries = Queries.GetValue(db, _ => new Dictionary<string, KeyQuery>(StringComparer.Ordinal));
        var shape = string.Join('|', [typeof(T).FullName, .. filters.Select(f => f.Property), "→", .. select]);
        if (!queries.TryGetValue(shape, out var query))
        {
            queries[shape] = query = KeyQuery.Build<T>(db, filters, select);
        }

        for (var i = 0; i < filters.Count; i++)
        {
            var list = (IList)Activator.CreateInstance(query.ListTypes[i], filters[i].Values.Count)!;
            foreach (var value in filters[i].Values)
            {
                list.Add(value);
            }

            query.Boxes[i].Value = list;
        }

        try
        {
            return await query.Rows.ToListAsync(cancellationToken);
        }
        finally
        {
            foreach (var box in query.Boxes)
            {
                box.Value = null;
            }
        }
    }

    private static MethodCallExpression Property(ParameterExpression entity, string name, Type type) =>
        Expression.Call(PropertyMethod.MakeGenericMethod(type), entity, Expression.Constant(name));

    /// <summary>One question's query on one context, with a box per filter that holds the values of the batch asking it.</summary>
    private sealed record KeyQuery(IQueryable<object?[]> Rows, IStrongBox[] Boxes, Type[] ListTypes)
    {
        public static KeyQuery Build<T>(JijuDbContext db, IReadOnlyList<KeyFilter> filters, IReadOnlyList<string> select)
            where T : class
        {
            var entityType = db.Model.FindEntityType(typeof(T))!;
            Type TypeOf(string property) => (entityType.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name} 没有属性 {property}")).ClrType;

            var e = Expression.Parameter(typeof(T), "e");
            Expression? where = null;
            var boxes = new IStrongBox[filters.Count];
            var listTypes = new Type[filters.Count];
            for (var i = 0; i < filters.Count; i++)
            {
                var type = TypeOf(filters[i].Property);
                listTypes[i] = typeof(List<>).MakeGenericType(type);

                // A field of a box, not a constant, so that EF Core sends the values as a parameter, read from the box each
                // time the query runs; one array-like parameter (EF.Parameter), not EF Core 10's default of one parameter
                // per value, which SQLite binds by name in quadratic time: with a batch of keys that was a quarter of an import.
                var box = (IStrongBox)Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(listTypes[i]))!;
                boxes[i] = box;
                var values = Expression.Call(ParameterMethod.MakeGenericMethod(listTypes[i]), Expression.Field(Expression.Constant(box), nameof(StrongBox<object>.Value)));
                var contains = Expression.Call(ContainsMethod.MakeGenericMethod(type), values, Property(e, filters[i].Property, type));
                where = where is null ? contains : Expression.AndAlso(where, contains);
            }

            var projection = Expression.NewArrayInit(
                typeof(object),
                select.Select(name => Expression.Convert(Property(e, name, TypeOf(name)), typeof(object))));

            var rows = db.Set<T>()
                .IgnoreQueryFilters()
                .AsNoTracking()
                .Where(Expression.Lambda<Func<T, bool>>(where ?? Expression.Constant(true), e))
                .Select(Expression.Lambda<Func<T, object?[]>>(projection, e));
            return new KeyQuery(rows, boxes, listTypes);
        }
    }
}

/// <summary>Rows whose <see cref="Property"/> is one of <see cref="Values"/> (model values: codes, not their text).</summary>
internal sealed record KeyFilter(string Property, IReadOnlyCollection<object> Values);
