namespace Sodalite.TestSupport;

/// <summary>The repository root and ../shared, found from the test binaries.</summary>
public static class RepoPaths
{
    public static string Repo { get; } = Find();
    public static string Shared => Path.GetFullPath(Path.Combine(Repo, "..", "shared"));
    public static string Acceptance => Path.Combine(Shared, "acceptance");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sodalite.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Sodalite.slnx not found above " + AppContext.BaseDirectory);
    }
}
