using Jiju.Domain.Common;
using Jiju.Domain.Finance;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data.Jurisdiction;

/// <summary>
/// The owner path of a row: from its own division and cluster, or, for a child record, from its
/// parent. A parent outside the caller's jurisdiction is invisible and so reads as unknown.
/// </summary>
internal sealed class OwnerPaths(JijuDbContext db)
{
    public string PathOf(object entity) => entity switch
    {
        IJurisdictionOwned owned => db.DivisionDirectory.PathOf(owned),
        ParcelExtension x => ParentPath(db.Parcels, p => p.Code == x.Parcel, x.Parcel.Value, "宗地"),
        LandUseChangeRequest x => ParentPath(db.Parcels, p => p.Code == x.Parcel, x.Parcel.Value, "宗地"),
        ProjectFunding x => ParentPath(db.Projects, p => p.Code == x.Project, x.Project.Value, "项目"),
        ProjectEmission x => ParentPath(db.Projects, p => p.Code == x.Project, x.Project.Value, "项目"),
        FinancingInstrument x => ParentPath(db.FinancingPlatforms, p => p.CreditCode == x.Platform, x.Platform.Value, "投融资平台"),
        _ => throw new InvalidOperationException($"{entity.GetType().Name} 没有归属规则"),
    };

    private string ParentPath<T>(DbSet<T> set, System.Linq.Expressions.Expression<Func<T, bool>> match, string key, string what)
        where T : class, IJurisdictionOwned
    {
        var local = set.Local.AsQueryable().FirstOrDefault(match);
        if (local is not null)
        {
            return db.DivisionDirectory.PathOf(local);
        }

        return set.Where(match).Select(p => EF.Property<string>(p, JijuDbContext.OwnerPath)).FirstOrDefault()
            ?? throw new JurisdictionViolationException($"{what}“{key}”不存在或不在本用户管辖范围内");
    }
}
