// ClickHouse's errors surface from the data source as DataSourceException (the client's ClickHouseException): the server's code,
// whether it is transient (a timeout, no answer in time, an unreachable server), and what went wrong.
using Sodalite.Engine.DataSources;
using Sodalite.Engine.DataSources.ClickHouse;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.DataSources;

public sealed class ClickHouseErrorsNode : IAsyncLifetime
{
    public ClickHouseServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ClickHouseServer.StartAsync();
        await Server.ExecuteAsync("CREATE TABLE sodalite.t (a Nullable(Int32)) ENGINE = MergeTree ORDER BY tuple()");
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}

public class ClickHouseErrorsTests(ClickHouseErrorsNode node) : IClassFixture<ClickHouseErrorsNode>
{
    private DataSourceConfig Config(int? port = null, string? queryTimeout = null) => new("ch", "clickhouse", new Dictionary<string, string?>
    {
        ["host"] = "127.0.0.1",
        ["port"] = (port ?? node.Server.HttpPort).ToString(),
        ["username"] = "default",
        ["database"] = "sodalite",
        ["query_timeout"] = queryTimeout,
    });

    private static Task<int> Run(DataSource ds, string sql) => ds.ReadAsync(sql, async r =>
    {
        while (await r.ReadAsync()) { }
        return 0;
    }, CancellationToken.None);

    [Theory]
    [InlineData("SELECT count(*) FROM nope", QueryErrorKind.DatasetNotFound, 60, "sodalite.nope")]
    [InlineData("SELECT count(*) FROM nosuch.t", QueryErrorKind.DatasetNotFound, 81, "nosuch")]
    [InlineData("SELECT count(nope) FROM t", QueryErrorKind.NameNotResolved, 47, "nope")]
    [InlineData("SELECT count(*) FROM t WHERE nope > 1", QueryErrorKind.NameNotResolved, 47, "nope")]
    [InlineData("SELECT count(q.a) FROM t", QueryErrorKind.NameNotResolved, 47, "q.a")]
    [InlineData("SELECT nofunc(a) FROM t", QueryErrorKind.NameNotResolved, 46, "nofunc")]
    [InlineData("SELEC count(*) FROM t", QueryErrorKind.Syntax, 62, null)]
    [InlineData("SELECT count(*) FROM t WHERE (a > 1", QueryErrorKind.Syntax, 62, null)]
    [InlineData("SELECT count(*) FROM t WHERE match('a', '(')", QueryErrorKind.Other, 427, null)]
    public async Task A_failing_statement_is_classified_from_its_code(string sql, QueryErrorKind kind, int code, string? name)
    {
        await using var ds = await DataSource.ConnectAsync(Config(), CancellationToken.None);
        var e = await Assert.ThrowsAsync<ClickHouseException>(() => Run(ds, sql));
        Assert.Equal((kind, code.ToString(), name), (e.Kind, e.Code, e.UnresolvedName));
        Assert.Equal(code, e.ErrorCode);
        Assert.False(e.IsTransient);
        Assert.Null(e.SqlState);
        Assert.StartsWith($"Sodalite.Engine.DataSources.ClickHouse.ClickHouseException (0x80004005): {e.Message}", e.ToString());
    }

    [Fact]
    public async Task A_query_over_max_execution_time_is_transient()
    {
        await using var ds = await DataSource.ConnectAsync(Config(), CancellationToken.None);
        var e = await Assert.ThrowsAsync<ClickHouseException>(() => Run(ds, "SELECT count() FROM numbers(100000000000) SETTINGS max_execution_time = 1"));
        Assert.Equal(("159", QueryErrorKind.Other), (e.Code, e.Kind));
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task A_query_without_an_answer_within_query_timeout_is_transient_without_a_code()
    {
        await using var ds = await DataSource.ConnectAsync(Config(queryTimeout: "1"), CancellationToken.None);
        var e = await Assert.ThrowsAsync<ClickHouseException>(() => Run(ds, "SELECT sleep(3)"));
        Assert.Contains("did not answer within 1 s", e.Message);
        Assert.True(e.IsTransient);
        Assert.Null(e.Code);
    }

    [Fact]
    public async Task An_unreachable_server_is_transient()
    {
        var e = await Assert.ThrowsAsync<ClickHouseException>(() => DataSource.ConnectAsync(Config(port: Loopback.FreePort()), CancellationToken.None));
        Assert.True(e.IsTransient);
        Assert.Null(e.Code);
    }

    [Fact]
    public void An_answer_without_a_code_is_transient_when_its_status_says_to_try_again()
    {
        Assert.True(ClickHouseConnection.Error("", 503).IsTransient);
        Assert.True(ClickHouseConnection.Error("<html>Bad Gateway</html>", 502).IsTransient);
        Assert.False(ClickHouseConnection.Error("", 400).IsTransient);
        Assert.False(ClickHouseConnection.Error("Code: 62, e.displayText() = DB::Exception: Syntax error: failed at position 8, e.what() = DB::Exception", 500).IsTransient);
    }

    [Fact]
    public void Newer_servers_messages_name_what_does_not_resolve()
    {
        var table = ClickHouseConnection.Error("Code: 60. DB::Exception: Table sodalite.nope does not exist. (UNKNOWN_TABLE) (version 23.8.16.40 (official build))", 404);
        Assert.Equal((QueryErrorKind.DatasetNotFound, "sodalite.nope"), (table.Kind, table.UnresolvedName));
        var column = ClickHouseConnection.Error("Code: 47. DB::Exception: Missing columns: 'nope' while processing query: 'SELECT nope FROM t', required columns: 'nope'. (UNKNOWN_IDENTIFIER) (version 23.8.16.40 (official build))", 404);
        Assert.Equal((QueryErrorKind.NameNotResolved, "nope"), (column.Kind, column.UnresolvedName));
        var analyzer = ClickHouseConnection.Error("Code: 47. DB::Exception: Unknown expression identifier `nope` in scope SELECT nope FROM t. (UNKNOWN_IDENTIFIER) (version 24.8.1.1)", 404);
        Assert.Equal((QueryErrorKind.NameNotResolved, "nope"), (analyzer.Kind, analyzer.UnresolvedName));
    }

    [Fact]
    public async Task A_table_read_from_the_catalog_keeps_its_columns_and_a_missing_one_has_none()
    {
        await using var ds = await DataSource.ConnectAsync(Config(), CancellationToken.None);
        Assert.Equal([("a", "Nullable(Int32)")], await ds.TryColumnsAsync("t", CancellationToken.None));
        Assert.Empty((await ds.TryColumnsAsync("nope", CancellationToken.None))!);
    }
}
