// The metric history from the command line: scans that append to it, change-over-time checks that read it, and back-filling it
// from results files (Sodalite's and real Soda Core's).
using Sodalite.Cli;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

public class HistoryTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = await SodaliteCli.RunAsync(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    private static void WriteOrders(string path, int rows) =>
        File.WriteAllText(path, "id,amount\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"{i},{i * 10}\n")));

    [Fact]
    public async Task Three_scans_on_changing_data_fail_a_change_check_on_the_third()
    {
        // The README's worked example: 100 rows, then 104, then 160.
        string dir = Directory.CreateTempSubdirectory("sodalite-history-").FullName;
        string data = Path.Combine(dir, "orders.csv"), history = Path.Combine(dir, "history.db"), checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for orders:\n  - row_count > 0\n  - change for row_count < 50\n  - change percent for row_count between -10 and 10\n");
        var outputs = new List<(int Exit, string Out)>();
        foreach (int rows in new[] { 100, 104, 160 })
        {
            WriteOrders(data, rows);
            var (exit, output, _) = await Run("scan", "--data", data, checks, "--history", history);
            outputs.Add((exit, output));
        }

        Assert.Equal(0, outputs[0].Exit);
        Assert.Contains("not enough history yet (notEnoughHistory)", outputs[0].Out);
        Assert.Contains("2 checks not evaluated.", outputs[0].Out);
        Assert.Equal(0, outputs[1].Exit);
        Assert.Contains("3/3 checks PASSED", outputs[1].Out);
        Assert.Equal(2, outputs[2].Exit);
        Assert.Contains("change for row_count < 50 [FAILED]", outputs[2].Out);
        Assert.Contains("check_value: 56", outputs[2].Out);
        Assert.Contains("historic_value: 104", outputs[2].Out);
        Assert.Contains("change percent for row_count between -10 and 10 [FAILED]", outputs[2].Out);
    }

    [Fact]
    public async Task A_history_imported_from_results_files_equals_the_one_the_scans_built()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-history-").FullName;
        string data = Path.Combine(dir, "orders.csv"), scanned = Path.Combine(dir, "scanned.db"), imported = Path.Combine(dir, "imported.db");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for orders:\n  - row_count > 0\n  - avg(amount) > 0\n  - schema:\n      fail:\n        when required column missing: [id]\n");
        var files = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            WriteOrders(data, 5 + i);
            string results = Path.Combine(dir, $"results{i}.json");
            await Run("scan", "--data", data, checks, "--history", scanned, "-srf", results, "-t", $"2024-03-0{i + 1}T00:00:00Z");
            files.Add(results);
        }

        var (importExit, importOut, _) = await Run(["history", "import", .. files, "--history", imported]);
        var (againExit, againOut, _) = await Run(["history", "import", .. files, "--history", imported]);
        var (_, scannedSeries, _) = await Run("history", "show", "--history", scanned);
        var (_, importedSeries, _) = await Run("history", "show", "--history", imported);

        Assert.Equal(0, importExit);
        Assert.Contains("Imported 3 results file(s)", importOut);
        Assert.Contains("9 new value(s)", importOut);
        Assert.Equal(0, againExit);
        Assert.Contains("0 new value(s)", againOut);
        Assert.Equal(scannedSeries, importedSeries);
        foreach (string identity in new[] { "metric-Soda Core CLI-orders-orders-row_count", "metric-Soda Core CLI-orders-orders-amount-avg", "metric-Soda Core CLI-orders-orders-schema" })
        {
            var (e1, fromScans, _) = await Run("history", "show", "--metric", identity, "--history", scanned);
            var (e2, fromFiles, _) = await Run("history", "show", "--metric", identity, "--history", imported);
            Assert.Equal((0, 0), (e1, e2));
            Assert.Equal(fromScans, fromFiles);
            Assert.Equal(4, fromFiles.Trim().Split('\n').Length);
        }
    }

    [Fact]
    public async Task Real_soda_core_results_back_fill_the_history_under_their_metric_identities()
    {
        // A results file written by Soda Core 3.5.6 (acceptance case attributes_identity).
        string expected = Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "attributes_identity", "expected.json");
        string history = Path.Combine(Directory.CreateTempSubdirectory("sodalite-history-").FullName, "history.db");

        var (exit, output, _) = await Run("history", "import", expected, "--history", history);
        var (_, series, _) = await Run("history", "show", "--history", history);

        Assert.Equal(0, exit);
        Assert.Contains("Imported 1 results file(s)", output);
        var identities = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(expected))!["metrics"]!.AsArray()
            .Where(m => m!["value"] is not null).Select(m => (string)m!["identity"]!).ToList();
        Assert.NotEmpty(identities);
        Assert.All(identities, id => Assert.Contains(id + "\t", series));
    }

    [Fact]
    public async Task Showing_a_metric_the_history_does_not_hold_is_an_error_that_says_how_to_list_the_series()
    {
        string history = Path.Combine(Directory.CreateTempSubdirectory("sodalite-history-").FullName, "history.db");

        var (exit, _, err) = await Run("history", "show", "--metric", "metric-nope", "--history", history);

        Assert.Equal(3, exit);
        Assert.Contains("has no values for metric 'metric-nope'", err);
        Assert.Contains("`sodalite history show` lists the series", err);
    }

    [Fact]
    public async Task A_history_path_that_cannot_be_created_is_an_error_the_summary_counts_and_exit_3()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-history-").FullName;
        string blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "not a folder");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for orders:\n  - row_count > 0\n");
        WriteOrders(Path.Combine(dir, "orders.csv"), 3);

        var (exit, output, err) = await Run("scan", "--data", Path.Combine(dir, "orders.csv"), checks, "--history", Path.Combine(blocker, "h.db"));

        // The file opens while the scan parses and connects; the scan still judges its checks, and the failure is an error of the
        // scan, counted by its summary (never "All is good" above exit 3).
        Assert.Equal(3, exit);
        Assert.Contains($"Could not open the metric history {Path.Combine(blocker, "h.db")}", output);
        Assert.Contains("Pass --history FILE with a writable path, or --no-history.", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
        Assert.Contains("Oops! 1 error.", output);
        Assert.DoesNotContain("All is good", output);
        Assert.DoesNotContain(err.Split('\n'), l => l.StartsWith("sodalite:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Importing_the_results_file_of_a_scan_that_kept_history_adds_nothing()
    {
        // The scan records times to the microsecond, its -srf file to the second: both are the same row of the history.
        string dir = Directory.CreateTempSubdirectory("sodalite-history-").FullName;
        string data = Path.Combine(dir, "orders.csv"), history = Path.Combine(dir, "history.db"), checks = Path.Combine(dir, "checks.yml");
        string results = Path.Combine(dir, "results.json");
        WriteOrders(data, 4);
        File.WriteAllText(checks, "checks for orders:\n  - row_count > 0\n");
        await Run("scan", "--data", data, checks, "--history", history, "-srf", results, "-t", "2024-05-01T00:00:00Z");

        var (exit, output, _) = await Run("history", "import", results, "--history", history);
        var (_, series, _) = await Run("history", "show", "--metric", "metric-Soda Core CLI-orders-orders-row_count", "--history", history);

        Assert.Equal(0, exit);
        Assert.Contains("0 new value(s)", output);
        Assert.Equal(2, series.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task An_anomaly_detection_check_with_a_threshold_is_an_error_not_an_ignored_threshold()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-history-").FullName;
        string data = Path.Combine(dir, "orders.csv"), checks = Path.Combine(dir, "checks.yml");
        WriteOrders(data, 4);
        File.WriteAllText(checks, "checks for orders:\n  - anomaly detection for row_count < 5\n  - row_count > 0\n");

        var (exit, output, _) = await Run("scan", "--data", data, checks, "--history", Path.Combine(dir, "history.db"));

        Assert.Equal(3, exit);
        Assert.Contains("An anomaly detection check takes no threshold", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }
}
