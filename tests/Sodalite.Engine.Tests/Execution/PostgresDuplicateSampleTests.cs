// On PostgreSQL too, a duplicate check keeps its duplicated keys in a temporary table of the scan's session, and the failed-row
// sample joins them: as many rows as Soda's own sample query, without grouping the table a second time.
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.Execution;

public class PostgresDuplicateSampleTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private async Task<(long? Count, int? SampleRows, IReadOnlyList<Sodalite.Engine.Execution.QueryLog> Queries)> Scan(string check)
    {
        await pg.ExecuteAsync("DROP TABLE IF EXISTS dups; CREATE TABLE dups (id int, other text); " +
                              "INSERT INTO dups VALUES (1,'a'),(1,'b'),(2,'c'),(2,'d'),(3,'e'),(3,'f'),(4,'g'),(4,'h'),(4,'i'),(5,'j'),(NULL,'k'),(NULL,'l');");
        string dir = Directory.CreateTempSubdirectory("sodalite-pgdup-").FullName;
        string config = Path.Combine(dir, "configuration.yml"), checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(config, $"data_source pg:\n  type: postgres\n  host: 127.0.0.1\n  port: {pg.Port}\n  username: postgres\n  password: x\n  database: postgres\n");
        File.WriteAllText(checks, "checks for dups:\n  - " + check + "\n");
        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataSourceName = "pg", ConfigurationFiles = [config], CheckPaths = [checks] });
        var metric = run.Metrics.Single(m => m.Name == "duplicate_count");
        return (metric.Value as long?, metric.Sample?.RowCount, run.Queries);
    }

    [Theory]
    [InlineData("duplicate_count(id) = 0", 4L, 9)]
    [InlineData("duplicate_count(id) = 0:\n      samples limit: 3", 4L, 3)]
    public async Task The_sample_joins_the_kept_keys(string check, long count, int rows)
    {
        var (value, sampleRows, queries) = await Scan(check);
        Assert.Equal(count, value);
        Assert.Equal(rows, sampleRows);
        Assert.Contains(queries, q => q.Name.EndsWith(".duplicate_count.keep_keys", StringComparison.Ordinal) && q.Exception is null);
    }
}
