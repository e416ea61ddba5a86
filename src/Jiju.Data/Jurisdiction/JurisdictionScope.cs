namespace Jiju.Data.Jurisdiction;

/// <summary>
/// Who is asking, and the node of the division tree they act for. <see cref="Path"/> is that node's
/// path (<c>410000/410100/</c> for 郑州, <c>410000/410100/410182/41018201/</c> for one cluster);
/// every jurisdiction-owned row carries its owner's path and is visible only when it starts with this.
/// </summary>
public sealed record JurisdictionScope(string Actor, string Path)
{
    public static JurisdictionScope Province(string actor = "system") => new(actor, "410000/");

    /// <summary>Above every province: for system jobs such as generating the national benchmark dataset.</summary>
    public static JurisdictionScope System(string actor = "system") => new(actor, string.Empty);

    /// <summary>Province level or above: may edit reference data.</summary>
    public bool IsProvince => Path.Count(c => c == '/') <= 1;

    public bool Covers(string ownerPath) => ownerPath.StartsWith(Path, StringComparison.Ordinal);

    /// <summary>
    /// The first path after all those <see cref="Covers"/> covers, in ordinal order: <see cref="Path"/> with its last
    /// character raised by one (<c>410000/410100/</c> → <c>410000/4101000</c>). A path is covered exactly when it is at
    /// least <see cref="Path"/> and below this, so the query filter can ask for a range of the owner-path index instead of
    /// a <c>LIKE</c> that neither database serves from it (ADR 0002). Empty for <see cref="System"/>, which covers all.
    /// </summary>
    public string PathEnd => Path.Length == 0 ? string.Empty : string.Concat(Path.AsSpan(0, Path.Length - 1), [(char)(Path[^1] + 1)]);
}

/// <summary>A read or write of data outside the caller's jurisdiction. Shown to the caller as "not found".</summary>
public sealed class JurisdictionViolationException(string message) : InvalidOperationException(message);
