// On PostgreSQL and MariaDB too, a duplicate check keeps its duplicated keys in a temporary table of the scan's session, and the
// failed-row sample joins them: as many rows as Soda's own sample query, without grouping the table a second time.
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.Execution;

public sealed class PostgresAndMariaDb : IAsyncLifetime
{
    public PostgresServer Postgres { get; } = new();
    public MariaDbServer MariaDb { get; } = new();

    private const string Table = "CREATE TABLE dups (id int, other varchar(10)); " +
                                 "INSERT INTO dups VALUES (1,'a'),(1,'b'),(2,'c'),(2,'d'),(3,'e'),(3,'f'),(4,'g'),(4,'h'),(4,'i'),(5,'j'),(NULL,'k'),(NULL,'l');";

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Postgres.InitializeAsync(), MariaDb.InitializeAsync());
        await Postgres.ExecuteAsync(Table);
        await MariaDb.ExecuteAsync(Table);
    }

    public async Task DisposeAsync()
    {
        await Postgres.DisposeAsync();
        await MariaDb.DisposeAsync();
    }
}

public class KeptDuplicateKeysTests(PostgresAndMariaDb servers) : IClassFixture<PostgresAndMariaDb>
{
    private async Task<(long? Count, int? SampleRows, IReadOnlyList<Sodalite.Engine.Execution.QueryLog> Queries)> Scan(string engine, string check)
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-keptkeys-").FullName;
        string config = Path.Combine(dir, "configuration.yml"), checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(config, engine == "postgres"
            ? $"data_source db:\n  type: postgres\n  host: 127.0.0.1\n  port: {servers.Postgres.Port}\n  username: postgres\n  password: x\n  database: postgres\n"
            : $"data_source db:\n  type: mysql\n  host: 127.0.0.1\n  port: {servers.MariaDb.Port}\n  username: sodalite\n  password: x\n  database: sodalite\n");
        File.WriteAllText(checks, "checks for dups:\n  - " + check + "\n");
        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataSourceName = "db", ConfigurationFiles = [config], CheckPaths = [checks] });
        var metric = run.Metrics.Single(m => m.Name == "duplicate_count");
        return (run.Measurements[metric].Value as long?, run.Measurements[metric].Sample?.RowCount, run.Queries);
    }

    [Theory]
    [InlineData("postgres", "duplicate_count(id) = 0", 4L, 9)]
    [InlineData("postgres", "duplicate_count(id) = 0:\n      samples limit: 3", 4L, 3)]
    [InlineData("mariadb", "duplicate_count(id) = 0", 4L, 9)]
    [InlineData("mariadb", "duplicate_count(id) = 0:\n      samples limit: 3", 4L, 3)]
    public async Task The_sample_joins_the_kept_keys(string engine, string check, long count, int rows)
    {
        var (value, sampleRows, queries) = await Scan(engine, check);
        Assert.Equal(count, value);
        Assert.Equal(rows, sampleRows);
        Assert.Contains(queries, q => q.Name.EndsWith(".duplicate_count.keep_keys", StringComparison.Ordinal) && q.Exception is null);
    }
}
