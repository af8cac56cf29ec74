// A scan connects while it parses its checks, and its metric history may still be opening (issue 17: start-up). What users see must
// not change: the records keep their order, a failure to connect or to open the history is an error the summary counts.
using Sodalite.Engine.History;
using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.Engine.Tests.Scanning;

public class BackgroundStartTests
{
    private static string TempDir() => Directory.CreateTempSubdirectory("sodalite-background-").FullName;

    [Fact]
    public async Task Records_of_the_checks_come_before_those_of_the_connection_as_when_it_was_made_in_line()
    {
        string dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "orders.csv"), "id\n1\n2\n");
        string config = Path.Combine(dir, "configuration.yml");
        // The connection logs an error (a listed file that is missing); the checks one of their own (a file that is not YAML).
        File.WriteAllText(config, $"data_source files:\n  type: duckdb\n  files:\n    orders: {Path.Combine(dir, "orders.csv")}\n    gone: {Path.Combine(dir, "gone.csv")}\n");
        string checks = Path.Combine(dir, "checks.yml"), broken = Path.Combine(dir, "broken.yml");
        File.WriteAllText(checks, "checks for orders:\n  - row_count > 0\n");
        File.WriteAllText(broken, "checks for orders: [\n");

        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataSourceName = "files", ConfigurationFiles = [config], CheckPaths = [checks, broken] });

        var errors = run.Logs.Where(l => l.Level == ScanLogLevel.Error).Select(l => (l.Location?.FilePath ?? "") + ": " + l.Message).ToList();
        int parse = errors.FindIndex(m => m.Contains("broken.yml", StringComparison.Ordinal));
        int connect = errors.FindIndex(m => m.Contains("gone.csv", StringComparison.Ordinal));
        Assert.True(parse >= 0 && connect > parse, string.Join("\n", errors));
        Assert.Equal(Evaluation.CheckOutcome.Pass, Assert.Single(run.Results, r => r.Name == "row_count > 0").Outcome);
        Assert.Equal(3, run.ExitCode);
    }

    [Fact]
    public async Task A_data_source_that_cannot_be_reached_is_one_error_after_the_checks_are_read()
    {
        string dir = TempDir();
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, "data_source pg:\n  type: postgres\n  host: 127.0.0.1\n  port: 1\n  username: u\n  password: p\n  database: d\n");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for orders:\n  - row_count > 0\n");

        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataSourceName = "pg", ConfigurationFiles = [config], CheckPaths = [checks] });

        var error = Assert.Single(run.Logs, l => l.Level == ScanLogLevel.Error);
        Assert.StartsWith("Could not connect to data source \"pg\":", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, run.ExitCode);
    }

    [Fact]
    public async Task A_history_that_fails_to_open_in_the_background_is_an_error_before_the_summary_and_keeps_nothing()
    {
        string dir = TempDir();
        string data = Path.Combine(dir, "orders.csv");
        File.WriteAllText(data, "id\n1\n2\n");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for orders:\n  - row_count > 0\n  - change for row_count < 5\n");
        string blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "not a folder");
        string path = Path.Combine(blocker, "history.db");
        await using var history = new DeferredMetricHistory(path, Task.Run(async () => (IMetricHistory)await SqliteMetricHistory.OpenAsync(path, default)));

        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataFile = data, CheckPaths = [checks], History = history });

        var messages = run.Logs.Select(l => l.Message).ToList();
        int error = messages.FindIndex(m => m.StartsWith($"Could not open the metric history {path}", StringComparison.Ordinal));
        int summary = messages.FindIndex(m => m.StartsWith("Oops! 1 error.", StringComparison.Ordinal));
        Assert.True(error >= 0 && summary > error, string.Join("\n", messages));
        Assert.DoesNotContain(messages, m => m.Contains("All is good", StringComparison.Ordinal));
        Assert.Equal(Evaluation.CheckOutcome.Pass, Assert.Single(run.Results, r => r.Name == "row_count > 0").Outcome);
        Assert.Equal(3, run.ExitCode);
    }

    [Fact]
    public async Task A_history_opened_in_the_background_gives_the_next_scan_its_past_values()
    {
        string dir = TempDir();
        string data = Path.Combine(dir, "orders.csv");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for orders:\n  - change for row_count < 5\n");
        string path = Path.Combine(dir, "history.db");
        var runs = new List<Output.ScanRun>();
        foreach (int rows in new[] { 2, 10 })
        {
            File.WriteAllText(data, "id\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"{i}\n")));
            await using var history = new DeferredMetricHistory(path, Task.Run(async () => (IMetricHistory)await SqliteMetricHistory.OpenAsync(path, default)));
            runs.Add(await new Scanner(TimeProvider.System).RunAsync(new ScanOptions
            {
                DataFile = data,
                CheckPaths = [checks],
                History = history,
                DataTimestamp = new DateTimeOffset(2024, 1, runs.Count + 1, 0, 0, 0, TimeSpan.Zero),
            }));
        }

        Assert.Null(Assert.Single(runs[0].Results).Outcome);
        var second = Assert.Single(runs[1].Results);
        Assert.Equal(Evaluation.CheckOutcome.Fail, second.Outcome);
        Assert.Equal(8L, second.Value);
    }
}
