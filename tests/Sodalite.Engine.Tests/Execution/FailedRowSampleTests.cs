// The rows of the failed-row samples a scan already runs are kept, converted to JSON values, in ScanResult.FailedRowSamples: one
// entry per failing or warning check whose metric was sampled, bounded by 'samples limit', none with 'samples limit: 0'.
// On real DuckDB and PostgreSQL, over one table holding the usual column types.
using Sodalite.Engine.Output;
using Sodalite.Results.Model;
using Sodalite.TestSupport;

namespace Sodalite.Engine.Tests.Execution;

public abstract class FailedRowSampleTests
{
    /// <summary>The engine's binary type and the literal of the bytes AA BB.</summary>
    protected abstract (string Type, string AaBb) Bytes { get; }

    /// <summary>The columns of <c>SELECT * FROM customers</c> as the sample lists them.</summary>
    protected abstract IReadOnlyList<SampleColumn> Columns { get; }

    /// <summary>Runs <paramref name="sql"/> on a fresh database, then scans it with <paramref name="checks"/>.</summary>
    protected abstract Task<ScanRun> ScanAsync(string sql, string checks);

    private string Table => $"""
        DROP TABLE IF EXISTS customers;
        CREATE TABLE customers (id INTEGER, name VARCHAR(20), email VARCHAR(50), price DECIMAL(10,2), whole DECIMAL(18,0), ratio DOUBLE PRECISION,
            active BOOLEAN, born DATE, seen TIMESTAMP, photo {Bytes.Type}, note VARCHAR(2000));
        INSERT INTO customers VALUES
            (1, 'Ann', 'ann@example.com', 10.50, 7, 0.5, true, DATE '2024-01-31', TIMESTAMP '2024-01-31 12:00:00', NULL, 'ok'),
            (2, 'Bob', NULL, 120.00, 12345678901, 1.25, false, DATE '2024-02-01', TIMESTAMP '2024-02-01 08:30:00.5', {Bytes.AaBb}, repeat('é', 1500)),
            (3, 'Bob', 'not-an-email', 5.00, 9, NULL, NULL, NULL, NULL, NULL, NULL),
            (4, 'Cy', NULL, 200.25, 0, -2.0, true, DATE '1999-12-31', TIMESTAMP '1999-12-31 23:59:59', NULL, 'x');
        """;

    private static readonly ResultValue?[] Row2 =
    [
        new IntegerValue(2), new TextValue("Bob"), null, new FloatValue(120.0), new IntegerValue(12345678901), new FloatValue(1.25),
        new BooleanValue(false), new TextValue("2024-02-01"), new TextValue("2024-02-01T08:30:00.5"), new TextValue("qrs="), new TextValue(new string('é', 1000)),
    ];

    private static readonly ResultValue?[] Row3 =
        [new IntegerValue(3), new TextValue("Bob"), new TextValue("not-an-email"), new FloatValue(5.0), new IntegerValue(9), null, null, null, null, null, null];

    private static readonly ResultValue?[] Row4 =
    [
        new IntegerValue(4), new TextValue("Cy"), null, new FloatValue(200.25), new IntegerValue(0), new FloatValue(-2.0),
        new BooleanValue(true), new TextValue("1999-12-31"), new TextValue("1999-12-31T23:59:59"), null, new TextValue("x"),
    ];

    private async Task<ScanResult> Scan(string checks)
    {
        var run = await ScanAsync(Table, "checks for customers:\n" + checks);
        Assert.DoesNotContain(run.Logs, l => l.Level == SodaCL.Diagnostics.ScanLogLevel.Error);
        return ResultsDocument.Build(run);
    }

    /// <summary>The sample of the check named <paramref name="name"/>, its rows in id order (a sample query has no ORDER BY).</summary>
    private static FailedRowSample SampleOf(ScanResult result, string name)
    {
        var check = result.Checks.Single(c => c.Name == name);
        var sample = Assert.Single(result.FailedRowSamples, s => s.Check == check.Identity);
        return sample with { Rows = [.. sample.Rows.OrderBy(r => (long)((IntegerValue)r[0]!).Value)] };
    }

