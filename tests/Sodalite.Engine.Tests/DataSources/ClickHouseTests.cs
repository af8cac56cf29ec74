// The ClickHouse data source on a real server (a throwaway node on a loopback port): values typed as the engine reads them, regexes
// and percentiles as PostgreSQL answers them, the catalog, and clear errors for a bad query, a bad password and an unreachable server.
using Sodalite.Engine.DataSources;
using Sodalite.Engine.DataSources.ClickHouse;
using Sodalite.Engine.Dialects;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.DataSources;

public sealed class ClickHouseNode : IAsyncLifetime
{
    public ClickHouseServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A server in Paris time: what Sodalite reads must not depend on it.
        Server = await ClickHouseServer.StartAsync(tls: true, timeZone: "Europe/Paris");
        await Server.ExecuteAsync("""
            CREATE TABLE sodalite.v (s Nullable(String), x Nullable(Float64)) ENGINE = MergeTree ORDER BY tuple();
            INSERT INTO sodalite.v VALUES ('12', 1), ('a''1', 2), ('x', 3), ('dé', 4), (NULL, NULL);
            CREATE TABLE sodalite.plain (n Float64) ENGINE = MergeTree ORDER BY tuple();
            INSERT INTO sodalite.plain VALUES (1), (2)
            """);
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}

public class ClickHouseTests(ClickHouseNode node) : IClassFixture<ClickHouseNode>
{
    private DataSourceConfig Config(string? password = null, int? port = null) => new("ch", "clickhouse", new Dictionary<string, string?>
    {
        ["host"] = "127.0.0.1",
        ["port"] = (port ?? node.Server.HttpPort).ToString(),
        ["username"] = "default",
        ["password"] = password,
        ["database"] = "sodalite",
    });

