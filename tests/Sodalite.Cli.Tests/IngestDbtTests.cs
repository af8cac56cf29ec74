// `sodalite ingest dbt`: dbt artifacts written by hand in dbt's documented format (Data/dbt/target) turned into check results,
// written with -srf, and pushed to the real hub (on SQLite and on PostgreSQL) and through its QALITA endpoints.
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sodalite.TestSupport;

using static Sodalite.Cli.Tests.CliRun;

namespace Sodalite.Cli.Tests;

public class IngestDbtTests
{
    public static readonly string Target = Path.Combine(AppContext.BaseDirectory, "Data", "dbt", "target");


    private static async Task<(int Exit, string Out, string Err, JsonObject? Doc)> Ingest(params string[] args)
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-dbt-").FullName;
        try
        {
            string file = Path.Combine(dir, "results.json");
            var (exit, output, err) = await Run(["ingest", "dbt", .. args, "-srf", file]);
            return (exit, output, err, File.Exists(file) ? (JsonObject)JsonNode.Parse(File.ReadAllText(file))! : null);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static JsonObject Check(JsonObject doc, string name) => doc["checks"]!.AsArray().Cast<JsonObject>().Single(c => (string)c["name"]! == name);

    [Fact]
    public async Task Ingest_dbt_turns_each_generic_test_result_into_a_check_as_soda_does()
    {
        // When
        var (exit, output, err, doc) = await Ingest("--dbt-artifacts", Target, "-d", "shop");

        // Then: five generic tests; the singular test (no test_metadata) is left out, as Soda leaves it out.
        Assert.True(exit == 0, output + err);
        Assert.Contains("Ingested 5 dbt tests on 3 datasets: 1 passed, 1 warned, 3 failed.", output);
        Assert.Contains("Ignoring unsupported test node 'test.shop.assert_positive_amounts'. Missing 'test_metadata'.", output);
        Assert.Equal("Ingest - dbt", (string)doc!["definitionName"]!);
        Assert.Equal("shop", (string)doc["defaultDataSource"]!);
        Assert.Equal("2024-05-05T10:00:05+00:00", (string)doc["dataTimestamp"]!);
        Assert.Equal("""[{"identity":"dbt_metric","metricName":"dbt_metric","value":0}]""", doc["metrics"]!.ToJsonString());
        Assert.Equal(5, doc["checks"]!.AsArray().Count);

        var unique = Check(doc, "unique_orders_id");
        const string id = "test.shop.unique_orders_id.2b3c4d5e6f";
        Assert.Equal(id, (string)unique["identity"]!);
        Assert.Equal($$"""{"v1":"{{id}}","v2":"{{id}}","v3":"{{id}}"}""", unique["identities"]!.ToJsonString());
        Assert.Equal("unique_orders_id", (string)unique["definition"]!);
        Assert.Equal("""{"filePath":"models/schema.yml","line":0,"col":0}""", unique["location"]!.ToJsonString());
        Assert.Equal(("shop", "orders", "id"), ((string)unique["dataSource"]!, (string)unique["table"]!, (string)unique["column"]!));
        Assert.Equal("""["dbt_metric"]""", unique["metrics"]!.ToJsonString());
        Assert.Equal(("fail", "dbt"), ((string)unique["outcome"]!, (string)unique["source"]!));
        Assert.Equal("""{"value":0}""", unique["diagnostics"]!.ToJsonString());
    }

    [Fact]
    public async Task Ingest_dbt_maps_pass_and_warn_and_counts_error_and_skipped_as_failed_as_soda_does()
    {
        var (_, output, _, doc) = await Ingest("--dbt-artifacts", Target, "-d", "shop");

        Assert.Equal("pass", (string)Check(doc!, "not_null_orders_id")["outcome"]!);
        Assert.Equal("warn", (string)Check(doc!, "relationships_orders_customer_id__id__ref_customers_")["outcome"]!);
        Assert.Equal("fail", (string)Check(doc!, "accepted_values_customers_country__BE__NL")["outcome"]!);
        Assert.Equal("fail", (string)Check(doc!, "source_not_null_raw_payments_amount")["outcome"]!);
        // What dbt said is kept in the logs: the failures count and message, and why an error counts as a failure.
        Assert.Contains("dbt test 'unique_orders_id' on orders.id: fail (2 failures): Got 2 results, configured to fail if != 0", output);
        Assert.Contains("dbt test 'accepted_values_customers_country__BE__NL' on dim_customers.country: error: Database Error", output);
        Assert.Contains("(counted as failed, as Soda counts every status but pass and warn)", output);
        Assert.True((bool)doc!["hasFailures"]! && (bool)doc["hasWarnings"]! && !(bool)doc["hasErrors"]!);
    }

    [Fact]
    public async Task Ingest_dbt_names_a_model_by_its_alias_and_a_source_by_its_name_and_a_test_by_its_attached_node()
    {
        var (_, _, _, doc) = await Ingest("--dbt-artifacts", Target, "-d", "shop");

        Assert.Equal("dim_customers", (string)Check(doc!, "accepted_values_customers_country__BE__NL")["table"]!);
        Assert.Equal("payments", (string)Check(doc!, "source_not_null_raw_payments_amount")["table"]!);
        // The relationships test depends on customers and orders; it is attached to orders (dbt's attached_node), listed once.
        Assert.Equal("orders", (string)Check(doc!, "relationships_orders_customer_id__id__ref_customers_")["table"]!);
    }

    [Fact]
    public async Task Ingest_dbt_reads_the_manifest_and_run_results_given_one_by_one()
    {
        var (exit, _, err, doc) = await Ingest("--dbt-manifest", Path.Combine(Target, "manifest.json"), "--dbt-run-results", Path.Combine(Target, "run_results.json"), "-d", "shop");

        Assert.True(exit == 0, err);
        Assert.Equal(5, doc!["checks"]!.AsArray().Count);
    }

    [Fact]
    public async Task Ingest_dbt_without_artifacts_says_which_flags_to_pass()
    {
        var (exit, _, err, doc) = await Ingest("-d", "shop");

        Assert.Equal(3, exit);
        Assert.Contains("--dbt-artifacts target/, or both --dbt-manifest manifest.json and --dbt-run-results run_results.json", err);
        Assert.Null(doc);
    }

    [Fact]
    public async Task Ingest_dbt_of_a_folder_without_run_results_names_the_missing_file()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-dbt-").FullName;
        try
        {
            File.Copy(Path.Combine(Target, "manifest.json"), Path.Combine(dir, "manifest.json"));

            var (exit, _, err, _) = await Ingest("--dbt-artifacts", dir, "-d", "shop");

            Assert.Equal(3, exit);
            Assert.Contains($"dbt run results file not found: {Path.Combine(dir, "run_results.json")}", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("manifest.json", "\"nodes\": {", "\"nodez\": {", "manifest.json: nodes is missing.")]
    [InlineData("manifest.json", "\"depends_on\": {\"macros\": [\"macro.dbt.test_not_null\"], \"nodes\": [\"source.shop.raw.payments\"]}",
        "\"depends_on\": {\"macros\": [], \"nodes\": \"source.shop.raw.payments\"}",
        "manifest.json: nodes[\"test.shop.source_not_null_raw_payments_amount.5e6f7a8b9c\"].depends_on.nodes is a string, not a list as in dbt's documented format.")]
    [InlineData("run_results.json", "\"results\": [", "\"results\": {\"x\": [", "run_results.json: results is an object, not a list")]
    [InlineData("run_results.json", "\"unique_id\": \"test.shop.unique_orders_id.2b3c4d5e6f\"", "\"id\": 1", "run_results.json: results[2].unique_id is missing.")]
    [InlineData("manifest.json", "\"metadata\"", "\"metadata\" x", "manifest.json is not valid JSON")]
    public async Task Ingest_dbt_of_an_artifact_that_is_not_in_dbts_format_names_the_file_and_field(string file, string from, string to, string message)
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-dbt-").FullName;
        try
        {
            foreach (var f in new[] { "manifest.json", "run_results.json" })
            {
                string text = File.ReadAllText(Path.Combine(Target, f));
                if (f == file)
                {
                    Assert.Contains(from, text);
                    text = text.Replace(from, to);
                    if (to.StartsWith("\"results\": {", StringComparison.Ordinal)) text = text.Replace("],\n  \"elapsed_time\"", "]},\n  \"elapsed_time\"");
                }
                File.WriteAllText(Path.Combine(dir, f), text);
            }

            var (exit, _, err, doc) = await Ingest("--dbt-artifacts", dir, "-d", "shop");

            Assert.Equal(3, exit);
            Assert.Contains(message, err);
            Assert.Null(doc);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Ingest_dbt_of_the_run_results_of_a_run_without_tests_says_to_pass_those_of_dbt_test()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-dbt-").FullName;
        try
        {
            File.Copy(Path.Combine(Target, "manifest.json"), Path.Combine(dir, "manifest.json"));
            File.WriteAllText(Path.Combine(dir, "run_results.json"), """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json"},
                 "results": [{"status": "success", "unique_id": "model.shop.orders", "failures": null, "message": "SELECT 4"}]}
                """);

            var (exit, _, err, _) = await Ingest("--dbt-artifacts", dir, "-d", "shop");

            Assert.Equal(3, exit);
            Assert.Contains("run_results.json: no result has a test's \"failures\" count", err);
            Assert.Contains("Pass the run_results.json of `dbt test` or `dbt build`.", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Ingest_dbt_with_a_configuration_that_lacks_the_data_source_lists_the_configured_ones()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-dbt-").FullName;
        try
        {
            string cfg = Path.Combine(dir, "configuration.yml");
            File.WriteAllText(cfg, "data_source warehouse:\n  type: duckdb\n  path: x.duckdb\n");

            var (exit, _, err, doc) = await Ingest("--dbt-artifacts", Target, "-d", "shop", "-c", cfg);

            Assert.Equal(3, exit);
            Assert.Contains($"the data source 'shop' is not present in {cfg}. Configured data sources: warehouse.", err);
            Assert.Null(doc);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>`ingest dbt --push hub` against the real hub; run on SQLite and on PostgreSQL.</summary>
public abstract class IngestDbtHubTests<THub>(THub hub) where THub : HubFixture
{
    private async Task<string> Token()
    {
        using var c = hub.Client(hub.AdminToken);
        return (string)(await (await c.PostAsync("/api/v1/tokens/create", null)).Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    }

    private async Task<JsonArray> Get(string path)
    {
        using var c = hub.Client(hub.AdminToken);
        return (await c.GetFromJsonAsync<JsonArray>(path))!;
    }

    [Fact]
    public async Task Ingest_dbt_pushes_the_test_results_to_the_hub_like_a_scan_and_twice_stores_them_once()
    {
        // Given
        string source = $"dbt-{Guid.NewGuid():N}";
        string outbox = Directory.CreateTempSubdirectory("sodalite-outbox-").FullName;
        string token = await Token();
        string[] args = ["ingest", "dbt", "--dbt-artifacts", IngestDbtTests.Target, "-d", "shop", "--push", "hub", "--source", source,
            "--hub", hub.BaseAddress.ToString(), "--token", token, "--outbox", outbox];
        try
        {
            // When
            var (exit, output, err) = await CliRun.Run(args);

            // Then: the five checks are stored, the failed and warned ones open issues, the three tables are datasets.
            Assert.True(exit == 0, output + err);
            Assert.Contains($"of source {source}, 5 results stored; issues", output);
            int sourceId = (int)(await Get("/api/v2/sources")).Single(s => (string)s!["name"]! == source)!["id"]!;
            var datasets = (await Get($"/api/v2/datasets?source_id={sourceId}")).Select(d => (string)d!["name"]!).Order().ToList();
            Assert.Equal(["dim_customers", "orders", "payments"], datasets);
            var issues = await Get("/api/v2/issues?status=open");
            Assert.Contains(issues, i => i!.ToJsonString().Contains("unique_orders_id", StringComparison.Ordinal));
            Assert.DoesNotContain(issues, i => i!.ToJsonString().Contains("not_null_orders_id", StringComparison.Ordinal));

            // Pushing the same files again: the results are dated when dbt ran, so it is the same scan, stored once.
            var (again, againOut, againErr) = await CliRun.Run(args);
            Assert.True(again == 0, againOut + againErr);
            Assert.Contains("Already stored in the hub", againOut);
            Assert.Single(await Get($"/api/v2/scans?source_id={sourceId}"));
        }
        finally
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    [Fact]
    public async Task Ingest_dbt_pushes_one_models_test_results_to_qalita_as_artifacts()
    {
        // Given: a QALITA source for the orders model (the hub serves QALITA's API).
        using var c = hub.Client(hub.AdminToken);
        string name = $"orders-{Guid.NewGuid():N}";
        int sourceId = (int)(await (await c.PostAsJsonAsync("/api/v1/sources/publish", new { name, type = "database" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        string outbox = Directory.CreateTempSubdirectory("sodalite-outbox-").FullName;
        try
        {
            // When
            var (exit, output, err) = await CliRun.Run("ingest", "dbt", "--dbt-artifacts", IngestDbtTests.Target, "-d", "shop", "--push", "qalita",
                "--dataset", "orders", "--rows-analyzed", "4", "--source-id", sourceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--endpoint", hub.BaseAddress.ToString(), "--token", await Token(), "--outbox", outbox);

            // Then: orders' three tests, one passed (score 0.33), under the source's name.
            Assert.True(exit == 0, output + err);
            Assert.Contains("Uploaded to", output);
            var metrics = await Get($"/api/v2/metrics?source_id={sourceId}");
            string json = metrics.ToJsonString();
            Assert.Contains("\"check_passed\"", json);
            var checkFailed = metrics.Single(m => (string?)m!["key"] == "check_failed" && m.ToJsonString().Contains("\"dataset\"", StringComparison.Ordinal))!;
            Assert.Equal("2", checkFailed["value"]!.ToString());
        }
        finally
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    [Fact]
    public async Task Ingest_dbt_to_qalita_of_several_models_asks_which_one()
    {
        var (exit, _, err) = await CliRun.Run("ingest", "dbt", "--dbt-artifacts", IngestDbtTests.Target, "-d", "shop", "--push", "qalita",
            "--source-id", "1", "--endpoint", hub.BaseAddress.ToString(), "--token", "t");

        Assert.Equal(3, exit);
        Assert.Contains("--push qalita uploads one dataset's results: pass --dataset with one of orders, dim_customers, payments.", err);
    }
}

public sealed class SqliteIngestDbtHubTests(SqliteHub hub) : IngestDbtHubTests<SqliteHub>(hub), IClassFixture<SqliteHub>;

public sealed class PostgresIngestDbtHubTests(PostgresHub hub) : IngestDbtHubTests<PostgresHub>(hub), IClassFixture<PostgresHub>;
