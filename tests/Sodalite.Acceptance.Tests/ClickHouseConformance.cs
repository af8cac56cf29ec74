// ClickHouse under the conformance suite, twice: on a single node, and on a real two-shard cluster (two clickhouse-server processes,
// a MergeTree shard table on each and a Distributed table over them, loaded through the Distributed table). The cluster must give
// the single node's results, case by case. Every column is Nullable, as PostgreSQL's are; TIMESTAMPTZ is DateTime('UTC').
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sodalite.TestSupport;

namespace Sodalite.Acceptance.Tests;

public class ClickHouseEngine : ConformanceEngine
{
    private ClickHouseServer[] _nodes = [];
    public IReadOnlyList<ClickHouseServer> Nodes => _nodes;

    /// <summary>The same data source as <see cref="ConformanceEngine.ConfigPath"/>, for the user "reader" (readonly=1).</summary>
    public string ReaderConfigPath { get; private set; } = "";
    public override string Engine => "ClickHouse";
    protected virtual int NodeCount => 1;

    /// <summary>The cases whose user-written SQL is PostgreSQL's own syntax, which ClickHouse 18.16 does not parse.</summary>
    public override IReadOnlyDictionary<string, string> Differences { get; } = new Dictionary<string, string>
    {
        ["table_filter"] = "The case's filter is written with typed literals (DATE '2020-06-23'), which ClickHouse 18.16 does not parse (a syntax error, reported; toDate('2020-06-23') is its way).",
        ["freshness_no_rows"] = "The case's filter is the literal FALSE; ClickHouse 18.16 has no boolean literals (a query error, reported; 0 is its way).",
    };

    /// <summary>The catalog's type names for the acceptance tables, and PostgreSQL's for the same columns.</summary>
    private static readonly Dictionary<string, string> PostgresTypeNames = new()
    {
        ["Nullable(String)"] = "character varying",
        ["Nullable(Float64)"] = "double precision",
        ["Nullable(Int32)"] = "integer",
        ["Nullable(Date)"] = "date",
        ["Nullable(DateTime)"] = "timestamp without time zone",
        ["Nullable(DateTime('UTC'))"] = "timestamp with time zone",
    };

    public override async Task InitializeAsync()
    {
        _nodes = await ClickHouseServer.StartNodesAsync(NodeCount);
        await LoadAcceptanceTablesAsync(_nodes);
        ConfigPath = WriteConfig(_nodes[0].ConfigurationYaml("pg"));
        ReaderConfigPath = WriteConfig(_nodes[0].ConfigurationYaml("pg", user: "reader"));
        // ClickHouse's usual columns are not Nullable: an unmatched join row then gets '' rather than NULL.
        await ClickHouseTables.CreateAsync(_nodes, "notnull_customers", "id String", "id");
        await ClickHouseTables.InsertAsync(_nodes, "INSERT INTO notnull_customers VALUES ('C1'), ('C2'), ('C3'), ('C3')");
        await ClickHouseTables.CreateAsync(_nodes, "notnull_orders", "id String, customer_id String", "id");
        await ClickHouseTables.InsertAsync(_nodes, "INSERT INTO notnull_orders VALUES ('O1', 'C1'), ('O2', 'C9'), ('O3', 'C2'), ('O4', 'C8'), ('O5', 'C3')");
    }

    public override void Normalize(JsonObject expected, JsonObject actual)
    {
        AcceptanceCase.RenameCatalogTypes(actual, expected, PostgresTypeNames);
        AcceptanceCase.SortGroupByRows(expected);
        AcceptanceCase.SortGroupByRows(actual);
    }

