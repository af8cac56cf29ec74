// Group evolution checks: required and forbidden groups need no history (as in Soda Core without Soda Cloud); 'when groups change'
// compares with the previous scan's groups in the metric history. Three scans on DuckDB and PostgreSQL: BE and NL, the same again,
// then BE and FR.
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.History;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.CheckTypes;

public class GroupEvolutionTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private const string Checks = """
        checks for customers:
          - group evolution:
              name: countries
              query: SELECT DISTINCT country FROM customers
              fail:
                when required group missing: [BE]
                when forbidden group present: [X%]
              warn:
                when groups change: any
        """;

    private static readonly string[][] Countries = [["BE", "NL"], ["NL", "BE"], ["BE", "FR"]];

    private static async Task<List<Output.ScanRun>> ScanThreeTimes(string dir, string config, string dataSource, Func<string, Task> execute)
    {
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, Checks);
        await using var history = await SqliteMetricHistory.OpenAsync(Path.Combine(dir, "history.db"), default);
        var runs = new List<Output.ScanRun>();
        for (int i = 0; i < 3; i++)
        {
            await execute("DROP TABLE IF EXISTS customers; CREATE TABLE customers (id INTEGER, country VARCHAR(2)); INSERT INTO customers VALUES "
                + string.Join(", ", Countries[i].Select((c, j) => $"({j}, '{c}')")) + ";");
            runs.Add(await new Scanner(TimeProvider.System).RunAsync(new ScanOptions
            {
                DataSourceName = dataSource,
                ConfigurationFiles = [config],
                CheckPaths = [checks],
                DataTimestamp = new DateTimeOffset(2024, 6, 1 + i, 0, 0, 0, TimeSpan.Zero),
                History = history,
            }));
        }
        return runs;
    }

    private static void AssertSequence(List<Output.ScanRun> runs)
    {
        Assert.All(runs, r => Assert.DoesNotContain(r.Logs, l => l.Level == ScanLogLevel.Error));
        Assert.Null(Assert.Single(runs[0].Results).Outcome);
        Assert.Contains(runs[0].Logs, l => l.Message.StartsWith("Skipping group checks since there are no historic groups available!", StringComparison.Ordinal));
        Assert.Equal(CheckOutcome.Pass, Assert.Single(runs[1].Results).Outcome);
        var changed = Assert.Single(runs[2].Results);
        Assert.Equal(CheckOutcome.Warn, changed.Outcome);
        Assert.Empty(changed.GroupEvents!.Value.Fail);
        Assert.Equal([("FR", "Added"), ("NL", "Deleted")], changed.GroupEvents!.Value.Warn);
    }

    [Fact]
    public async Task Groups_added_and_deleted_since_the_previous_scan_warn_on_duckdb()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-groups-").FullName;
        string db = Path.Combine(dir, "shop.duckdb");
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, $"data_source shop:\n  type: duckdb\n  path: {db}\n");

        var runs = await ScanThreeTimes(dir, config, "shop", async sql =>
        {
            await using var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={db}");
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        });

        AssertSequence(runs);
    }

    [Fact]
    public async Task Groups_added_and_deleted_since_the_previous_scan_warn_on_postgresql()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-groups-").FullName;
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, $"data_source pg:\n  type: postgres\n  host: 127.0.0.1\n  port: {pg.Port}\n  username: postgres\n  password: x\n  database: postgres\n");

        var runs = await ScanThreeTimes(dir, config, "pg", sql => pg.ExecuteAsync(sql));

        AssertSequence(runs);
    }

    [Fact]
    public async Task Required_and_forbidden_groups_need_no_history_as_in_soda_core()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-groups-").FullName;
        string data = Path.Combine(dir, "customers.csv");
        File.WriteAllText(data, "id,country\n1,NL\n2,XX\n");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for customers:\n  - group evolution:\n      query: SELECT DISTINCT country FROM customers\n      fail:\n        when required group missing: [BE]\n        when forbidden group present: [X%]\n");

        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataFile = data, CheckPaths = [checks] });

        var result = Assert.Single(run.Results);
        Assert.Equal(CheckOutcome.Fail, result.Outcome);
        Assert.Equal([("BE", "Missing"), ("XX", "Forbidden")], result.GroupEvents!.Value.Fail);
        Assert.Equal(2, run.ExitCode);
    }
}
