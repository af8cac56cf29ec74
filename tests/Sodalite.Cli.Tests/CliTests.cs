// End-to-end tests of the `sodalite` command, run in-process with real DuckDB and files.
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

public class CliTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Repo, "samples", "retail");

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = await SodaliteCli.RunAsync(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    private static string TempDir() => Directory.CreateTempSubdirectory("sodalite-cli-").FullName;

    [Fact]
    public async Task Scanning_the_sample_fails_some_checks_and_writes_the_golden_artifacts()
    {
        string dir = TempDir();
        var (exit, output, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), "--checks", Path.Combine(Sample, "checks.yml"),
            "-srf", Path.Combine(dir, "results.json"), "--artifacts", dir);

        Assert.Equal(2, exit);
        Assert.Contains("Oops! 4 failures. 3 warnings. 0 errors. 7 pass.", output);
        foreach (var f in new[] { "metrics.json", "recommendations.json", "schemas.json" })
            Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "retail", f)), File.ReadAllText(Path.Combine(dir, f)));
        Assert.True(File.Exists(Path.Combine(dir, "soda_results.json")));
        Assert.StartsWith("{\"definitionName\": \"Soda Core CLI\", \"defaultDataSource\": \"retail\"", File.ReadAllText(Path.Combine(dir, "results.json")));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public async Task Convert_turns_real_soda_results_into_the_expected_qalita_bytes()
    {
        string retail = Path.Combine(RepoPaths.Acceptance, "qalita", "retail");
        string dir = TempDir();
        var (exit, _, err) = await Run("convert", "--results", Path.Combine(retail, "results.json"), "--label", "retail", "--rows-analyzed", "6", "--artifacts", dir);

        Assert.True(exit == 0, err);
        Assert.Equal(File.ReadAllText(Path.Combine(retail, "sodalite", "metrics.json")), File.ReadAllText(Path.Combine(dir, "metrics.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(retail, "sodalite", "recommendations.json")), File.ReadAllText(Path.Combine(dir, "recommendations.json")));
    }

    [Fact]
    public async Task Convert_reads_the_get_scan_results_shape_into_the_same_artifacts_and_keeps_the_document_as_given()
    {
        // Given: the retail results as Python's scan.get_scan_results() gives them (spec/sodacl.md §4.3), indented.
        string retail = Path.Combine(RepoPaths.Acceptance, "qalita", "retail");
        var doc = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(retail, "results.json")))!;
        doc.Remove("sourceOwner");
        foreach (var c in doc["checks"]!.AsArray().Cast<System.Text.Json.Nodes.JsonObject>())
        {
            foreach (var k in new[] { "identities", "migratedIdentities", "source" }) c.Remove(k);
            c["filter"] = null;
            c["outcomeReasons"] = new System.Text.Json.Nodes.JsonArray();
        }
        foreach (var m in doc["metrics"]!.AsArray().Cast<System.Text.Json.Nodes.JsonObject>()) m["dataSourceName"] = "retail";
        string dir = TempDir();
        string file = Path.Combine(dir, "api.json");
        File.WriteAllText(file, doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        // When
        var (exit, _, err) = await Run("convert", "--results", file, "--label", "retail", "--artifacts", Path.Combine(dir, "out"));

        // Then
        Assert.True(exit == 0, err);
        Assert.Equal(File.ReadAllText(Path.Combine(retail, "sodalite", "metrics.json")), File.ReadAllText(Path.Combine(dir, "out", "metrics.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(retail, "sodalite", "recommendations.json")), File.ReadAllText(Path.Combine(dir, "out", "recommendations.json")));
        Assert.Equal(Sodalite.Results.Json.PyJson.Serialize(doc), File.ReadAllText(Path.Combine(dir, "out", "soda_results.json")));
    }

    [Fact]
    public async Task Convert_of_json_that_is_not_an_object_says_it_is_not_a_results_document()
    {
        string dir = TempDir();
        string file = Path.Combine(dir, "list.json");
        File.WriteAllText(file, "[1, 2]");

        var (exit, _, err) = await Run("convert", "--results", file, "--label", "x", "--artifacts", dir);

        Assert.Equal(3, exit);
        Assert.Contains($"sodalite: {file} is not a Soda results document: the top level is not an object", err);
    }

    [Fact]
    public async Task The_results_file_and_the_artifacts_soda_results_are_the_same_bytes()
    {
        string dir = TempDir();
        await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), "--checks", Path.Combine(Sample, "checks.yml"),
            "-srf", Path.Combine(dir, "results.json"), "--artifacts", Path.Combine(dir, "out"));

        string results = File.ReadAllText(Path.Combine(dir, "results.json"));
        Assert.Equal(results, File.ReadAllText(Path.Combine(dir, "out", "soda_results.json")));
        Assert.Equal(results, Sodalite.Results.Soda.SodaJsonWriter.Write(Sodalite.Results.Soda.SodaJsonReader.Parse(results)));
    }

    [Fact]
    public async Task Malformed_yaml_is_reported_with_its_location_and_exit_3()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for retail:\n  - row_count > 0\n   - bad: [\n");
        var (exit, output, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks);

        Assert.Equal(3, exit);
        Assert.Contains("YAML syntax error", output);
        Assert.Contains($"line=3,col=", output);
        Assert.Contains("No valid checks found, 0 checks evaluated.", output);
    }

    [Fact]
    public async Task An_unknown_column_fails_only_its_own_check_and_the_others_still_run()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for retail:\n  - row_count > 0\n  - max(no_such_column) > 0\n  - min(quantity) > 0\n");
        var (exit, output, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks);

        Assert.Equal(3, exit);
        Assert.Contains("row_count > 0 [PASSED]", output);
        Assert.Contains("min(quantity) > 0 [PASSED]", output);
        Assert.Contains("Metrics 'max' were not computed for check 'max(no_such_column) > 0'", output);
        Assert.Contains("line=3,col=5", output);
    }

    [Fact]
    public async Task A_missing_table_gives_one_query_error_not_one_per_metric()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for no_such_table:\n  - row_count > 0\n  - max(quantity) > 0\n  - missing_count(country) = 0\n");
        var (exit, output, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks);

        Assert.Equal(3, exit);
        Assert.Contains("Query execution error in 1.retail.no_such_table.aggregation[0]: Catalog Error: Table with name no_such_table does not exist", output);
        Assert.DoesNotContain("[retry]", output);
        Assert.Contains("Metrics 'max' were not computed for check 'max(quantity) > 0'", output);
        Assert.Contains("3 checks not evaluated.", output);
    }

    [Fact]
    public async Task Freshness_passes_warns_and_fails_against_the_now_variable()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        // The sample's newest order_date is 2024-11-26, a DATE: it counts as 2024-11-26 23:59:59.999999.
        File.WriteAllText(checks, "checks for retail:\n  - freshness(order_date) < 1d\n  - freshness(order_date, AS_OF):\n      warn: when > 1d\n      fail: when > 3d\n  - freshness(order_date, LATE) < 2d\n");
        var (exit, output, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks,
            "-v", "NOW=2024-11-27T12:00:00", "-v", "AS_OF=2024-11-28 12:00:00+00:00", "-v", "LATE=2024-12-05");

        Assert.Equal(2, exit);
        Assert.Contains("freshness(order_date) < 1d [PASSED]", output);
        Assert.Contains("freshness(order_date, AS_OF) warn when > 1d fail when > 3d [WARNED]", output);
        Assert.Contains("freshness: 1 day, 12:00:00.000001", output);
        Assert.Contains("freshness(order_date, LATE) < 2d [FAILED]", output);
        Assert.Contains("max_column_timestamp: 2024-11-26 23:59:59.999999", output);
    }

    [Fact]
    public async Task A_freshness_variable_that_is_not_a_timestamp_fails_its_check_with_an_error_and_the_others_run()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for retail:\n  - row_count > 0\n  - freshness(order_date, AS_OF) < 1d\n  - freshness(customer_email) < 1d\n  - freshness(order_date) < 10s\n");
        var (exit, output, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks, "-v", "AS_OF=yesterday");

        Assert.Equal(3, exit);
        Assert.Contains("Could not parse variable AS_OF as a timestamp: \"yesterday\" is not an ISO 8601 timestamp", output);
        Assert.Contains("line=3,col=5", output);
        Assert.Contains("Freshness needs a date or timestamp column, but max(customer_email) is", output);
        Assert.Contains("line=5,col=5", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task A_schema_check_reads_the_csv_columns_and_reports_each_event()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, """
            checks for retail:
              - schema:
                  warn:
                    when wrong column index:
                      status: 0
                  fail:
                    when required column missing: [order_id, discount]
                    when forbidden column present: [customer_*]
                    when wrong column type:
                      quantity: bigint
                      amount: varchar
            """);
        string results = Path.Combine(dir, "results.json");
        var (exit, output, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks, "-srf", results);

        Assert.Equal(2, exit);
        Assert.Contains("Schema Check [FAILED]", output);
        Assert.Contains("fail_missing_column_names = [discount]", output);
        Assert.Contains("fail_forbidden_present_column_names = [customer_id, customer_email]", output);
        Assert.Contains("fail_column_type_mismatch[amount] expected(varchar) actual(DOUBLE)", output);
        Assert.Contains("warn_column_index_mismatch[status] expected(0) actual(4)warn_column_on_expected_index(order_id)", output);
        Assert.Contains("schema_measured = [order_id BIGINT, customer_id BIGINT, customer_email VARCHAR, order_date DATE, status VARCHAR, country VARCHAR, quantity BIGINT, amount DOUBLE]", output);
        var check = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!["checks"]![0]!;
        Assert.Equal("5 schema event(s)", (string?)check["diagnostics"]!["valueLabel"]);
        // Soda's event order (a recorded Soda 3.5.6 run: index, type, present, missing; fail level, then warn level).
        Assert.Equal("Column,Event,Details\namount,:icon-fail: Type Mismatch, Expected Type: varchar; Actual Type: DOUBLE\n" +
                     "customer_id,:icon-fail: Forbidden Column Present, \ncustomer_email,:icon-fail: Forbidden Column Present, \n" +
                     "discount,:icon-fail: Required Column Missing, \nstatus,:icon-warn: Index Mismatch, Expected Index: 0; Actual Index: 4",
            (string?)check["diagnostics"]!["blocks"]![1]!["text"]);
    }

    [Fact]
    public async Task Bad_schema_checks_are_errors_with_locations_and_other_checks_still_run()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, """
            checks for retail:
              - row_count > 0
              - schema:
                  fail:
                    when required columns missing: [order_id]
              - schema:
                  warn:
                    when schema changes: any
              - schema:
                  fail:
                    when wrong column index:
                      status: first
            checks for no_such_table:
              - schema:
                  fail:
                    when required column missing: [id]
            """);
        // Without a metric history 'when schema changes' cannot run (with one, it waits for a second scan: HistoryTests).
        var (exit, output, _) = await Run("scan", "--no-history", "--data", Path.Combine(Sample, "retail.csv"), checks);

        Assert.Equal(3, exit);
        Assert.Contains("Unknown schema validation 'when required columns missing' (did you mean \"when required column missing\"?)", output);
        Assert.Contains("line=5,col=9", output);
        Assert.Contains("'when schema changes' compare with the previous scan's schema, which needs history", output);
        Assert.Contains("Column index for 'status' must be a whole number from 0, not \"first\"", output);
        Assert.Contains("line=12,col=19", output);
        Assert.Contains("Metrics 'schema' were not computed for check 'schema'", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    /// <summary>A DuckDB database with customers and orders, and a configuration naming it "shop".</summary>
    private static string ShopConfig()
    {
        string dir = TempDir();
        string db = Path.Combine(dir, "shop.duckdb");
        using (var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={db}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE customers (id VARCHAR, country VARCHAR);
                INSERT INTO customers VALUES ('C1', 'BE'), ('C2', 'NL'), ('C3', 'BE');
                CREATE TABLE orders (id VARCHAR, customer_id VARCHAR, country VARCHAR, channel VARCHAR);
                INSERT INTO orders VALUES ('O1', 'C1', 'BE', 'web'), ('O2', 'C9', 'BE', 'web'), ('O3', 'C2', 'FR', 'shop'),
                                          ('O4', NULL, 'BE', 'web'), ('O5', 'C8', 'NL', 'shop');
                """;
            cmd.ExecuteNonQuery();
        }
        string cfg = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(cfg, $"data_source shop:\n  type: duckdb\n  path: {db}\n");
        return cfg;
    }

    [Fact]
    public async Task Reference_checks_count_missing_and_forbidden_values_with_filters_and_samples()
    {
        string cfg = ShopConfig();
        string checks = Path.Combine(Path.GetDirectoryName(cfg)!, "checks.yml");
        File.WriteAllText(checks, """
            filter orders [web]:
              where: channel = 'web'
            checks for orders:
              - values in customer_id must exist in customers id
              - values in (customer_id, country) must exist in customers (id, country):
                  samples limit: 1
              - values in (customer_id) must not exist in customers (id)
            checks for orders [web]:
              - values in customer_id must exist in customers id
            """);
        string results = Path.Combine(Path.GetDirectoryName(cfg)!, "results.json");
        var (exit, output, _) = await Run("scan", "-d", "shop", "-c", cfg, checks, "-srf", results);

        Assert.Equal(2, exit);
        var byName = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!["checks"]!.AsArray()
            .GroupBy(c => (string)c!["definition"]!).ToDictionary(g => g.Key, g => g.First()!);
        long Value(string header, string line) => (long)byName[$"{header}:\n  {line}"]["diagnostics"]!["value"]!;
        long Rows(string header, string line) => (long)byName[$"{header}:\n  {line}"]["diagnostics"]!["blocks"]![0]!["file"]!["totalRowCount"]!;
        Assert.Equal(2, Value("checks for orders", "values in customer_id must exist in customers id"));              // C9, C8
        Assert.Equal(2, Value("checks for orders", "values in (customer_id) must not exist in customers (id)"));      // C1, C2
        Assert.Equal(1, Value("checks for orders [web]", "values in customer_id must exist in customers id"));        // only C9 is on the web
        Assert.Equal(2, Rows("checks for orders", "values in customer_id must exist in customers id"));
        Assert.Contains("value: 2", output);
        var multi = byName.Single(p => p.Key.Contains("(customer_id, country)")).Value;
        // C9, C2/FR, C8/NL, and O4: its customer_id is NULL but its country is not, which Soda counts as failing.
        Assert.Equal(4L, (long)multi["diagnostics"]!["value"]!);
        Assert.Equal(1L, (long)multi["diagnostics"]!["blocks"]![0]!["file"]!["totalRowCount"]!);                         // samples limit 1
        Assert.Null((string?)multi["column"]);
    }

    [Fact]
    public async Task Bad_reference_checks_are_errors_and_other_checks_still_run()
    {
        string cfg = ShopConfig();
        string checks = Path.Combine(Path.GetDirectoryName(cfg)!, "checks.yml");
        File.WriteAllText(checks, """
            checks for orders:
              - row_count > 0
              - values in customer_id must exist in no_such_table id
              - values in customer_id must exist in customers no_such_column
              - values in (customer_id, country) must exist in customers (id)
            """);
        var (exit, output, _) = await Run("scan", "-d", "shop", "-c", cfg, checks);

        Assert.Equal(3, exit);
        Assert.Contains("Table with name no_such_table does not exist", output);
        Assert.Contains("no_such_column", output);
        Assert.Contains("the source has 2 column(s) and the target 1", output);
        Assert.Contains("line=5,col=5", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task Row_count_comparisons_work_across_filters_and_data_sources()
    {
        string cfg = ShopConfig();
        string dir = Path.GetDirectoryName(cfg)!;
        // A second data source: a CSV export with 3 of the 5 orders.
        string export = Path.Combine(dir, "orders_export.csv");
        File.WriteAllText(export, "id\nO1\nO2\nO3\n");
        File.AppendAllText(cfg, $"data_source files:\n  type: duckdb\n  path: {export}\n");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, """
            filter orders [web]:
              where: channel = 'web'
            filter customers [be]:
              where: country = 'BE'
            checks for orders [web]:
              - row_count same as orders
              - row_count same as orders_export in files
            checks for orders:
              - row_count same as customers [be]
              - row_count same as customers [nl]
              - row_count same as orders in nowhere
            """);
        string results = Path.Combine(dir, "results.json");
        var (exit, output, _) = await Run("scan", "-d", "shop", "-c", cfg, checks, "-srf", results);

        Assert.Equal(3, exit);
        var checksJson = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!["checks"]!.AsArray();
        System.Text.Json.Nodes.JsonNode Diag(string name) => checksJson.Single(c => (string?)c!["name"] == name)!["diagnostics"]!;
        Assert.Equal("{\"value\":-2,\"rowCount\":3,\"otherRowCount\":5}", Diag("row_count same as orders").ToJsonString());
        Assert.Equal("{\"value\":0,\"rowCount\":3,\"otherRowCount\":3}", Diag("row_count same as orders_export in files").ToJsonString());
        Assert.Equal("{\"value\":3,\"rowCount\":5,\"otherRowCount\":2}", Diag("row_count same as customers [be]").ToJsonString());
        Assert.Contains("metric-Soda Core CLI-files-orders_export-row_count", File.ReadAllText(results));
        Assert.Contains("row_count same as orders_export in files [PASSED]", output);
        Assert.Contains("Filter not declared: customers [nl]", output);
        Assert.Contains("Data source 'nowhere' is not configured", output);
        Assert.Contains("line=11,col=5", output);
    }

    [Fact]
    public async Task Failed_rows_and_user_defined_queries_count_in_the_database_and_sample_a_bounded_number_of_rows()
    {
        string cfg = ShopConfig();
        string dir = Path.GetDirectoryName(cfg)!;
        File.WriteAllText(Path.Combine(dir, "share.sql"), "SELECT 100.0 * count(*) FILTER (WHERE channel = 'web') / count(*) AS web_share FROM orders");
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, """
            checks:
              - failed rows:
                  name: Orders without a customer
                  fail query: SELECT * FROM orders WHERE customer_id IS NULL;
              - web_share > 50:
                  web_share sql_file: share.sql
            checks for orders:
              - failed rows:
                  name: Orders outside Benelux
                  fail condition: country NOT IN ('BE', 'NL')
              - failed rows:
                  name: Unknown customers
                  samples limit: 1
                  fail query: SELECT o.* FROM orders o LEFT JOIN customers c ON o.customer_id = c.id WHERE c.id IS NULL
                  warn: when > 1
                  fail: when > 5
            """);
        string results = Path.Combine(dir, "results.json");
        var (exit, output, _) = await Run("scan", "-d", "shop", "-c", cfg, checks, "-srf", results);

        Assert.Equal(2, exit);
        Assert.Contains("    Orders without a customer [FAILED]\n", output.Replace("\r", ""));
        Assert.Contains("web_share > 50 [PASSED]", output);
        Assert.Contains("Orders outside Benelux [FAILED]", output);
        Assert.Contains("failed_rows_sample_ref: not-persisted Samples are not sent to Soda Cloud 4x(1/1)", output);
        Assert.Contains("Unknown customers [WARNED]", output);
        var checksJson = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!["checks"]!.AsArray();
        System.Text.Json.Nodes.JsonNode Diag(string name) => checksJson.Single(c => (string?)c!["name"] == name)!["diagnostics"]!;
        Assert.Equal(1L, (long)Diag("Orders without a customer")["value"]!);
        Assert.Equal(60.0, (double)Diag("web_share > 50")["value"]!);
        Assert.Equal(3L, (long)Diag("Unknown customers")["value"]!);                       // C9, C8 and the NULL customer
        Assert.Equal(3L, (long)Diag("Unknown customers")["blocks"]![0]!["file"]!["totalRowCount"]!);  // every failing row, as Soda
        Assert.Equal(1L, (long)Diag("Unknown customers")["blocks"]![0]!["file"]!["storedRowCount"]!); // samples limit 1
        Assert.Equal("file", (string?)Diag("Unknown customers")["blocks"]![0]!["type"]);
        Assert.Null(Diag("Unknown customers")["fail"]);
    }

    [Fact]
    public async Task Bad_failed_rows_and_user_defined_queries_are_errors_with_locations()
    {
        string cfg = ShopConfig();
        string checks = Path.Combine(Path.GetDirectoryName(cfg)!, "checks.yml");
        File.WriteAllText(checks, """
            checks:
              - failed rows:
                  fail condition: country = 'FR'
              - failed rows:
                  name: nothing to run
              - label > 0:
                  label query: SELECT 'web' FROM orders LIMIT 1
              - nothing > 0:
                  nothing query: SELECT NULL
            checks for orders:
              - row_count > 0
              - failed rows:
                  fail query: SELEC * FROM orders
            """);
        var (exit, output, _) = await Run("scan", "-d", "shop", "-c", cfg, checks);

        Assert.Equal(3, exit);
        Assert.Contains("'fail condition' needs a table", output);
        Assert.Contains("line=2,col=5", output);
        Assert.Contains("needs 'fail condition: <SQL condition>' or 'fail query: <SQL returning the failing rows>'", output);
        Assert.Contains("returned web, which is not a number", output);
        Assert.Contains("Metrics 'nothing > 0' were not computed for check 'nothing > 0'", output);
        Assert.Contains("SELEC", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task Group_by_runs_each_nested_check_on_each_group()
    {
        string cfg = ShopConfig();
        string dir = Path.GetDirectoryName(cfg)!;
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, """
            checks for orders:
              - group by:
                  name: per channel and country
                  query: SELECT channel, country, count(*) AS orders FROM orders GROUP BY channel, country ORDER BY channel, country
                  fields: [channel, country]
                  checks:
                    - orders < 2:
                        name: Few orders
                        warn: when > 1
            """);
        string results = Path.Combine(dir, "results.json");
        var (exit, output, _) = await Run("scan", "-d", "shop", "-c", cfg, checks, "-srf", results);

        Assert.Equal(2, exit);
        Assert.Contains("per channel and country [FAILED]", output);
        Assert.Contains("Few orders [web,BE] [FAILED]", output);
        Assert.Contains("Few orders [shop,FR] [PASSED]", output);
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!;
        var groups = doc["checks"]!.AsArray();
        Assert.Equal(3, groups.Count);   // shop/FR, shop/NL, web/BE; the group by check itself is not listed
        var webBe = groups.Single(c => (string?)c!["name"] == "Few orders [web,BE]")!;
        Assert.Equal("web,BE", (string?)webBe["group"]!["distinctLabel"]);
        Assert.Equal("Few orders", (string?)webBe["group"]!["name"]);
        Assert.Contains("group_value: '[web,BE]'", (string?)webBe["definition"]);
        Assert.Equal(3L, (long)webBe["diagnostics"]!["value"]!);
        Assert.Contains(doc["metrics"]!.AsArray(), m => (string?)m!["metricName"] == "group by");
    }

    [Fact]
    public async Task Bad_group_by_checks_are_errors_with_locations()
    {
        string cfg = ShopConfig();
        string checks = Path.Combine(Path.GetDirectoryName(cfg)!, "checks.yml");
        File.WriteAllText(checks, """
            checks for orders:
              - row_count > 0
              - group by:
                  query: SELECT country, count(*) AS n FROM orders GROUP BY country
                  checks:
                    - n > 0
              - group by:
                  name: too many
                  group_limit: 2
                  query: SELECT country, count(*) AS n FROM orders GROUP BY country
                  fields: [country]
                  checks:
                    - n > 0
              - group by:
                  name: wrong column
                  query: SELECT country, count(*) AS n FROM orders GROUP BY country
                  fields: [country]
                  checks:
                    - total > 0
            """);
        var (exit, output, _) = await Run("scan", "-d", "shop", "-c", cfg, checks);

        Assert.Equal(3, exit);
        Assert.Contains("Group by check \"group by\" needs 'fields:' (the columns naming a group, e.g. [country])", output);
        Assert.Contains("line=3,col=5", output);
        Assert.Contains("Total number of groups 3 exceeds configured group limit: 2", output);
        Assert.Contains("Group by query returns no column 'total' for check \"total > 0\"", output);
        Assert.Contains("line=19,col=11", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task For_each_dataset_instantiates_its_checks_for_each_matching_table()
    {
        string cfg = ShopConfig();
        string checks = Path.Combine(Path.GetDirectoryName(cfg)!, "checks.yml");
        File.WriteAllText(checks, """
            for each dataset T:
              datasets:
                - include %
                - exclude cust%
              checks:
                - row_count > 3:
                    name: ${T} has rows
            for each dataset X:
              datasets: [nothing_like_this%]
              checks:
                - row_count > 0
            """);
        string results = Path.Combine(Path.GetDirectoryName(cfg)!, "results.json");
        var (exit, output, _) = await Run("scan", "-d", "shop", "-c", cfg, checks, "-srf", results);

        Assert.Equal(0, exit);
        Assert.Contains("orders has rows [PASSED]", output);
        Assert.DoesNotContain("customers has rows", output);
        Assert.Contains("'for each dataset X' matched no table for nothing_like_this%", output);
        var check = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!["checks"]![0]!;
        Assert.Equal("checks for T being orders:\n  - row_count > 3:\n      name: ${T} has rows\n", (string?)check["definition"]);
        Assert.Equal("orders", (string?)check["table"]);
    }

    [Fact]
    public async Task Without_a_history_checks_that_need_one_are_reported_as_errors_and_never_stop_the_scan()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, """
            checks for retail:
              - row_count > 0
              - change for row_count < 50
              - anomaly detection for row_count
              - anomaly score for missing_count(country) < default
              - schema:
                  warn:
                    when schema changes: any
              - group evolution:
                  query: SELECT DISTINCT status FROM retail
                  fail:
                    when groups change: any
              - distribution_difference(amount) > 0.05:
                  distribution reference file: ./amount_dro.yml
                  method: ks
            """);
        var (exit, output, _) = await Run("scan", "--no-history", "--data", Path.Combine(Sample, "retail.csv"), checks);

        Assert.Equal(3, exit);
        Assert.Contains("change-over-time checks", output);
        Assert.Contains("Anomaly checks need metric history (\"anomaly detection for row_count\")", output);
        Assert.Contains("Anomaly checks need metric history (\"anomaly score for missing_count(country) < default\")", output);
        Assert.Contains("'when schema changes' compare with the previous scan's schema", output);
        Assert.Contains("Group evolution checks with 'when groups change' compare the groups with the previous scan's", output);
        Assert.Contains("Distribution checks (\"distribution_difference(amount) > 0.05\") need a distribution reference object", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task Samples_columns_project_the_failed_row_sample()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for retail:\n  - missing_count(customer_email) = 0:\n      samples columns: [order_id, customer_id]\n      samples limit: 5\n");
        string results = Path.Combine(dir, "results.json");
        await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks, "-srf", results);

        var file = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!["checks"]![0]!["diagnostics"]!["blocks"]![0]!["file"]!;
        Assert.Equal("[\"order_id\",\"customer_id\"]", new System.Text.Json.Nodes.JsonArray([.. file["columns"]!.AsArray().Select(c => (System.Text.Json.Nodes.JsonNode?)(string?)c!["name"])]).ToJsonString());
        Assert.Equal(5L, (long)file["totalRowCount"]!);
    }

    [Fact]
    public async Task The_legacy_freshness_syntax_still_works_with_a_deprecation_warning()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for retail:\n  - freshness using order_date with AS_OF < 1d\n  - freshness using order_date < 2d\n");
        var (exit, output, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks, "-v", "AS_OF=2024-11-28", "-v", "NOW=2024-11-27");

        Assert.Equal(2, exit);
        Assert.Contains("Syntax of freshness check has changed and is deprecated", output);
        Assert.Contains("freshness using order_date with AS_OF < 1d [FAILED]", output);
        Assert.Contains("freshness using order_date < 2d [PASSED]", output);
    }

    [Fact]
    public async Task A_user_defined_metric_samples_its_failed_rows_query()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, """
            checks for retail:
              - negative_share < 1:
                  negative_share query: SELECT 100.0 * count(*) FILTER (WHERE amount < 0) / count(*) FROM retail
                  failed rows query: SELECT order_id, amount FROM retail WHERE amount < 0
                  samples limit: 3
            """);
        string results = Path.Combine(dir, "results.json");
        var (exit, _, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks, "-srf", results);

        var check = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!["checks"]![0]!;
        var file = check["diagnostics"]!["blocks"]![0]!["file"]!;
        Assert.Equal(3L, (long)file["totalRowCount"]!);
        Assert.Equal(2, file["columns"]!.AsArray().Count);
        Assert.Equal("file", (string?)check["diagnostics"]!["blocks"]![0]!["type"]);
        Assert.Equal(0, exit);                                                           // 0.37% of the orders are negative
        Assert.Equal(0.37387836490528414, (double)check["diagnostics"]!["value"]!, 12);
    }

    [Fact]
    public async Task Serve_reports_a_database_it_cannot_open_and_exits_3()
    {
        var (exit, _, err) = await Run("serve", "--urls", "http://127.0.0.1:0", "--db", "/proc/sodalite-nope/hub.db");
        Assert.Equal(3, exit);
        Assert.Contains("cannot open the hub's database (/proc/sodalite-nope/hub.db)", err);
    }

    [Fact]
    public async Task An_unknown_check_key_and_a_bad_threshold_are_errors_with_locations_while_valid_checks_run()
    {
        string dir = TempDir();
        string checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(checks, "checks for retail:\n  - row_count > 0:\n      nmae: typo\n  - max(quantity) >> 5\n  - min(quantity) > 0\n");
        var (exit, output, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks);

        Assert.Equal(3, exit);
        Assert.Contains("Skipping unsupported check configuration: nmae (did you mean \"name\"?)", output);
        Assert.Contains("line=3,col=7", output);
        Assert.Contains("Invalid check \"max(quantity) >> 5\"", output);
        Assert.Contains("line=4,col=5", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
        Assert.Contains("min(quantity) > 0 [PASSED]", output);
    }

    [Fact]
    public async Task A_missing_checks_file_is_an_error_naming_the_path()
    {
        var (exit, output, _) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), "/nonexistent/checks.yml");
        Assert.Equal(3, exit);
        Assert.Contains("Checks file or folder not found: /nonexistent/checks.yml", output);
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_and_exits_3()
    {
        string dir = TempDir();
        string cfg = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(cfg, "data_source pg:\n  type: postgres\n  host: 127.0.0.1\n  port: 1\n  username: x\n  password: y\n  database: z\n  connection_timeout: 2\n");
        var (exit, output, _) = await Run("scan", "-d", "pg", "-c", cfg, Path.Combine(Sample, "checks.yml"));
        Assert.Equal(3, exit);
        Assert.Contains("Could not connect to data source \"pg\"", output);
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_without_running_it()
    {
        var (exit, output, _) = await Run("scan", "--dry-run", "--data", Path.Combine(Sample, "retail.csv"), Path.Combine(Sample, "checks.yml"));
        Assert.Equal(0, exit);
        Assert.Contains("-- 1.retail.retail.aggregation[0]", output);
        Assert.Contains("--   serves: row_count > 1000", output);
        // On DuckDB the duplicate count keeps its duplicated keys for the failed-rows sample.
        Assert.Contains("CREATE TEMP TABLE sodalite_duplicate_keys_2 AS\nSELECT order_id\nFROM retail\nWHERE order_id IS NOT NULL\nGROUP BY order_id\nHAVING COUNT(*) > 1;", output);
        Assert.DoesNotContain("[PASSED]", output);
    }
}
