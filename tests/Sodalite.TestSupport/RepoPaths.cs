using System.Text.RegularExpressions;

namespace Sodalite.TestSupport;

/// <summary>The repository root and the read-only ../shared folder (acceptance data), found from the test binaries.</summary>
public static partial class RepoPaths
{
    public static string Repo { get; } = Find();

    /// <summary>
    /// SODALITE_SHARED when set; else ../shared beside the repository; else, for a fresh clone made elsewhere (as CI does), ../shared
    /// beside the repository it was cloned from (its origin).
    /// </summary>
    public static string Shared { get; } = FindShared();

    public static string Acceptance => Path.Combine(Shared, "acceptance");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sodalite.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Sodalite.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string FindShared()
    {
        if (Environment.GetEnvironmentVariable("SODALITE_SHARED") is { Length: > 0 } env) return Path.GetFullPath(env);
        string beside = Path.GetFullPath(Path.Combine(Repo, "..", "shared"));
        if (Directory.Exists(beside)) return beside;
        string config = Path.Combine(Repo, ".git", "config");
        if (File.Exists(config) && OriginUrl().Match(File.ReadAllText(config)) is { Success: true } m && Directory.Exists(m.Groups[1].Value.Trim()))
        {
            string origin = Path.GetFullPath(Path.Combine(m.Groups[1].Value.Trim(), "..", "shared"));
            if (Directory.Exists(origin)) return origin;
        }
        return beside;
    }

    [GeneratedRegex(@"\[remote ""origin""\][^\[]*?url\s*=\s*(\S+)")]
    private static partial Regex OriginUrl();
}