    public override async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
    }

    /// <summary>PostgreSQL's column types as ClickHouse types.</summary>
    private static string ClickHouseType(string pgType) => Regex.Replace(pgType.Trim().ToUpperInvariant(), @"\(\d+\)$", "") switch
    {
        "VARCHAR" or "TEXT" => "Nullable(String)",
        "FLOAT" or "DOUBLE PRECISION" => "Nullable(Float64)",
        "INT" or "INTEGER" => "Nullable(Int32)",
        "DATE" => "Nullable(Date)",
        "TIMESTAMP" => "Nullable(DateTime)",
        "TIMESTAMPTZ" => "Nullable(DateTime('UTC'))",
        var other => throw new NotSupportedException($"tables.sql uses type {other}: map it to a ClickHouse type here."),
    };

    /// <summary>
    /// tables.sql translated: each CREATE TABLE becomes a ClickHouse table (sharded by a hash of its first column on a cluster), its
    /// INSERTs go through it (UTC offsets dropped: DateTime('UTC') values are UTC), and a database "public" holds views of the tables
    /// for the cases whose SQL names PostgreSQL's schema.
    /// </summary>
    public static async Task LoadAcceptanceTablesAsync(IReadOnlyList<ClickHouseServer> nodes)
    {
        var columns = new Dictionary<string, (string Definitions, string First)>();
        string sql = File.ReadAllText(Path.Combine(AcceptanceCase.CasesDir, "..", "tables.sql"));
        foreach (string statement in sql.Split(";\n").Select(s => s.Trim().TrimEnd(';').Trim()).Where(s => s.Length > 0))
        {
            if (statement.StartsWith("drop table", StringComparison.OrdinalIgnoreCase)) continue;
            if (Regex.Match(statement, @"^create table (\w+) as select \* from (\w+)$", RegexOptions.IgnoreCase) is { Success: true } copy)
            {
                string table = copy.Groups[1].Value;
                columns[table] = columns[copy.Groups[2].Value];
                await ClickHouseTables.CreateAsync(nodes, table, columns[table].Definitions, ShardingKey(columns[table].First));
                await ClickHouseTables.InsertAsync(nodes, $"INSERT INTO {table} SELECT * FROM {copy.Groups[2].Value}");
            }
            else if (Regex.Match(statement, @"^create table (\w+) \((.*)\)$", RegexOptions.IgnoreCase | RegexOptions.Singleline) is { Success: true } create)
            {
                var defs = create.Groups[2].Value.Split(',').Select(c => c.Trim().Split(' ', 2)).ToList();
                string definitions = string.Join(", ", defs.Select(d => $"{d[0]} {ClickHouseType(d[1])}"));
                columns[create.Groups[1].Value] = (definitions, defs[0][0]);
                await ClickHouseTables.CreateAsync(nodes, create.Groups[1].Value, definitions, ShardingKey(defs[0][0]));
            }
            else if (statement.StartsWith("insert into", StringComparison.OrdinalIgnoreCase))
                await ClickHouseTables.InsertAsync(nodes, Regex.Replace(statement, @"(\d{2}:\d{2}:\d{2})\+00'", "$1'"));
            else
                throw new NotSupportedException($"tables.sql statement not translated for ClickHouse: {statement}");
        }
        await nodes[0].QueryAsync("CREATE DATABASE public");
        foreach (string table in columns.Keys) await nodes[0].QueryAsync($"CREATE VIEW public.{table} AS SELECT * FROM sodalite.{table}");
    }

    private static string ShardingKey(string column) => $"ifNull(toString({column}), '')";
}

public sealed class ClickHouseClusterEngine : ClickHouseEngine
{
    public override string Engine => "ClickHouse (two shards)";
    protected override int NodeCount => 2;

    /// <summary>A single node with the same tables, to compare the cluster's results with.</summary>
    public ClickHouseEngine Single { get; } = new();

    public override async Task InitializeAsync()
    {
        await Task.WhenAll(base.InitializeAsync(), Single.InitializeAsync());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Single.DisposeAsync();
    }
}

public class ClickHouseConformance(ClickHouseEngine engine) : ConformanceSuite<ClickHouseEngine>(engine), IClassFixture<ClickHouseEngine>;

public class ClickHouseClusterConformance(ClickHouseClusterEngine engine) : ConformanceSuite<ClickHouseClusterEngine>(engine), IClassFixture<ClickHouseClusterEngine>
{
    [Fact]
    public async Task Rows_are_spread_over_both_shards()
    {
        foreach (string table in new[] { "customers", "orders", "rawcustomers" })
        {
            long[] perShard = await ClickHouseTables.RowsPerNodeAsync(Engine.Nodes, table);
            Assert.Equal(2, perShard.Length);
            Assert.All(perShard, n => Assert.True(n > 0, $"{table}: rows per shard {string.Join("/", perShard)}"));
        }
    }

