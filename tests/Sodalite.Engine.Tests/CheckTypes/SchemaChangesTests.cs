// 'when schema changes' on a local metric history: the first scan has no previous schema, the second finds none changed, the
// third finds a column added, one deleted, one retyped and one moved; on DuckDB and on PostgreSQL.
using Sodalite.Engine.CheckTypes.SchemaCheck;
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.History;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.CheckTypes;

public class SchemaChangesTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private const string Checks = """
        checks for customers:
          - schema:
              name: any change fails
              fail:
                when schema changes: any
          - schema:
              name: only deletions fail, additions warn
              warn:
                when schema changes: [column add]
              fail:
                when schema changes: [column delete]
        """;

    /// <summary>The table of each scan: the same twice, then phone added, country dropped, name before id, and id as text.</summary>
    private static readonly string[] Tables =
    [
        "CREATE TABLE customers (id INTEGER, name VARCHAR(20), country VARCHAR(2))",
        "CREATE TABLE customers (id INTEGER, name VARCHAR(20), country VARCHAR(2))",
        "CREATE TABLE customers (name VARCHAR(20), id VARCHAR(10), phone VARCHAR(20))",
    ];

    private static async Task<List<Output.ScanRun>> ScanThreeTimes(string dir, string config, string dataSource, Func<string, Task> create)
    {
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, Checks);
        await using var history = await SqliteMetricHistory.OpenAsync(Path.Combine(dir, "history.db"), default);
        var runs = new List<Output.ScanRun>();
        for (int i = 0; i < 3; i++)
        {
            await create(Tables[i]);
            runs.Add(await new Scanner(TimeProvider.System).RunAsync(new ScanOptions
            {
                DataSourceName = dataSource,
                ConfigurationFiles = [config],
                CheckPaths = [checks],
                DataTimestamp = new DateTimeOffset(2024, 5, 1 + i, 0, 0, 0, TimeSpan.Zero),
                History = history,
            }));
        }
        return runs;
    }

    private static void AssertSequence(List<Output.ScanRun> runs)
    {
        Assert.All(runs, r => Assert.DoesNotContain(r.Logs, l => l.Level == ScanLogLevel.Error));
        Assert.Equal([null, null], runs[0].Results.Select(r => r.Outcome));
        Assert.Contains(runs[0].Logs, l => l.Level == ScanLogLevel.Warning && l.Message.StartsWith("Skipping schema checks since there is no historic schema metrics!", StringComparison.Ordinal));
        Assert.Equal([CheckOutcome.Pass, CheckOutcome.Pass], runs[1].Results.Select(r => r.Outcome));
        Assert.Equal([CheckOutcome.Fail, CheckOutcome.Fail], runs[2].Results.Select(r => r.Outcome));

        var any = runs[2].Results[0].Schema!.Fail;
        Assert.Equal(["phone"], any.Additions);
        Assert.Equal(["country"], any.Deletions);
        Assert.Equal(["id"], any.TypeChanges.Select(c => c.Column));
        Assert.Equal([("name", 1, 0), ("id", 0, 1)], any.IndexChanges);
        var split = runs[2].Results[1].Schema!;
        Assert.Equal(["country"], split.Fail.Deletions);
        Assert.Empty(split.Fail.Additions);
        Assert.Equal(["phone"], split.Warn.Additions);
        Assert.Contains("phone,:icon-fail: Column Added, ", SchemaEvaluation.EventLines(any, "fail"));
        Assert.Contains("country,:icon-fail: Column Deleted, ", SchemaEvaluation.EventLines(any, "fail"));
    }

    [Fact]
    public async Task Schema_changes_on_duckdb_are_found_against_the_previous_scans_schema()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-schema-").FullName;
        string db = Path.Combine(dir, "shop.duckdb");
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, $"data_source shop:\n  type: duckdb\n  path: {db}\n");

        var runs = await ScanThreeTimes(dir, config, "shop", async create =>
        {
            await using var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={db}");
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TABLE IF EXISTS customers; " + create;
            await cmd.ExecuteNonQueryAsync();
        });

        AssertSequence(runs);
        Assert.Equal(("id", "INTEGER", "VARCHAR"), runs[2].Results[0].Schema!.Fail.TypeChanges[0]);
    }

    [Fact]
    public async Task Schema_changes_on_postgresql_are_found_against_the_previous_scans_schema()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-schema-").FullName;
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, $"data_source pg:\n  type: postgres\n  host: 127.0.0.1\n  port: {pg.Port}\n  username: postgres\n  password: x\n  database: postgres\n");

        var runs = await ScanThreeTimes(dir, config, "pg", create => pg.ExecuteAsync("DROP TABLE IF EXISTS customers; " + create));

        AssertSequence(runs);
        Assert.Equal(("id", "integer", "character varying"), runs[2].Results[0].Schema!.Fail.TypeChanges[0]);
    }
}
