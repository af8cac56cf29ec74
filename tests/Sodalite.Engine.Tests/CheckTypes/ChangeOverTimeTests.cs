// Change-over-time checks on a local metric history: three scans over a growing table (10, 12, then 30 rows, with data timestamps
// 2024-01-01, 2024-01-02 and 2024-01-08), on DuckDB and on PostgreSQL, each judged against the values the earlier scans left.
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.History;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.CheckTypes;

public class ChangeOverTimeTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private const string Checks = """
        checks for orders:
          - change for row_count < 5
          - change avg last 2 for row_count < 10
          - change percent for row_count < 50
          - change same day last week for row_count between -1 and 1
          - change min last 7 for row_count <= 20
          - change max last 7 for row_count < 0
        """;

    private static readonly DateTimeOffset[] Days =
        [new(2024, 1, 1, 6, 0, 0, TimeSpan.Zero), new(2024, 1, 2, 6, 0, 0, TimeSpan.Zero), new(2024, 1, 8, 6, 0, 0, TimeSpan.Zero)];

    private static readonly int[] Rows = [10, 12, 30];

    /// <summary>(outcome, value) of each check, in the file's order, for each of the three scans; null outcome: not evaluated.</summary>
    private static readonly (CheckOutcome? Outcome, object? Value)[][] Expected =
    [
        [(null, null), (null, null), (null, null), (null, null), (null, null), (null, null)],
        [(CheckOutcome.Pass, 2L), (CheckOutcome.Pass, 2.0), (CheckOutcome.Pass, 20.0), (null, null), (CheckOutcome.Pass, 2L), (CheckOutcome.Fail, 2L)],
        [(CheckOutcome.Fail, 18L), (CheckOutcome.Fail, 19.0), (CheckOutcome.Fail, 150.0), (CheckOutcome.Fail, 20L), (CheckOutcome.Pass, 20L), (CheckOutcome.Fail, 18L)],
    ];

    private static async Task<List<Output.ScanRun>> ScanThreeTimes(string dir, string config, string dataSource, Func<int, Task> fill)
    {
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, Checks);
        await using var history = await SqliteMetricHistory.OpenAsync(Path.Combine(dir, "history.db"), default);
        var runs = new List<Output.ScanRun>();
        for (int i = 0; i < 3; i++)
        {
            await fill(Rows[i]);
            runs.Add(await new Scanner(TimeProvider.System).RunAsync(new ScanOptions
            {
                DataSourceName = dataSource,
                ConfigurationFiles = [config],
                CheckPaths = [checks],
                DataTimestamp = Days[i],
                History = history,
            }));
        }
        return runs;
    }

    private static void AssertSequence(List<Output.ScanRun> runs)
    {
        for (int i = 0; i < 3; i++)
        {
            var run = runs[i];
            Assert.DoesNotContain(run.Logs, l => l.Level == ScanLogLevel.Error);
            var got = run.Results.Select(r => (r.Outcome, r.Value)).ToArray();
            Assert.True(Expected[i].SequenceEqual(got), $"scan {i + 1}: {string.Join(", ", got.Select(g => $"({g.Outcome}, {g.Value} {g.Value?.GetType().Name})"))}");
        }
        // A fresh history: every check says it has not enough history yet, and the scan does not fail for it.
        Assert.Equal(6, runs[0].Logs.Count(l => l.Level == ScanLogLevel.Warning && l.Message.Contains("(notEnoughHistory)", StringComparison.Ordinal)));
        Assert.Equal(0, runs[0].ExitCode);
        Assert.Equal(2, runs[2].ExitCode);
    }

    [Fact]
    public async Task Three_scans_on_duckdb_judge_each_change_against_the_history_the_earlier_scans_left()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-change-").FullName;
        string db = Path.Combine(dir, "shop.duckdb");
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, $"data_source shop:\n  type: duckdb\n  path: {db}\n");

        var runs = await ScanThreeTimes(dir, config, "shop", async rows =>
        {
            await using var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={db}");
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE OR REPLACE TABLE orders AS SELECT range AS id FROM range({rows})";
            await cmd.ExecuteNonQueryAsync();
        });

        AssertSequence(runs);
    }

    [Fact]
    public async Task Three_scans_on_postgresql_judge_each_change_against_the_history_the_earlier_scans_left()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-change-").FullName;
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, $"data_source pg:\n  type: postgres\n  host: 127.0.0.1\n  port: {pg.Port}\n  username: postgres\n  password: x\n  database: postgres\n");

        var runs = await ScanThreeTimes(dir, config, "pg", rows =>
            pg.ExecuteAsync($"DROP TABLE IF EXISTS orders; CREATE TABLE orders AS SELECT g AS id FROM generate_series(1, {rows}) g;"));

        AssertSequence(runs);
    }

    [Fact]
    public async Task Without_a_history_a_change_check_is_an_error_as_in_soda_core_without_soda_cloud()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-change-").FullName;
        string data = Path.Combine(dir, "orders.csv");
        File.WriteAllText(data, "id\n1\n2\n");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for orders:\n  - change for row_count < 5\n  - row_count > 0\n");

        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataFile = data, CheckPaths = [checks] });

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(run.Logs, l => l.Level == ScanLogLevel.Error && l.Message.StartsWith("Soda Core must be configured to connect to Soda Cloud", StringComparison.Ordinal));
        Assert.Contains(run.Metrics, m => m.Name == "row_count");
    }
}
