// The plan a --dry-run prints holds every statement a real scan runs: each entry of the run's queries[] is a planned statement
// (a conditional one, a failed-rows sample, matches by its name after the number it takes when it runs), and every
// unconditional planned statement is in queries[].
using System.Text.RegularExpressions;
using Sodalite.Engine;
using Sodalite.Engine.Output;
using Sodalite.Engine.Planning;

namespace Sodalite.Acceptance.Tests;

public static partial class DryRunPlan
{
    /// <summary>Differences between the dry-run plan of <paramref name="options"/> and the queries[] of its real run; empty when the plan holds the run.</summary>
    public static async Task<List<string>> CompareWithRunAsync(ScanOptions options)
    {
        var dry = new Scanner(TimeProvider.System);
        var dryRun = await dry.RunAsync(options with { DryRun = true });
        var diffs = new List<string>();
        if (dry.DryRun is not { } plan)
        {
            diffs.Add("no plan: " + string.Join("; ", dryRun.Logs.Select(l => l.Message)));
            return diffs;
        }
        var run = await new Scanner(TimeProvider.System).RunAsync(options);
        var names = ResultsDocument.Build(run).Queries.Select(q => q.Name ?? "").ToList();

        var unconditional = dry.DryRunCatalogQueries.Select(q => q.Name).Concat(plan.Queries.Select(q => q.Name)).ToList();
        var allowed = new HashSet<string>(unconditional);
        foreach (var q in plan.Queries.Where(q => q.KeepKeys is not null)) allowed.Add(q.Name + ".keep_keys");
        var aggregations = plan.Queries.Where(q => q.Kind == QueryKind.Aggregation).Select(q => q.Name).ToHashSet();
        var sampleTails = new HashSet<string>();
        foreach (var s in plan.Samples)
        {
            sampleTails.Add(s.NameAfterNumber);
            if (s.Listed is null) continue;
            if (s.ListedUnder is { } under)
            {
                allowed.Add(under + ".failing_sql");
                allowed.Add(under + ".passing_sql");
            }
            else
            {
                sampleTails.Add(s.NameAfterNumber + ".failing_sql");
                sampleTails.Add(s.NameAfterNumber + ".passing_sql");
            }
        }
        foreach (var name in names)
        {
            if (allowed.Contains(name)) continue;
            if (Retry().Match(name) is { Success: true } r && aggregations.Contains(r.Groups[1].Value)) continue;
            if (Numbered().Match(name) is { Success: true } n && sampleTails.Contains(n.Groups[1].Value)) continue;
            diffs.Add($"queries[] has {name}, which the dry-run plan does not list");
        }
        foreach (var name in unconditional.Where(n => !names.Contains(n)))
            diffs.Add($"the dry-run plan lists {name}, which the run did not make");
        // The printed listing names every planned statement.
        string listing = PlanListing.Write(plan, dry.DryRunCatalogQueries);
        foreach (var name in unconditional.Where(n => !listing.Contains("-- " + n + "\n", StringComparison.Ordinal)))
            diffs.Add($"the listing does not print {name}");
        if (diffs.Count > 0) diffs.Add("queries[]: " + string.Join(", ", names));
        return diffs;
    }

    [GeneratedRegex(@"^(.*?)(\[retry\])+$")]
    private static partial Regex Retry();

    [GeneratedRegex(@"^\d+(\..*)$")]
    private static partial Regex Numbered();
}
