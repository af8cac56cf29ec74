// DuckDB's errors surface from the data source as DataSourceException: DuckDB's error type as the code, what went wrong, and the
// driver's own error inside, whose message and text (what results' queries[] record) they keep.
using System.Data.Common;
using DuckDB.NET.Data;
using Sodalite.Engine.DataSources;

namespace Sodalite.Engine.Tests.DataSources;

public class DuckDbErrorsTests
{
    private static async Task<DataSource> Open()
    {
        var ds = await DataSource.ConnectAsync(new DataSourceConfig("duck", "duckdb", new Dictionary<string, string?> { ["path"] = ":memory:" }), CancellationToken.None);
        await ds.ReadAsync("CREATE TABLE t (a INTEGER); CREATE VIEW v AS SELECT a FROM t", _ => Task.FromResult(0), CancellationToken.None);
        return ds;
    }

    private static Task<int> Run(DataSource ds, string sql) => ds.ReadAsync(sql, async r =>
    {
        while (await r.ReadAsync()) { }
        return 0;
    }, CancellationToken.None);

    /// <summary>The error a call throws, caught here so that its frames run up to this method.</summary>
    private static async Task<DbException> Caught(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (DbException e)
        {
            return e;
        }
        throw new InvalidOperationException("The statement did not fail.");
    }

    [Theory]
    [InlineData("SELECT count(*) FROM nope", QueryErrorKind.DatasetNotFound, "Catalog", "nope")]
    [InlineData("SELECT count(*) FROM nosuch.t", QueryErrorKind.DatasetNotFound, "Catalog", "nosuch.t")]
    [InlineData("SELECT count(nope) FROM t", QueryErrorKind.NameNotResolved, "Binder", "nope")]
    [InlineData("SELECT count(*) FROM v WHERE nope > 1", QueryErrorKind.NameNotResolved, "Binder", "nope")]
    [InlineData("SELECT count(q.a) FROM t", QueryErrorKind.NameNotResolved, "Binder", "q")]
    [InlineData("SELECT nofunc(a) FROM t", QueryErrorKind.NameNotResolved, "Catalog", "nofunc")]
    [InlineData("SELEC count(*) FROM t", QueryErrorKind.Syntax, "Parser", null)]
    [InlineData("SELECT count(*) FROM t WHERE (a > 1", QueryErrorKind.Syntax, "Parser", null)]
    [InlineData("SELECT CAST('x' AS INTEGER)", QueryErrorKind.Other, "Conversion", null)]
    [InlineData("SELECT regexp_matches('a', '(')", QueryErrorKind.Other, "InvalidInput", null)]
    public async Task A_failing_statement_is_classified_from_duckdbs_error_type(string sql, QueryErrorKind kind, string code, string? name)
    {
        await using var ds = await Open();
        var e = await Assert.ThrowsAsync<DataSourceException>(() => Run(ds, sql));
        Assert.Equal((kind, code, name), (e.Kind, e.Code, e.UnresolvedName));
        Assert.False(e.IsTransient);
        Assert.Null(e.SqlState);
        var original = Assert.IsType<DuckDBException>(e.InnerException);
        Assert.Equal(original.Message, e.Message);
    }

    [Fact]
    public async Task A_wrapped_error_reads_as_the_drivers_error_does()
    {
        // Given the driver's error for a statement run on the session directly
        await using var ds = await Open();
        var direct = await Caught(async () =>
        {
            await using var cmd = ds.Session.CreateCommand();
            cmd.CommandText = "SELECT * FROM nope";
            await using var reader = await cmd.ExecuteReaderAsync();
        });

        // When the same statement fails through the data source
        var wrapped = await Caught(() => Run(ds, "SELECT * FROM nope"));

        // Then its text is the driver's error's: type, message and all, then frames up to where it was caught; nothing of the wrapper
        Assert.IsType<DataSourceException>(wrapped);
        string text = wrapped.ToString();
        Assert.StartsWith(wrapped.InnerException!.ToString(), text);
        Assert.StartsWith("DuckDB.NET.Data.DuckDBException (0x80004005): Catalog Error: Table with name nope does not exist!", text);
        Assert.Equal(WithoutFrames(direct.ToString()), WithoutFrames(text));
        Assert.Contains(nameof(Caught), text.Split('\n')[^1]);
        Assert.DoesNotContain(nameof(DataSourceException), text);
        Assert.Equal(direct.HResult, wrapped.HResult);
    }

    private static string WithoutFrames(string text) =>
        string.Join('\n', text.Split('\n').Where(line => !line.StartsWith("   at ", StringComparison.Ordinal) && !line.StartsWith("--- End of stack trace", StringComparison.Ordinal)));

    [Fact]
    public async Task A_failing_query_is_recorded_in_queries_with_the_drivers_error_text()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-errors-").FullName;
        string data = Path.Combine(dir, "orders.csv"), checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(data, "id\n1\n");
        File.WriteAllText(checks, "checks for nope:\n  - row_count > 0\n");

        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataFile = data, CheckPaths = [checks] });

        var failed = Assert.Single(run.Queries, q => q.Exception is not null);
        Assert.StartsWith("DuckDB.NET.Data.DuckDBException (0x80004005): Catalog Error: Table with name nope does not exist!", failed.Exception);
        Assert.DoesNotContain(nameof(DataSourceException), failed.Exception);
        Assert.Contains(run.Logs, l => l.Message.StartsWith($"Query execution error in {failed.Name}: Catalog Error: Table with name nope does not exist!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_table_read_from_the_catalog_keeps_its_columns_for_the_scan()
    {
        await using var ds = await Open();
        Assert.Equal([("a", "INTEGER")], await ds.ColumnsAsync("t", CancellationToken.None));
        await Run(ds, "ALTER TABLE t ADD COLUMN b VARCHAR");
        Assert.Equal([("a", "INTEGER")], await ds.TryColumnsAsync("t", CancellationToken.None));
    }

    [Fact]
    public async Task A_table_that_does_not_exist_has_no_columns_and_is_no_error()
    {
        await using var ds = await Open();
        Assert.Empty((await ds.TryColumnsAsync("nope", CancellationToken.None))!);
        Assert.Empty(await ds.ColumnsAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task Loading_a_file_forgets_the_columns_read_before()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("sodalite-errors-").FullName, "orders.csv");
        File.WriteAllText(path, "id,amount\n1,2.5\n");
        await using var ds = await DataSource.ConnectAsync(DataSourceConfig.ForFile(path), CancellationToken.None);
        Assert.Equal([("id", "BIGINT"), ("amount", "DOUBLE")], await ds.ColumnsAsync("orders", CancellationToken.None));
        await ds.PrepareAsync(DataSource.TextFileInPlacePasses + 1, CancellationToken.None);
        await Run(ds, "ALTER TABLE orders ADD COLUMN note VARCHAR");
        Assert.Equal(3, (await ds.ColumnsAsync("orders", CancellationToken.None)).Count);
    }
}
