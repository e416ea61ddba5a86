using Jiju.Domain.Clusters;
using Jiju.Domain.Divisions;

namespace Jiju.Domain.Common;

/// <summary>
/// Data that belongs to a jurisdiction: a county, or a cluster inside it. Officials see and change
/// only data whose owner lies within their own node (province, city, county or cluster).
/// </summary>
public interface IJurisdictionOwned
{
    DivisionCode OwnerDivision { get; }

    ClusterCode? OwnerCluster { get; }
}

/// <summary>A row that belongs to another row (an extension to a parcel, a fund to a project) and so to its owner.</summary>
public interface IChildRecord
{
    /// <summary>The parent's key as text (a parcel code, a project code, a credit code).</summary>
    string ParentKey { get; }
}

/// <summary>Province-wide reference data (exchange rates, the fee-waiver catalogue): everyone reads it; the province edits it.</summary>
public interface IReferenceData;

/// <summary>
/// History that is never overwritten in place: a correction is a new row (a new statistics version),
/// and the audit log only grows. The data layer refuses updates and deletes of these.
/// </summary>
public interface IAppendOnly;
