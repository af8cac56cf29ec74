// Each check type's main behaviour and bad inputs, run the same way on DuckDB, a real PostgreSQL cluster, a real MariaDB server,
// a ClickHouse node and a two-shard ClickHouse cluster: the same tables, the same checks file, the same expectations (a message
// with its location, exit 3, other checks run).
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

public sealed class BothEngines : IAsyncLifetime
{
    public PostgresServer Postgres { get; } = new();
    public MariaDbServer MariaDb { get; } = new();
    private ClickHouseServer[] _clickHouse = [];
    private ClickHouseServer[] _clickHouseCluster = [];
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("sodalite-engines-").FullName;

    private const string Tables = """
        CREATE TABLE customers (id VARCHAR(10), country VARCHAR(2), joined DATE);
        INSERT INTO customers VALUES ('C1', 'BE', DATE '2024-05-01'), ('C2', 'NL', DATE '2024-05-03'), ('C3', 'BE', DATE '2024-05-02');
        CREATE TABLE orders (id VARCHAR(10), customer_id VARCHAR(10), amount DOUBLE PRECISION, created TIMESTAMP);
        INSERT INTO orders VALUES ('O1', 'C1', 10.5, TIMESTAMP '2024-05-04 10:00:00'), ('O2', 'C9', -3, TIMESTAMP '2024-05-04 12:00:00'),
                                  ('O3', 'C2', 20, TIMESTAMP '2024-05-05 08:00:00'), ('O4', NULL, 7.25, TIMESTAMP '2024-05-05 09:30:00');
        """;

    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        await Postgres.ExecuteAsync(Tables);
        await MariaDb.InitializeAsync();
        await MariaDb.ExecuteAsync(Tables);
        _clickHouse = await ClickHouseServer.StartNodesAsync(1);
        _clickHouseCluster = await ClickHouseServer.StartNodesAsync(2);
        foreach (var nodes in new[] { _clickHouse, _clickHouseCluster })
        {
            await ClickHouseTables.CreateAsync(nodes, "customers", "id Nullable(String), country Nullable(String), joined Nullable(Date)", "ifNull(id, '')");
            await ClickHouseTables.InsertAsync(nodes, "INSERT INTO customers VALUES ('C1', 'BE', '2024-05-01'), ('C2', 'NL', '2024-05-03'), ('C3', 'BE', '2024-05-02')");
            await ClickHouseTables.CreateAsync(nodes, "orders",
                "id Nullable(String), customer_id Nullable(String), amount Nullable(Float64), created Nullable(DateTime)", "ifNull(id, '')");
            await ClickHouseTables.InsertAsync(nodes, "INSERT INTO orders VALUES ('O1', 'C1', 10.5, '2024-05-04 10:00:00'), ('O2', 'C9', -3, '2024-05-04 12:00:00'), " +
                                                      "('O3', 'C2', 20, '2024-05-05 08:00:00'), ('O4', NULL, 7.25, '2024-05-05 09:30:00')");
        }
        string db = Path.Combine(Directory, "shop.duckdb");
        using (var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={db}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = Tables;
            cmd.ExecuteNonQuery();
        }
        File.WriteAllText(Path.Combine(Directory, "configuration.yml"), $"""
            data_source duckdb:
              type: duckdb
              path: {db}
            data_source postgres:
              type: postgres
              host: 127.0.0.1
              port: {Postgres.Port}
              username: postgres
              password: x
              database: postgres
              schema: public
            data_source mariadb:
              type: mysql
              host: 127.0.0.1
              port: {MariaDb.Port}
              username: sodalite
              password: x
              database: sodalite
            {_clickHouse[0].ConfigurationYaml("clickhouse")}
            {_clickHouseCluster[0].ConfigurationYaml("clickhouse_cluster")}
            """);
    }

    public async Task DisposeAsync()
    {
        await Postgres.DisposeAsync();
        await MariaDb.DisposeAsync();
        foreach (var node in _clickHouse.Concat(_clickHouseCluster)) await node.DisposeAsync();
    }
}

