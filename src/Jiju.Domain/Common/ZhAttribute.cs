namespace Jiju.Domain.Common;

/// <summary>
/// The Chinese term for a property, enum member or record type: what import templates, exports,
/// forms and error messages show. The glossary (docs/glossary.md) lists the same pairs.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class, Inherited = false)]
public sealed class ZhAttribute(string term) : Attribute
{
    public string Term { get; } = term;

    /// <summary>Unit shown after the term in a column header, e.g. 元, 平方米, 吨/年.</summary>
    public string? Unit { get; init; }
}