    [Fact]
    public async Task A_failing_missing_check_keeps_its_rows_with_each_value_converted_to_its_json_type()
    {
        var result = await Scan("  - missing_count(email) = 0\n  - missing_percent(email) < 10\n");

        var missing = SampleOf(result, "missing_count(email) = 0");
        Assert.Equal(Columns, missing.Columns);
        Assert.Equal([Row2, Row4], missing.Rows.Select(r => r.ToArray()));
        Assert.Equal(2, missing.TotalRowCount);
        // The percentage is judged on the same count: its check gets the same rows under its own identity.
        Assert.Equal(missing with { Check = result.Checks.Single(c => c.Name == "missing_percent(email) < 10").Identity }, SampleOf(result, "missing_percent(email) < 10"));
        Assert.Equal(2, result.FailedRowSamples.Count);
    }

    [Fact]
    public async Task A_failing_invalid_check_keeps_its_invalid_rows()
    {
        var result = await Scan("  - invalid_count(email) = 0:\n      valid format: email\n");

        var invalid = SampleOf(result, "invalid_count(email) = 0");
        Assert.Equal([Row3], invalid.Rows.Select(r => r.ToArray()));
        Assert.Equal(1, invalid.TotalRowCount);
    }

    [Fact]
    public async Task A_failing_duplicate_check_keeps_the_rows_of_its_duplicated_values()
    {
        var result = await Scan("  - duplicate_count(name) = 0\n");

        var duplicates = SampleOf(result, "duplicate_count(name) = 0");
        Assert.Equal(Columns, duplicates.Columns);
        Assert.Equal([Row2, Row3], duplicates.Rows.Select(r => r.ToArray()));
        // The count is of duplicated values (1); the sample holds every duplicated row, being under its limit.
        Assert.Equal(2, duplicates.TotalRowCount);
    }

    [Fact]
    public async Task A_failing_failed_rows_check_keeps_the_rows_its_condition_finds()
    {
        var result = await Scan("  - failed rows:\n      name: expensive\n      fail condition: price > 100\n");

        var expensive = SampleOf(result, "expensive");
        Assert.Equal([Row2, Row4], expensive.Rows.Select(r => r.ToArray()));
        Assert.Equal(2, expensive.TotalRowCount);
    }

    [Fact]
    public async Task A_warning_check_keeps_its_rows_too()
    {
        var result = await Scan("  - missing_count(email):\n      warn: when > 0\n");

        var check = Assert.Single(result.Checks);
        Assert.Equal(Outcome.Warn, check.Outcome);
        Assert.Equal(2, SampleOf(result, check.Name!).Rows.Count);
    }

    [Fact]
    public async Task The_rows_kept_stop_at_the_samples_limit_and_the_total_still_counts_them_all()
    {
        var result = await Scan("""
              - missing_count(email) = 0:
                  samples limit: 1
              - failed rows:
                  name: expensive
                  fail condition: price > 100
                  samples limit: 1
            """ + "\n");

        Assert.All(result.FailedRowSamples, s => Assert.Equal((1, 2L), (s.Rows.Count, s.TotalRowCount)));
        Assert.Equal(2, result.FailedRowSamples.Count);
    }

    [Fact]
    public async Task With_samples_limit_0_no_rows_are_kept()
    {
        var result = await Scan("""
              - missing_count(email) = 0:
                  samples limit: 0
              - duplicate_count(name) = 0:
                  samples limit: 0
              - failed rows:
                  name: expensive
                  fail condition: price > 100
                  samples limit: 0
            """ + "\n");

        Assert.Equal(3, result.Checks.Count(c => c.Outcome == Outcome.Fail));
        Assert.Empty(result.FailedRowSamples);
    }

