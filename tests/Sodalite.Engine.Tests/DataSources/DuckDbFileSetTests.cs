// A DuckDB data source that reads several files (a folder, a files: map, --data repeated): each file a table, what is wrong with one
// file an error naming it that leaves the other tables scanned, and each text file loaded only when its own table is read often.
using Sodalite.Engine.DataSources;
using Sodalite.Engine.Evaluation;
using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.Engine.Tests.DataSources;

public sealed class DuckDbFileSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sodalite-fileset-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<Output.ScanRun> Scan(string checks, IReadOnlyList<string>? data = null, string? config = null) =>
        new Scanner(TimeProvider.System).RunAsync(new ScanOptions
        {
            DataPaths = data ?? [],
            ConfigurationFiles = config is null ? [] : [Write("cfg.yml", config)],
            DataSourceName = config is null ? null : "files",
            CheckPaths = [Write("checks.yml", checks)],
        });

    private static CheckOutcome? Outcome(Output.ScanRun run, string line) => Assert.Single(run.Results, r => r.Check.Definition.Line == line).Outcome;

    private static IEnumerable<string> Errors(Output.ScanRun run) => run.Logs.Where(l => l.Level == ScanLogLevel.Error).Select(l => l.Message);

    private const string Orders = "id,customer_id\n1,c1\n2,c2\n3,c9\n";
    private const string Customers = "id,name\nc1,Ann\nc2,Bob\n";

    [Fact]
    public async Task Each_file_of_a_folder_is_a_table_named_after_its_stem()
    {
        Write("data/orders.csv", Orders);
        Write("data/Customers.csv", Customers);

        var run = await Scan("checks for orders:\n  - values in customer_id must exist in customers id\n  - row_count same as Customers\n", [Path.Combine(_dir, "data")]);

        Assert.Equal(CheckOutcome.Fail, Outcome(run, "values in customer_id must exist in customers id"));
        Assert.Equal(1L, Convert.ToInt64(Assert.Single(run.Results, r => r.Check.Definition.Line.StartsWith("values", StringComparison.Ordinal)).Value));
        Assert.Equal(CheckOutcome.Fail, Outcome(run, "row_count same as Customers"));
        Assert.Empty(Errors(run));
    }

    [Fact]
    public async Task A_files_map_names_the_tables_and_the_folder_beside_it_adds_its_own()
    {
        Write("data/orders.csv", Orders);
        string customers = Write("elsewhere/people_2024.csv", Customers);
        string config = $"data_source files:\n  type: duckdb\n  path: {Path.Combine(_dir, "data")}/\n  files:\n    customers: {customers}\n";

        var run = await Scan("checks for orders:\n  - values in customer_id must exist in customers id\n", config: config);

        Assert.Equal(CheckOutcome.Fail, Outcome(run, "values in customer_id must exist in customers id"));
        Assert.Empty(Errors(run));
    }

    [Fact]
    public async Task A_missing_file_is_an_error_naming_it_and_the_checks_of_the_other_tables_still_run()
    {
        string orders = Write("orders.csv", Orders);
        string missing = Path.Combine(_dir, "customers.parquet");

        var run = await Scan("checks for orders:\n  - row_count = 3\n", [orders, missing]);

        Assert.Equal(CheckOutcome.Pass, Outcome(run, "row_count = 3"));
        Assert.Contains(Errors(run), e => e.Contains($"Data file not found: {missing}", StringComparison.Ordinal) && e.Contains("Check the path", StringComparison.Ordinal));
        Assert.Equal(3, run.ExitCode);
    }

    [Fact]
    public async Task A_missing_folder_is_an_error_naming_it()
    {
        string missing = Path.Combine(_dir, "nowhere") + "/";

        var run = await Scan("checks for orders:\n  - row_count = 3\n", [missing]);

        Assert.Contains(Errors(run), e => e.Contains($"Data folder not found: {missing}", StringComparison.Ordinal));
        Assert.Equal(3, run.ExitCode);
    }

    [Fact]
    public async Task Two_files_that_would_be_one_table_are_an_error_naming_both_and_neither_is_read()
    {
        string a = Write("data/orders.csv", Orders);
        string b = Write("data/orders.json", "[{\"id\": 1}]");
        Write("data/customers.csv", Customers);

        var run = await Scan("checks for customers:\n  - row_count = 2\nchecks for orders:\n  - row_count = 3\n", [Path.Combine(_dir, "data")]);

        Assert.Equal(CheckOutcome.Pass, Outcome(run, "row_count = 2"));
        string error = Assert.Single(Errors(run), e => e.Contains("would both be table \"orders\"", StringComparison.Ordinal));
        Assert.Contains($"{a} and {b}", error);
        Assert.Contains("files:", error);
        Assert.DoesNotContain(run.Results, r => r.Check.Definition.Line == "row_count = 3" && r.Outcome == CheckOutcome.Pass);
        Assert.Equal(3, run.ExitCode);
    }

    [Fact]
    public async Task An_unsupported_file_named_under_files_is_an_error_and_one_in_a_folder_is_skipped_with_a_warning()
    {
        Write("data/orders.csv", Orders);
        Write("data/orders.xlsx", "not read");
        string sheet = Write("customers.xlsx", "not read");
        string config = $"data_source files:\n  type: duckdb\n  path: {Path.Combine(_dir, "data")}\n  files:\n    customers: {sheet}\n";

        var run = await Scan("checks for orders:\n  - row_count = 3\n", config: config);

        Assert.Equal(CheckOutcome.Pass, Outcome(run, "row_count = 3"));
        Assert.Contains(Errors(run), e => e.Contains($"{sheet} is not a data file", StringComparison.Ordinal) && e.Contains(".parquet", StringComparison.Ordinal));
        Assert.Contains(run.Logs, l => l.Level == ScanLogLevel.Warning && l.Message.Contains($"Skipped {Path.Combine(_dir, "data", "orders.xlsx")}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_duckdb_cannot_read_is_an_error_naming_it_and_the_other_tables_still_scan()
    {
        Write("data/orders.csv", Orders);
        string broken = Write("data/customers.parquet", "not a parquet file");

        var run = await Scan("checks for orders:\n  - row_count = 3\n", [Path.Combine(_dir, "data")]);

        Assert.Equal(CheckOutcome.Pass, Outcome(run, "row_count = 3"));
        Assert.Contains(Errors(run), e => e.Contains($"Could not read {broken} (table \"customers\")", StringComparison.Ordinal));
        Assert.Equal(3, run.ExitCode);
    }

    [Fact]
    public async Task A_failed_rows_query_joins_tables_of_two_files()
    {
        Write("data/orders.csv", Orders);
        Write("data/customers.json", "[{\"id\": \"c1\"}, {\"id\": \"c2\"}]");
        string checks = "checks:\n  - failed rows:\n      name: Orders of unknown customers\n"
                        + "      fail query: SELECT o.* FROM orders o LEFT JOIN customers c ON o.customer_id = c.id WHERE c.id IS NULL\n";

        var run = await Scan(checks, [Path.Combine(_dir, "data")]);

        var result = Assert.Single(run.Results);
        Assert.Equal(CheckOutcome.Fail, result.Outcome);
        Assert.Equal(1L, Convert.ToInt64(result.Value));
        Assert.Empty(Errors(run));
    }

    [Fact]
    public async Task A_duckdb_database_among_files_is_an_error_that_says_it_is_scanned_alone()
    {
        string orders = Write("orders.csv", Orders);
        string db = Write("shop.duckdb", "");

        var run = await Scan("checks for orders:\n  - row_count = 3\n", [orders, db]);

        Assert.Equal(CheckOutcome.Pass, Outcome(run, "row_count = 3"));
        Assert.Contains(Errors(run), e => e.Contains($"a DuckDB database is scanned on its own (path: {db}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_files_entry_that_is_not_a_mapping_is_a_located_error()
    {
        var log = new ScanLogger(TimeProvider.System);
        string cfg = Write("bad.yml", "data_source files:\n  type: duckdb\n  files: data/orders.csv\n");

        var sources = ConfigurationFile.Read(cfg, new SodaCL.Variables.Jinja(new Dictionary<string, string>(), _ => null), log);

        Assert.True(sources["files"].HasErrors);
        var error = Assert.Single(log.Logs, l => l.Level == ScanLogLevel.Error);
        Assert.Contains("'files' must be a mapping of table names to files", error.Message);
        Assert.Equal(3, error.Location!.Line);
    }

    [Fact]
    public async Task Each_text_file_is_loaded_only_when_the_statements_naming_its_table_read_it_often()
    {
        Write("data/orders.csv", Orders);
        Write("data/customers.csv", Customers);
        await using var ds = await DataSource.ConnectAsync(DataSourceConfig.ForFile(Path.Combine(_dir, "data")), CancellationToken.None);

        string[] statements = [.. Enumerable.Repeat("SELECT COUNT(*) FROM orders", DataSource.TextFileInPlacePasses + 1), "SELECT COUNT(*) FROM \"customers\""];
        await ds.PrepareAsync(statements, CancellationToken.None);

        await using var cmd = ds.Session.CreateCommand();
        cmd.CommandText = "SELECT table_name, table_type FROM information_schema.tables ORDER BY table_name";
        await using var r = await cmd.ExecuteReaderAsync();
        var kinds = new List<(string, string)>();
        while (await r.ReadAsync()) kinds.Add((r.GetString(0), r.GetString(1)));
        Assert.Equal([("customers", "VIEW"), ("orders", "BASE TABLE")], kinds);
    }

    [Fact]
    public async Task A_text_file_that_fails_to_load_stays_a_view_and_the_other_files_are_still_loaded()
    {
        // Row 30,001 of broken.csv has too many fields: the sniffer (which reads the first rows) accepts it, the full load does not.
        Write("data/broken.csv", "id,amount\n" + string.Concat(Enumerable.Range(0, 30_000).Select(i => $"{i},{i}.5\n")) + "x,1,2,3\n");
        Write("data/orders.csv", Orders);
        await using var ds = await DataSource.ConnectAsync(DataSourceConfig.ForFile(Path.Combine(_dir, "data")), CancellationToken.None);

        string[] statements = [.. Enumerable.Repeat("SELECT COUNT(*) FROM broken JOIN orders ON true", DataSource.TextFileInPlacePasses + 1)];
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ds.PrepareAsync(statements, CancellationToken.None));

        await using var cmd = ds.Session.CreateCommand();
        cmd.CommandText = "SELECT table_name, table_type FROM information_schema.tables ORDER BY table_name";
        await using var r = await cmd.ExecuteReaderAsync();
        var kinds = new List<(string, string)>();
        while (await r.ReadAsync()) kinds.Add((r.GetString(0), r.GetString(1)));
        Assert.Equal([("broken", "VIEW"), ("orders", "BASE TABLE")], kinds);
    }
}
