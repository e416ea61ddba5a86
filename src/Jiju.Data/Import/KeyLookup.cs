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
/// the jurisdiction filter on purpose: a key is taken, or a reference resolves, whoever owns the row.
/// </summary>
internal static class KeyLookup
{
    private static readonly MethodInfo FindCoreMethod = typeof(KeyLookup).GetMethod(nameof(FindCoreAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    private static readonly MethodInfo ParameterMethod = typeof(EF).GetMethod(nameof(EF.Parameter))!;

    private static readonly MethodInfo ContainsMethod = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    /// <summary>
    /// Rows of <paramref name="entityType"/> whose property <c>Filters[i].Property</c> takes one of
    /// <c>Filters[i].Values</c> for every i; each result holds the values of <paramref name="select"/>.
    /// </summary>
    public static Task<List<object?[]>> FindAsync(
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

    private static async Task<List<object?[]>> FindCoreAsync<T>(
        JijuDbContext db, IReadOnlyList<KeyFilter> filters, IReadOnlyList<string> select, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T))!;
        Type TypeOf(string property) => (entityType.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name} 没有属性 {property}")).ClrType;

        var e = Expression.Parameter(typeof(T), "e");
        Expression? where = null;
        foreach (var filter in filters)
        {
            var type = TypeOf(filter.Property);
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type))!;
            foreach (var value in filter.Values)
            {
                list.Add(value);
            }

            // A field of a box, not a constant, so that EF Core sends the values as a parameter; one array-like parameter
            // (EF.Parameter), not EF Core 10's default of one parameter per value, which SQLite binds by name in
            // quadratic time: with a batch of keys that was a quarter of an import.
            var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(list.GetType()), list)!;
            var values = Expression.Call(ParameterMethod.MakeGenericMethod(list.GetType()), Expression.Field(Expression.Constant(box), nameof(StrongBox<object>.Value)));
            var contains = Expression.Call(ContainsMethod.MakeGenericMethod(type), values, Property(e, filter.Property, type));
            where = where is null ? contains : Expression.AndAlso(where, contains);
        }

        var projection = Expression.NewArrayInit(
            typeof(object),
            select.Select(name => Expression.Convert(Property(e, name, TypeOf(name)), typeof(object))));

        var query = db.Set<T>()
            .IgnoreQueryFilters()
            .AsNoTracking()
            .Where(Expression.Lambda<Func<T, bool>>(where ?? Expression.Constant(true), e))
            .Select(Expression.Lambda<Func<T, object?[]>>(projection, e));
        return await query.ToListAsync(cancellationToken);
    }

    private static MethodCallExpression Property(ParameterExpression entity, string name, Type type) =>
        Expression.Call(PropertyMethod.MakeGenericMethod(type), entity, Expression.Constant(name));
}

/// <summary>Rows whose <see cref="Property"/> is one of <see cref="Values"/> (model values: codes, not their text).</summary>
internal sealed record KeyFilter(string Property, IReadOnlyCollection<object> Values);
