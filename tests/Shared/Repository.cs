namespace Jiju.Tests;

/// <summary>Where the repository is, for tests that check documents (glossary, case contract, regulation text) against the code.</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "Jiju.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("找不到仓库根目录（Jiju.slnx）");
        }
    }

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
