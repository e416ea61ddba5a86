using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Jiju.ArchitectureTests;

/// <summary>
/// Domain, Policy and Assessment take a snapshot and a date and return values: no database, no web,
/// no clock, no file system, no network. Checked on the compiled IL, so a call to DateTime.Now is
/// caught as surely as a package reference.
/// </summary>
public sealed class PurityTests
{
    public static TheoryData<string> PureAssemblies => ["Jiju.Domain", "Jiju.Policy", "Jiju.Assessment"];

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void PureProjects_ReferenceNoDatabaseWebClockOrFileSystem(string assemblyName)
    {
        var violations = ImpurityScanner.Scan(Assembly.Load(assemblyName).Location);

        Assert.True(violations.Count == 0, $"{assemblyName} 不应依赖：{string.Join("；", violations)}");
    }

    [Fact]
    public void TheScanner_FindsImpurityWhereThereIsSome()
    {
        // The data layer uses EF Core and reads a file: the scanner must say so, or it proves nothing.
        var dataLayer = Path.Combine(AppContext.BaseDirectory, "Jiju.Data.dll");
        var violations = ImpurityScanner.Scan(dataLayer);

        Assert.Contains(violations, v => v.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void TheScanner_FindsACallToTheClock()
    {
        var violations = ImpurityScanner.Scan(typeof(PurityTests).Assembly.Location);

        Assert.Contains(violations, v => v.Contains("System.DateTime.get_Now", StringComparison.Ordinal));
    }

    // Referenced only so that this assembly contains a clock call for the scanner to find.
    internal static DateTime ClockCallForTheScanner() => DateTime.Now;
}

internal static class ImpurityScanner
{
    private static readonly string[] ForbiddenAssemblyPrefixes =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite", "System.Net.Http", "Jiju.Data", "Jiju.Application", "Jiju.Web", "Jiju.Cli",
    ];

    private static readonly string[] ForbiddenTypes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.DriveInfo", "System.IO.FileSystemWatcher", "System.Console", "System.Diagnostics.Process", "System.Net.Sockets.Socket",
    ];

    private static readonly string[] ForbiddenMembers =
    [
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today", "System.DateTimeOffset.get_Now",
        "System.DateTimeOffset.get_UtcNow", "System.TimeProvider.get_System", "System.Environment.GetEnvironmentVariable", "System.Guid.NewGuid",
    ];

    public static IReadOnlyList<string> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var handle in md.AssemblyReferences)
        {
            var name = md.GetString(md.GetAssemblyReference(handle).Name);
            if (ForbiddenAssemblyPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                found.Add("程序集 " + name);
            }
        }

        foreach (var handle in md.TypeReferences)
        {
            var type = FullName(md, handle);
            if (ForbiddenTypes.Contains(type))
            {
                found.Add("类型 " + type);
            }
        }

        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var name = FullName(md, (TypeReferenceHandle)member.Parent) + "." + md.GetString(member.Name);
            if (ForbiddenMembers.Contains(name))
            {
                found.Add("成员 " + name);
            }
        }

        return [.. found];
    }

    private static string FullName(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        var ns = md.GetString(type.Namespace);
        return (ns.Length == 0 ? string.Empty : ns + ".") + md.GetString(type.Name);
    }
}
