namespace Sodalite.Results.Tests;

/// <summary>Locates ../shared beside the repository, from the test's working directory.</summary>
internal static class TestPaths
{
    public static string Repo { get; } = FindRepo();
    public static string Shared => Path.GetFullPath(Path.Combine(Repo, "..", "shared"));

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sodalite.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Sodalite.slnx not found above " + AppContext.BaseDirectory);
    }
}
