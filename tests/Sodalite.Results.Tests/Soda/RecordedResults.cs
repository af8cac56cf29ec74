// The results files real Soda Core 3.5.6 wrote (../shared/acceptance) and those recorded beside the CLI tests.
using Sodalite.TestSupport;

namespace Sodalite.Results.Tests.Soda;

public static class RecordedResults
{
    /// <summary>Every recorded -srf file, by a short name ("soda-v3/group_by").</summary>
    public static IEnumerable<(string Name, string Path)> All()
    {
        foreach (var set in new[] { "soda-v3", "soda-v3-reports" })
        {
            string cases = System.IO.Path.Combine(RepoPaths.Acceptance, set, "cases");
            if (!Directory.Exists(cases)) continue;
            foreach (var dir in Directory.GetDirectories(cases).Order(StringComparer.Ordinal))
                yield return ($"{set}/{System.IO.Path.GetFileName(dir)}", System.IO.Path.Combine(dir, "expected.json"));
        }
        yield return ("qalita/retail", System.IO.Path.Combine(RepoPaths.Acceptance, "qalita", "retail", "results.json"));
        string golden = System.IO.Path.Combine(RepoPaths.Repo, "tests", "Sodalite.Cli.Tests", "Golden", "soda-3.5.6");
        foreach (var dir in Directory.GetDirectories(golden).Order(StringComparer.Ordinal))
            yield return ($"cli-golden/{System.IO.Path.GetFileName(dir)}", System.IO.Path.Combine(dir, "results.json"));
    }

    public static TheoryData<string> Names() => [.. All().Select(r => r.Name)];

    public static string Text(string name) => File.ReadAllText(All().Single(r => r.Name == name).Path);
}