    [Theory]
    [InlineData("duplicate_count(country) = 0", 2L, 10)]
    [InlineData("duplicate_count(country) = 0:\n      samples limit: 3", 2L, 3)]
    [InlineData("duplicate_count(country, cat) = 0", 1L, 2)]
    public async Task Duplicate_samples_read_the_keys_kept_by_the_count_on_both_layouts(string check, long count, int sampleRows)
    {
        string checks = Path.Combine(Directory.CreateTempSubdirectory("sodalite-ch-dup-").FullName, "checks.yml");
        File.WriteAllText(checks, "checks for customers:\n  - " + check + "\n");
        foreach (string config in new[] { Engine.ConfigPath, Engine.Single.ConfigPath })
        {
            var run = await new Sodalite.Engine.Scanner(TimeProvider.System).RunAsync(new Sodalite.Engine.ScanOptions
            {
                DataSourceName = "pg",
                ConfigurationFiles = [config],
                CheckPaths = [checks],
            });
            Assert.DoesNotContain(run.Logs, l => l.Level == Sodalite.SodaCL.Diagnostics.ScanLogLevel.Error);
            var metric = run.Metrics.Single(m => m.Name == "duplicate_count");
            Assert.Equal(count, run.Measurements[metric].Value);
            Assert.Equal(sampleRows, run.Measurements[metric].Sample?.RowCount);
            // The count kept the keys in the session's temporary table; the sample read rows IN them instead of grouping again.
            Assert.Contains(run.Queries, q => q.Name.EndsWith(".duplicate_count.keep_keys", StringComparison.Ordinal) && q.Exception is null);
            Assert.Contains(run.Queries, q => q.Sql.Contains("GLOBAL IN (SELECT", StringComparison.Ordinal) && q.Exception is null);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reference_and_duplicate_checks_on_columns_that_are_not_nullable(bool readOnlyUser)
    {
        string checks = Path.Combine(Directory.CreateTempSubdirectory("sodalite-ch-notnull-").FullName, "checks.yml");
        File.WriteAllText(checks, """
            checks for notnull_orders:
              - values in customer_id must exist in notnull_customers id
              - values in customer_id must not exist in notnull_customers id
            checks for notnull_customers:
              - duplicate_count(id) = 0
            """);
        foreach (var engine in new ClickHouseEngine[] { Engine, Engine.Single })
        {
            var run = await new Sodalite.Engine.Scanner(TimeProvider.System).RunAsync(new Sodalite.Engine.ScanOptions
            {
                DataSourceName = "pg",
                ConfigurationFiles = [readOnlyUser ? engine.ReaderConfigPath : engine.ConfigPath],
                CheckPaths = [checks],
            });
            string logs = string.Join("\n", run.Logs.Select(l => $"{l.Level}: {l.Message}"));
            Assert.True(!run.Logs.Any(l => l.Level == Sodalite.SodaCL.Diagnostics.ScanLogLevel.Error), logs);
            var byCheck = run.Results.ToDictionary(r => r.Name, r => (r.Value, RowCount: r.Check.Metric is { } m ? run.Measurements[m].Sample?.RowCount : null));
            // C9 and C8 have no customer; C1, C2 and C3 have (C3 twice: the join counts it twice, as on PostgreSQL).
            Assert.Equal((2L, 2), (byCheck["values in customer_id must exist in notnull_customers id"].Value, byCheck["values in customer_id must exist in notnull_customers id"].RowCount));
            Assert.Equal(4L, byCheck["values in customer_id must not exist in notnull_customers id"].Value);
            Assert.Equal((1L, 2), (byCheck["duplicate_count(id) = 0"].Value, byCheck["duplicate_count(id) = 0"].RowCount));
        }
    }

    [Theory]
    [MemberData(nameof(ConformanceEngine.Cases), MemberType = typeof(ConformanceEngine))]
    public async Task Case_matches_the_single_node(string name)
    {
        var (single, singleExit, singleLogs) = await AcceptanceCase.ScanWithLogsAsync(name, Engine.Single.ConfigPath);
        var (cluster, clusterExit, clusterLogs) = await AcceptanceCase.ScanWithLogsAsync(name, Engine.ConfigPath);
        AcceptanceCase.SortGroupByRows(single);
        AcceptanceCase.SortGroupByRows(cluster);
        var diffs = AcceptanceCase.Compare(single, cluster, singleExit, clusterExit, sampleColumnTypes: true);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs) + $"\nsingle node logs:\n{singleLogs}\ncluster logs:\n{clusterLogs}");
    }
}