    [Fact]
    public async Task Passing_checks_and_checks_without_a_sample_keep_no_rows()
    {
        var result = await Scan("  - missing_count(email) < 5\n  - row_count > 100\n  - missing_count(name) = 0\n");

        Assert.Equal(Outcome.Pass, result.Checks.Single(c => c.Name == "missing_count(email) < 5").Outcome);
        Assert.Equal(Outcome.Fail, result.Checks.Single(c => c.Name == "row_count > 100").Outcome);
        // The passing check's sample ran (two emails are missing), and its rows are not kept.
        Assert.Contains(result.Queries, q => q.Name!.EndsWith(".email.failed_rows[missing_count]", StringComparison.Ordinal));
        Assert.Empty(result.FailedRowSamples);
    }
}

public sealed class DuckDbFailedRowSampleTests : FailedRowSampleTests
{
    [Fact]
    public async Task A_value_the_driver_cannot_give_is_null_and_the_scan_goes_on()
    {
        // DuckDB.NET cannot give a list holding a NULL as a .NET list (it throws InvalidCastException).
        var run = await ScanAsync("CREATE TABLE events (id INTEGER, tags INTEGER[]); INSERT INTO events VALUES (1, [1, NULL]), (2, [3]);",
            "checks for events:\n  - failed rows:\n      name: tagged\n      fail condition: id > 0\n");

        var sample = Assert.Single(ResultsDocument.Build(run).FailedRowSamples);
        Assert.Equal(2, sample.Rows.Count);
        Assert.Contains(sample.Rows, r => r.SequenceEqual([new IntegerValue(2), new TextValue("[3]")]));
        Assert.Contains(sample.Rows, r => r.SequenceEqual([new IntegerValue(1), null]));
    }

    protected override (string Type, string AaBb) Bytes => ("BLOB", "'\\xAA\\xBB'::BLOB");

    protected override IReadOnlyList<SampleColumn> Columns =>
    [
        new("id", "integer"), new("name", "varchar"), new("email", "varchar"), new("price", "decimal"), new("whole", "decimal"), new("ratio", "double"),
        new("active", "boolean"), new("born", "date"), new("seen", "timestamp"), new("photo", "blob"), new("note", "varchar"),
    ];

    protected override async Task<ScanRun> ScanAsync(string sql, string checks)
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-samples-").FullName;
        string db = Path.Combine(dir, "shop.duckdb");
        await using (var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={db}"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, $"data_source shop:\n  type: duckdb\n  path: {db}\n");
        string checksFile = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checksFile, checks);
        return await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataSourceName = "shop", ConfigurationFiles = [config], CheckPaths = [checksFile] });
    }
}

public sealed class PostgresFailedRowSampleTests(PostgresServer pg) : FailedRowSampleTests, IClassFixture<PostgresServer>
{
    protected override (string Type, string AaBb) Bytes => ("BYTEA", "'\\xaabb'::bytea");

    protected override IReadOnlyList<SampleColumn> Columns =>
    [
        new("id", "int4"), new("name", "varchar"), new("email", "varchar"), new("price", "numeric"), new("whole", "numeric"), new("ratio", "float8"),
        new("active", "bool"), new("born", "date"), new("seen", "timestamp"), new("photo", "bytea"), new("note", "varchar"),
    ];

    protected override async Task<ScanRun> ScanAsync(string sql, string checks)
    {
        await pg.ExecuteAsync(sql);
        string dir = Directory.CreateTempSubdirectory("sodalite-samples-").FullName;
        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, $"data_source pg:\n  type: postgres\n  host: 127.0.0.1\n  port: {pg.Port}\n  username: postgres\n  password: x\n  database: postgres\n");
        string checksFile = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checksFile, checks);
        return await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataSourceName = "pg", ConfigurationFiles = [config], CheckPaths = [checksFile] });
    }
}
