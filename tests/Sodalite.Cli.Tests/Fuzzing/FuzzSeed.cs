// The fuzz test's seed files: every acceptance case's checks.yml (soda-v3 and soda-v3-reports) and the bundled retail sample,
// each with the scan variables its case passes (vars.json).
using System.Text;
using System.Text.Json;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests.Fuzzing;

/// <summary>One seed file: a short name, its bytes as a Latin-1 string (one char per byte) and its case's variables.</summary>
internal sealed record FuzzSeed(string Name, string Text, IReadOnlyDictionary<string, string> Variables)
{
    public static IReadOnlyList<FuzzSeed> Load()
    {
        var seeds = new List<FuzzSeed>();
        foreach (string suite in new[] { "soda-v3", "soda-v3-reports" })
        {
            string cases = Path.Combine(RepoPaths.Acceptance, suite, "cases");
            foreach (string dir in Directory.GetDirectories(cases).Order(StringComparer.Ordinal))
            {
                string checks = Path.Combine(dir, "checks.yml");
                if (!File.Exists(checks)) continue;
                string vars = Path.Combine(dir, "vars.json");
                var variables = File.Exists(vars)
                    ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(vars)) ?? []
                    : new Dictionary<string, string>();
                seeds.Add(new FuzzSeed($"{suite}/{Path.GetFileName(dir)}", Encoding.Latin1.GetString(File.ReadAllBytes(checks)), variables));
            }
        }
        string retail = Path.Combine(RepoPaths.Repo, "samples", "retail", "checks.yml");
        seeds.Add(new FuzzSeed("samples/retail", Encoding.Latin1.GetString(File.ReadAllBytes(retail)), new Dictionary<string, string>()));
        return seeds;
    }
}
