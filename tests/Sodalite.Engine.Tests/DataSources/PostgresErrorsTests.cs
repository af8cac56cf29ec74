// PostgreSQL's errors surface from the data source as DataSourceException: the SQLSTATE as the code, Npgsql's transient flag (a
// terminated backend, a timeout), what went wrong, and Npgsql's own error inside, whose message they keep.
using Npgsql;
using Sodalite.Engine.DataSources;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.DataSources;

public class PostgresErrorsTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private DataSourceConfig Config(string user = "postgres", string? queryTimeout = null) => new("pg", "postgres", new Dictionary<string, string?>
    {
        ["host"] = "127.0.0.1",
        ["port"] = pg.Port.ToString(),
        ["username"] = user,
        ["password"] = "x",
        ["database"] = "postgres",
        ["query_timeout"] = queryTimeout,
    });

    private async Task<DataSource> Open(string user = "postgres", string? queryTimeout = null)
    {
        await pg.ExecuteAsync("CREATE TABLE IF NOT EXISTS t (a int); CREATE TABLE IF NOT EXISTS secret (a int); " +
                              "DO $$ BEGIN CREATE ROLE reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$; GRANT SELECT ON t TO reader;");
        return await DataSource.ConnectAsync(Config(user, queryTimeout), CancellationToken.None);
    }

    private static Task<int> Run(DataSource ds, string sql) => ds.ReadAsync(sql, async r =>
    {
        while (await r.ReadAsync()) { }
        return 0;
    }, CancellationToken.None);

    [Theory]
    [InlineData("SELECT count(*) FROM nope", QueryErrorKind.DatasetNotFound, "42P01", "nope")]
    [InlineData("SELECT count(*) FROM nosuch.t", QueryErrorKind.DatasetNotFound, "42P01", "nosuch.t")]
    [InlineData("SELECT count(nope) FROM t", QueryErrorKind.NameNotResolved, "42703", "nope")]
    [InlineData("SELECT count(*) FROM t WHERE nope > 1", QueryErrorKind.NameNotResolved, "42703", "nope")]
    [InlineData("SELECT count(t.nope) FROM t", QueryErrorKind.NameNotResolved, "42703", "t.nope")]
    [InlineData("SELECT count(q.a) FROM t", QueryErrorKind.NameNotResolved, "42P01", "q")]
    [InlineData("SELECT nofunc(a) FROM t", QueryErrorKind.NameNotResolved, "42883", "nofunc")]
    [InlineData("SELEC count(*) FROM t", QueryErrorKind.Syntax, "42601", null)]
    [InlineData("SELECT count(*) FROM t WHERE (a > 1", QueryErrorKind.Syntax, "42601", null)]
    [InlineData("SELECT count(*) FROM t WHERE 'a' ~ '('", QueryErrorKind.Other, "2201B", null)]
    [InlineData("SELECT 1/0", QueryErrorKind.Other, "22012", null)]
    public async Task A_failing_statement_is_classified_from_its_sqlstate(string sql, QueryErrorKind kind, string code, string? name)
    {
        await using var ds = await Open();
        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, sql));
        Assert.Equal((kind, code, name), (e.Kind, e.Code, e.UnresolvedName));
        Assert.Equal(code, e.SqlState);
        Assert.False(e.IsTransient);
        var original = Assert.IsType<PostgresException>(e.InnerException);
        Assert.Equal(original.Message, e.Message);
    }

    [Fact]
    public async Task A_table_the_user_may_not_read_is_access_denied()
    {
        await using var ds = await Open(user: "reader");
        await Run(ds, "SELECT count(*) FROM t");
        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, "SELECT count(*) FROM secret"));
        Assert.Equal((QueryErrorKind.AccessDenied, "42501"), (e.Kind, e.Code));
    }

    [Fact]
    public async Task A_terminated_backend_is_transient()
    {
        await using var ds = await Open();
        int pid = await ds.ReadAsync("SELECT pg_backend_pid()", async r =>
        {
            await r.ReadAsync();
            return r.GetInt32(0);
        }, CancellationToken.None);
        // Waits (up to 10 s) until the backend has gone.
        await pg.ExecuteAsync($"SELECT pg_terminate_backend({pid}, 10000)");

        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, "SELECT count(*) FROM t"));
        Assert.Equal(("57P01", QueryErrorKind.Other), (e.Code, e.Kind));
        Assert.True(e.IsTransient);
        Assert.Equal("57P01: terminating connection due to administrator command", e.Message);
    }

    [Fact]
    public async Task A_query_stopped_by_query_timeout_is_transient_without_a_code()
    {
        await using var ds = await Open(queryTimeout: "1");
        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, "SELECT pg_sleep(3)"));
        Assert.True(e.IsTransient);
        Assert.Null(e.Code);
        Assert.Equal(QueryErrorKind.Other, e.Kind);
        Assert.IsType<NpgsqlException>(e.InnerException);
    }

    [Fact]
    public async Task A_query_stopped_by_statement_timeout_is_transient()
    {
        await using var ds = await Open();
        await Run(ds, "SET statement_timeout = 200");
        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, "SELECT pg_sleep(3)"));
        Assert.Equal("57014", e.Code);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task A_catalog_the_user_may_not_read_is_told_apart_from_a_table_that_does_not_exist()
    {
        await using var ds = await Open(user: "reader");
        Assert.Equal([("a", "integer")], await ds.TryColumnsAsync("t", CancellationToken.None));
        Assert.Empty((await ds.TryColumnsAsync("nope", CancellationToken.None))!);
        await pg.ExecuteAsync("REVOKE SELECT ON information_schema.columns FROM PUBLIC");
        try
        {
            Assert.Null(await ds.TryColumnsAsync("secret", CancellationToken.None));
            Assert.Empty(await ds.ColumnsAsync("secret", CancellationToken.None));
            // What was read before stays read for the scan.
            Assert.Equal([("a", "integer")], await ds.TryColumnsAsync("t", CancellationToken.None));
        }
        finally
        {
            await pg.ExecuteAsync("GRANT SELECT ON information_schema.columns TO PUBLIC");
        }
    }
}
