// MariaDB's errors surface from the data source as DataSourceException: the error number as the code, whether it is transient (a
// killed connection, a timeout), what went wrong, and MySqlConnector's own error inside, whose message they keep.
using MySqlConnector;
using Sodalite.Engine.DataSources;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.DataSources;

public class MariaDbErrorsTests(MariaDbServer maria) : IClassFixture<MariaDbServer>
{
    private DataSourceConfig Config(string user = "sodalite", string database = "sodalite", string? queryTimeout = null) => new("my", "mysql", new Dictionary<string, string?>
    {
        ["host"] = "127.0.0.1",
        ["port"] = maria.Port.ToString(),
        ["username"] = user,
        ["password"] = "x",
        ["database"] = database,
        ["query_timeout"] = queryTimeout,
    });

    private async Task<DataSource> Open(string user = "sodalite", string database = "sodalite", string? queryTimeout = null)
    {
        await maria.ExecuteAsync("CREATE TABLE IF NOT EXISTS t (a int); CREATE USER IF NOT EXISTS 'outsider'@'%' IDENTIFIED BY 'x'");
        return await DataSource.ConnectAsync(Config(user, database, queryTimeout), CancellationToken.None);
    }

    private static Task<int> Run(DataSource ds, string sql) => ds.ReadAsync(sql, async r =>
    {
        while (await r.ReadAsync()) { }
        return 0;
    }, CancellationToken.None);

    [Theory]
    [InlineData("SELECT count(*) FROM nope", QueryErrorKind.DatasetNotFound, "1146", "sodalite.nope")]
    [InlineData("SELECT count(*) FROM nosuch.t", QueryErrorKind.DatasetNotFound, "1146", "nosuch.t")]
    [InlineData("SELECT count(nope) FROM t", QueryErrorKind.NameNotResolved, "1054", "nope")]
    [InlineData("SELECT count(*) FROM t WHERE nope > 1", QueryErrorKind.NameNotResolved, "1054", "nope")]
    [InlineData("SELECT count(q.a) FROM t", QueryErrorKind.NameNotResolved, "1054", "q.a")]
    [InlineData("SELECT nofunc(a) FROM t", QueryErrorKind.NameNotResolved, "1305", "sodalite.nofunc")]
    [InlineData("SELEC count(*) FROM t", QueryErrorKind.Syntax, "1064", null)]
    [InlineData("SELECT count(*) FROM t WHERE (a > 1", QueryErrorKind.Syntax, "1064", null)]
    [InlineData("SELECT count(*) FROM t WHERE 'a' REGEXP '('", QueryErrorKind.Other, "1139", null)]
    public async Task A_failing_statement_is_classified_from_its_error_number(string sql, QueryErrorKind kind, string code, string? name)
    {
        await using var ds = await Open();
        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, sql));
        Assert.Equal((kind, code, name), (e.Kind, e.Code, e.UnresolvedName));
        Assert.False(e.IsTransient);
        var original = Assert.IsType<MySqlException>(e.InnerException);
        Assert.Equal(original.Message, e.Message);
        Assert.Equal(original.SqlState, e.SqlState);
    }

    [Fact]
    public async Task A_table_the_user_may_not_read_is_access_denied()
    {
        await using var ds = await Open(user: "outsider", database: "");
        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, "SELECT count(*) FROM sodalite.t"));
        Assert.Equal((QueryErrorKind.AccessDenied, "1142"), (e.Kind, e.Code));
    }

    [Fact]
    public async Task A_killed_connection_is_transient_without_a_code()
    {
        await using var ds = await Open();
        long id = await ds.ReadAsync("SELECT connection_id()", async r =>
        {
            await r.ReadAsync();
            return Convert.ToInt64(r.GetValue(0));
        }, CancellationToken.None);
        await maria.ExecuteAsync($"KILL CONNECTION {id}");

        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, "SELECT count(*) FROM t"));
        Assert.True(e.IsTransient);
        Assert.Null(e.Code);
        Assert.Equal(QueryErrorKind.Other, e.Kind);
    }

    [Fact]
    public async Task A_query_stopped_by_query_timeout_is_transient()
    {
        await using var ds = await Open(queryTimeout: "1");
        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, "SELECT sleep(3)"));
        Assert.True(e.IsTransient);
        Assert.Equal("-1", e.Code); // MySqlConnector's CommandTimeoutExpired
    }

    [Fact]
    public async Task A_query_stopped_by_max_statement_time_is_transient()
    {
        await using var ds = await Open();
        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, "SET STATEMENT max_statement_time = 0.2 FOR SELECT sleep(3)"));
        Assert.Equal("1969", e.Code);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task A_table_read_from_the_catalog_keeps_its_columns_and_a_missing_one_has_none()
    {
        await using var ds = await Open();
        Assert.Equal([("a", "int")], await ds.TryColumnsAsync("t", CancellationToken.None));
        Assert.Empty((await ds.TryColumnsAsync("nope", CancellationToken.None))!);
    }
}
