using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sodalite.Cli;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

public partial class DryRunTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Repo, "samples", "retail");

    private static async Task<(int Exit, string Out)> Run(params string[] args)
    {
        var o = new StringWriter();
        int exit = await SodaliteCli.RunAsync(args, o, new StringWriter());
        return (exit, o.ToString());
    }

    [Fact]
    public async Task Dry_run_of_the_sample_lists_every_query_the_scan_runs_and_no_summary()
    {
        string data = Path.Combine(Sample, "retail.csv"), checks = Path.Combine(Sample, "checks.yml");
        var (dryExit, listing) = await Run("scan", "--dry-run", "--data", data, checks);
        string results = Path.Combine(Directory.CreateTempSubdirectory("sodalite-dry-").FullName, "results.json");
        var (exit, _) = await Run("scan", "--data", data, checks, "-srf", results);

        Assert.Equal(0, dryExit);
        Assert.Equal(2, exit);
        Assert.DoesNotContain("Scan summary", listing);
        Assert.DoesNotContain("Oops!", listing);
        var names = JsonNode.Parse(File.ReadAllText(results))!["queries"]!.AsArray().Select(q => (string)q!["name"]!).ToList();
        // The sample's failing checks run their failed-rows samples: conditional statements, listed with the same names.
        Assert.Contains(names, n => n.Contains(".failed_rows[", StringComparison.Ordinal));
        var listed = ListedName().Matches(listing).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.All(names, n => Assert.Contains(n, listed));
        Assert.Contains("--   conditional: runs when rows fail", listing);
    }

    [Fact]
    public async Task Dry_run_lists_the_row_count_on_another_data_source_under_the_name_the_run_gives_it()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-dry-").FullName;
        File.WriteAllText(Path.Combine(dir, "orders.csv"), "id\nO1\nO2\nO3\n");
        File.WriteAllText(Path.Combine(dir, "export.csv"), "id\nO1\nO2\n");
        string cfg = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(cfg, $"data_source shop:\n  type: duckdb\n  path: {Path.Combine(dir, "orders.csv")}\n" +
                               $"data_source files:\n  type: duckdb\n  path: {Path.Combine(dir, "export.csv")}\n");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for orders:\n  - row_count same as export in files\n  - missing_count(id) = 0\n");
        string results = Path.Combine(dir, "results.json");

        var (_, listing) = await Run("scan", "--dry-run", "-d", "shop", "-c", cfg, checks);
        var (exit, _) = await Run("scan", "-d", "shop", "-c", cfg, checks, "-srf", results);

        Assert.Equal(2, exit);
        var names = JsonNode.Parse(File.ReadAllText(results))!["queries"]!.AsArray().Select(q => (string)q!["name"]!).ToList();
        Assert.Contains("2.files.export.aggregation[0]", names);
        Assert.Contains("-- 2.files.export.aggregation[0]\n--   serves: row_count same as export in files\n--   on data source files\n", listing);
        var listed = ListedName().Matches(listing).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.All(names, n => Assert.Contains(n, listed));
    }

    [GeneratedRegex(@"^-- (\S+)$", RegexOptions.Multiline)]
    private static partial Regex ListedName();
}