    private async Task<object?[]> Row(string sql)
    {
        await using var ds = await DataSource.ConnectAsync(Config(), CancellationToken.None);
        return await ds.ReadAsync(sql, async r =>
        {
            Assert.True(await r.ReadAsync());
            return Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i)).ToArray();
        }, CancellationToken.None);
    }

    [Fact]
    public async Task Values_come_back_typed()
    {
        var row = await Row("SELECT count() AS n, toUInt64(18446744073709551615) AS big, toInt32(-7) AS i, 1.5 AS f, toDate('2024-05-01') AS d, " +
                            "toDateTime('2024-05-01 10:00:00') AS naive, toDateTime('2024-05-01 10:00:00', 'Europe/Paris') AS paris, " +
                            "CAST(NULL AS Nullable(String)) AS s, 0/0 AS nan, 'it''s' AS text FROM v");
        Assert.Equal(5UL, row[0]);
        Assert.Equal(ulong.MaxValue, row[1]);
        Assert.Equal(-7L, row[2]);
        Assert.Equal(1.5, row[3]);
        Assert.Equal(new DateOnly(2024, 5, 1), row[4]);
        // A DateTime without a zone is shown in the server's zone (Paris, UTC+2 in May): read as the UTC wall-clock time without a
        // zone (a timestamp). With a zone it is the instant, in UTC (a timestamptz).
        Assert.Equal(new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Unspecified), row[5]);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)row[5]!).Kind);
        Assert.Equal(new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc), row[6]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)row[6]!).Kind);
        Assert.Null(row[7]);
        Assert.Null(row[8]);
        Assert.Equal("it's", row[9]);
    }

    [Fact]
    public async Task Regexes_with_backslashes_and_quotes_match_case_sensitively_as_in_postgres()
    {
        var d = new ClickHouseDialect();
        var row = await Row($"SELECT countIf({d.RegexMatch("s", @"^\d+$")}), countIf({d.RegexMatch("s", @"^a'\d$")}), countIf({d.RegexMatch("s", "^X$")}), " +
                            $"countIf({d.RegexMatch("s", "^d.$")}), max({d.Length("s")}) FROM v");
        Assert.Equal([1UL, 1UL, 0UL, 1UL, 3UL], row);
    }

    [Fact]
    public async Task Percentiles_are_postgres_percentile_disc()
    {
        var d = new ClickHouseDialect();
        // PostgreSQL: percentile_disc(0.5) of 1,2,3,4 is 2 (quantileExact says 3); 0.95 → 4; 0 → 1; no rows → NULL.
        var row = await Row($"SELECT {d.Percentile("x", "0.5")}, {d.Percentile("x", "0.95")}, {d.Percentile("x", "0")}, " +
                            $"{d.Percentile("CASE WHEN x > 100 THEN x END", "0.5")} FROM v");
        Assert.Equal([2.0, 4.0, 1.0, null], row);
    }

    [Fact]
    public async Task Aggregates_over_no_rows_are_null_even_on_columns_that_are_not_nullable()
    {
        var d = new ClickHouseDialect();
        var row = await Row($"SELECT {d.AggregateCall("min", "n")}, {d.AggregateCall("sum", "n")}, {d.AggregateCall("avg", "n")}, " +
                            $"{d.AggregateCall("min", d.Length("toString(n)"))} FROM plain WHERE n > 5");
        Assert.Equal([null, null, null, null], row);
        Assert.Equal([1.0, 3.0], await Row($"SELECT {d.AggregateCall("min", "n")}, {d.AggregateCall("sum", "n")} FROM plain"));
    }

    [Fact]
    public async Task Columns_come_from_system_columns_in_order()
    {
        await using var ds = await DataSource.ConnectAsync(Config(), CancellationToken.None);
        Assert.Equal([("s", "Nullable(String)"), ("x", "Nullable(Float64)")], await ds.ColumnsAsync("v", CancellationToken.None));
        Assert.Empty(await ds.ColumnsAsync("V", CancellationToken.None)); // ClickHouse names are case-sensitive
        var d = ds.Dialect;
        Assert.True(d.IsSameType("varchar", "Nullable(String)"));
        Assert.True(d.IsSameType("Float64", "Nullable(Float64)"));
        Assert.True(d.IsSameType("timestamptz", "DateTime('UTC')"));
        Assert.False(d.IsSameType("timestamp", "DateTime('UTC')"));
        Assert.False(d.IsSameType("integer", "Nullable(String)"));
    }

    [Fact]
    public async Task A_bad_query_is_a_db_exception_with_the_servers_message_and_code()
    {
        await using var ds = await DataSource.ConnectAsync(Config(), CancellationToken.None);
        var e = await Assert.ThrowsAsync<ClickHouseException>(() => ds.ReadAsync("SELECT nope FROM v", _ => Task.FromResult(0), CancellationToken.None));
        Assert.Equal(47, e.ErrorCode);
        Assert.Contains("Unknown identifier: nope", e.Message);
        Assert.DoesNotContain("e.what()", e.Message);
    }

    [Fact]
    public async Task An_error_after_the_first_rows_still_gives_the_servers_message()
    {
        await using var ds = await DataSource.ConnectAsync(Config(), CancellationToken.None);
        // Rows stream out in blocks of 1,000 before the error at row 300,000: it arrives after a 200 status, inside the body.
        var e = await Assert.ThrowsAsync<ClickHouseException>(() => ds.ReadAsync(
            "SELECT number, throwIf(number = 300000) FROM numbers(400000) SETTINGS max_block_size = 1000", _ => Task.FromResult(0), CancellationToken.None));
        Assert.Contains("throwIf", e.Message);
        Assert.Equal(395, e.ErrorCode);
    }

    [Fact]
    public async Task A_wrong_password_or_an_unreachable_server_is_reported_when_connecting()
    {
        var wrong = await Assert.ThrowsAsync<ClickHouseException>(() => DataSource.ConnectAsync(Config(password: "nope"), CancellationToken.None));
        Assert.Contains("password", wrong.Message, StringComparison.OrdinalIgnoreCase);
        var down = await Assert.ThrowsAsync<ClickHouseException>(() => DataSource.ConnectAsync(Config(port: Loopback.FreePort()), CancellationToken.None));
        Assert.Contains("unreachable", down.Message);
    }

    [Fact]
    public async Task Secure_connects_over_https_trusting_the_configured_certificate_authority()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-ch-tls-").FullName;
        string config = Path.Combine(dir, "configuration.yml"), checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(config, node.Server.ConfigurationYaml("ch", secure: true));
        File.WriteAllText(checks, "checks for v:\n  - row_count = 5\n");
        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataSourceName = "ch", ConfigurationFiles = [config], CheckPaths = [checks] });
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5L, run.Measurements[run.Metrics.Single(m => m.Name == "row_count")].Value);

        // Without the authority the self-signed certificate is refused, and the error says what to set.
        var untrusted = new DataSourceConfig("ch", "clickhouse", new Dictionary<string, string?>
        {
            ["host"] = "127.0.0.1",
            ["port"] = node.Server.HttpsPort.ToString(),
            ["secure"] = "true",
            ["database"] = "sodalite",
        });
        var e = await Assert.ThrowsAsync<ClickHouseException>(() => DataSource.ConnectAsync(untrusted, CancellationToken.None));
        Assert.Contains("ca_certificate", e.Message);
    }

    [Fact]
    public void Error_bodies_are_parsed_into_message_and_code()
    {
        var e = ClickHouseConnection.Error("Code: 62, e.displayText() = DB::Exception: Syntax error: failed at position 8, e.what() = DB::Exception", 500);
        Assert.Equal(62, e.ErrorCode);
        Assert.Equal("Syntax error: failed at position 8 (ClickHouse error 62)", e.Message);
        Assert.Equal("HTTP 502 without a message", ClickHouseConnection.Error("", 502).Message);
        // Newer servers' format.
        var newer = ClickHouseConnection.Error("Code: 373. DB::Exception: Session is locked by a concurrent client. (SESSION_IS_LOCKED) (version 23.8.16.40 (official build))", 500);
        Assert.Equal(ClickHouseConnection.SessionLocked, newer.ErrorCode);
        Assert.Equal("Session is locked by a concurrent client. (SESSION_IS_LOCKED) (ClickHouse error 373)", newer.Message);
    }
}
