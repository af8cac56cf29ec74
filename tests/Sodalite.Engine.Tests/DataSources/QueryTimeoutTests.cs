// query_timeout bounds a query on PostgreSQL; without it a long query runs to the end (the drivers' own 30 s default does not apply).
using Sodalite.Engine.DataSources;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.DataSources;

public class QueryTimeoutTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private DataSourceConfig Config(string? timeout) => new("pg", "postgres", new Dictionary<string, string?>
    {
        ["host"] = "127.0.0.1",
        ["port"] = pg.Port.ToString(),
        ["username"] = "postgres",
        ["password"] = "x",
        ["database"] = "postgres",
        ["query_timeout"] = timeout,
    });

    [Fact]
    public async Task A_query_longer_than_query_timeout_fails()
    {
        await using var ds = await DataSource.ConnectAsync(Config("1"), CancellationToken.None);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ds.ReadAsync("SELECT pg_sleep(3)", _ => Task.FromResult(0), CancellationToken.None));
    }

    [Fact]
    public async Task Without_query_timeout_queries_have_no_time_limit()
    {
        await using var ds = await DataSource.ConnectAsync(Config(null), CancellationToken.None);
        await using var cmd = ds.Session.CreateCommand();
        Assert.Equal(0, cmd.CommandTimeout);
    }
}