public class BothEnginesTests(BothEngines engines) : IClassFixture<BothEngines>
{
    private async Task<(int Exit, string Out)> Scan(string engine, string checks)
    {
        string path = Path.Combine(engines.Directory, $"checks-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, checks);
        var o = new StringWriter();
        int exit = await SodaliteCli.RunAsync(["scan", "-d", engine, "-c", Path.Combine(engines.Directory, "configuration.yml"), path, "-v", "NOW=2024-05-05T12:00:00"], o, new StringWriter());
        return (exit, o.ToString());
    }

    public static TheoryData<string> Engines => new("duckdb", "postgres", "mariadb", "clickhouse", "clickhouse_cluster");

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Every_check_type_gives_the_same_outcomes(string engine)
    {
        var (exit, output) = await Scan(engine, """
            filter customers [be]:
              where: country = 'BE'
            checks for orders:
              - freshness(created) < 3h
              - freshness(created, LATER) < 1d
              - schema:
                  fail:
                    when required column missing: [id, amount]
                    when wrong column type: {amount: double precision}
              - values in customer_id must exist in customers id
              - row_count same as customers
              - failed rows:
                  fail condition: amount < 0
              - avg_amount between 8 and 9:
                  avg_amount query: SELECT AVG(amount) FROM orders
              - group by:
                  query: SELECT CASE WHEN customer_id IS NULL THEN 'anonymous' ELSE 'known' END AS who, COUNT(*) AS n FROM orders GROUP BY who ORDER BY who
                  fields: [who]
                  checks:
                    - n < 2
            checks for customers [be]:
              - freshness(joined) < 4d
            """);
        Assert.Contains("freshness(created) < 3h [PASSED]", output);
        Assert.Contains("Schema Check [PASSED]", output);
        Assert.Contains("values in customer_id must exist in customers id [FAILED]", output);
        Assert.Contains("value: 1", output);
        Assert.Contains("row_count same as customers [FAILED]", output);
        Assert.Contains("failed rows [FAILED]", output);
        Assert.Contains("avg_amount between 8 and 9 [PASSED]", output);
        Assert.Contains("n < 2 [known] [FAILED]", output);
        Assert.Contains("n < 2 [anonymous] [PASSED]", output);
        Assert.Contains("freshness(joined) < 4d [PASSED]", output);   // the newest BE customer joined 2024-05-02 23:59:59.999999
        // The now-variable LATER is not given: the check fails with an error, so the scan exits 3.
        Assert.Contains("Could not parse variable LATER as a timestamp: variable not found", output);
        Assert.Equal(3, exit);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Aggregate_checks_run_in_one_query_per_dataset_and_filter(string engine)
    {
        string results = Path.Combine(engines.Directory, $"results-{Guid.NewGuid():N}.json");
        string path = Path.Combine(engines.Directory, $"checks-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, """
            filter orders [recent]:
              where: amount > 0
            checks for orders:
              - row_count = 4
              - missing_count(customer_id) = 1
              - min(amount) = -3
              - max(amount) = 20
              - avg_length(id) = 2
              - stddev(amount) > 0
              - invalid_count(customer_id):
                  valid regex: ^C[12]$
                  fail: when > 0
            checks for orders [recent]:
              - row_count = 3
              - sum(amount) = 37.75
            """);
        int exit = await SodaliteCli.RunAsync(["scan", "-d", engine, "-c", Path.Combine(engines.Directory, "configuration.yml"), path, "-srf", results], new StringWriter(), new StringWriter());
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!;
        var names = doc["queries"]!.AsArray().Select(q => (string)q!["name"]!).ToList();
        Assert.Single(names, n => n.EndsWith(".orders.aggregation[0]", StringComparison.Ordinal));
        Assert.Single(names, n => n.EndsWith(".orders[recent].aggregation[0]", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("aggregation[1]", StringComparison.Ordinal));
        var outcomes = doc["checks"]!.AsArray().Select(c => $"{c!["name"]} [{c["table"]}{(c["filter"] is { } f ? $" {f}" : "")}]: {c["outcome"]}").Order().ToList();
        Assert.Equal(9, outcomes.Count);
        Assert.All(outcomes, o => Assert.EndsWith(o.StartsWith("invalid_count(customer_id)", StringComparison.Ordinal) ? ": fail" : ": pass", o));
        Assert.Equal(2, exit); // C9 is the one invalid customer id (NULL is missing, not invalid)
    }

    [Theory]
    [InlineData("duckdb", "main")]
    [InlineData("postgres", "public")]
    [InlineData("mariadb", "sodalite")]
    [InlineData("clickhouse", "sodalite")]
    [InlineData("clickhouse_cluster", "sodalite")]
    public async Task Tables_named_with_their_schema_are_found(string engine, string schema)
    {
        var (exit, output) = await Scan(engine, $"""
            checks for {schema}.orders:
              - row_count = 4
              - schema:
                  fail:
                    when required column missing: [id, amount]
              - values in customer_id must exist in {schema}.customers id
            """);
        Assert.Contains("row_count = 4 [PASSED]", output);
        Assert.Contains("Schema Check [PASSED]", output);
        Assert.Contains($"values in customer_id must exist in {schema}.customers id [FAILED]", output);
        Assert.Equal(2, exit);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Bad_inputs_give_located_errors_and_the_other_checks_still_run(string engine)
    {
        var (exit, output) = await Scan(engine, """
            checks for orders:
              - row_count > 0
              - freshness(created, AS_OF) < 1d
              - values in customer_id must exist in customers no_such_column
              - group by:
                  query: SELECT 1 AS n
                  checks:
                    - n > 0
              - schema:
                  fail:
                    when required column missing: [id]
            checks for no_such_table:
              - schema:
                  fail:
                    when required column missing: [id]
              - row_count > 0
            """);
        Assert.Equal(3, exit);
        Assert.Contains("row_count > 0 [PASSED]", output);
        Assert.Contains("Schema Check [PASSED]", output);
        Assert.Contains("Could not parse variable AS_OF as a timestamp: variable not found", output);
        Assert.Contains("line=3,col=5", output);
        Assert.Contains("no_such_column", output);
        Assert.Contains("needs 'fields:'", output);
        Assert.Contains("line=5,col=5", output);
        Assert.Contains("Metrics 'schema' were not computed for check 'schema'", output);
        Assert.Contains("Metrics 'row_count' were not computed for check 'row_count > 0'", output);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_freshness_variable_that_is_not_a_timestamp_is_an_error_with_its_location(string engine)
    {
        string path = Path.Combine(engines.Directory, $"checks-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "checks for orders:\n  - row_count > 0\n  - freshness(created, AS_OF) < 1d\n");
        var o = new StringWriter();
        int exit = await SodaliteCli.RunAsync(["scan", "-d", engine, "-c", Path.Combine(engines.Directory, "configuration.yml"), path, "-v", "AS_OF=last tuesday"], o, new StringWriter());
        Assert.Equal(3, exit);
        Assert.Contains("Could not parse variable AS_OF as a timestamp: \"last tuesday\" is not an ISO 8601 timestamp", o.ToString());
        Assert.Contains("line=3,col=5", o.ToString());
        Assert.Contains("row_count > 0 [PASSED]", o.ToString());
    }
}
