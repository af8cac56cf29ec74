// The Sodalite QALITA pack, run as the QALITA worker runs a pack: `pack init` writes the pack into <run>/sodalite_pack/, the
// worker's source_conf.json and pack_conf.json go beside it, and `sh run.sh` runs as a process of its own in that folder. The
// artifacts it leaves are compared with those of QALITA's soda pack for the same checks and data (../shared/acceptance/qalita).
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sodalite.Cli;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

// run.sh is a POSIX shell script: these tests run where the QALITA worker runs packs.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class QalitaPackTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private static readonly string Acceptance = Path.Combine(RepoPaths.Acceptance, "qalita", "retail");

    // The acceptance table (table.sql) as the CSV a file source reads.
    private const string RetailCsv = """
        order_id,customer_email,amount,order_date
        1001,alice@example.com,49.90,2024-12-01
        1002,bob_at_example.com,0,2024-12-03
        1003,charlie@example.com,120.50,2024-12-08
        1004,,75.00,2024-12-10
        1005,dan@example.com,15.00,2024-12-12
        1006,alice@example.com,49.90,2024-12-13

        """;

    /// <summary>A run folder with the pack `pack init` writes, its checks set to <paramref name="checks"/>, and the worker's source_conf.json.</summary>
    private static async Task<string> RunFolder(string sourceConf, string? checks)
    {
        string pack = Path.Combine(Directory.CreateTempSubdirectory("sodalite-qalita-run-").FullName, "sodalite_pack");
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(0, await SodaliteCli.RunAsync(["pack", "init", pack], o, e));
        if (checks is not null)
        {
            var conf = JsonNode.Parse(File.ReadAllText(Path.Combine(pack, "pack_conf.json")))!.AsObject();
            conf["checks"] = checks;
            File.WriteAllText(Path.Combine(pack, "pack_conf.json"), conf.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 4 }));
        }
        File.WriteAllText(Path.Combine(pack, "source_conf.json"), sourceConf);
        return pack;
    }

    /// <summary>A `sodalite` command for the pack's run.sh: the built CLI, through dotnet.</summary>
    private static string Wrapper()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-bin-").FullName;
        string path = Path.Combine(dir, "sodalite");
        File.WriteAllText(path, $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "sodalite.dll")}\" \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Runs `sh run.sh` in <paramref name="pack"/>, as the worker does, with sodalite found through SODALITE or PATH.</summary>
    private static async Task<(int Exit, string Out, string Err)> RunPack(string pack, bool viaPath = false, params (string Name, string Value)[] env)
    {
        var start = new ProcessStartInfo("sh") { WorkingDirectory = pack, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("run.sh");
        string wrapper = Wrapper();
        if (viaPath)
        {
            start.Environment.Remove("SODALITE");
            start.Environment["PATH"] = Path.GetDirectoryName(wrapper) + ":" + Environment.GetEnvironmentVariable("PATH");
        }
        else
            start.Environment["SODALITE"] = wrapper;
        start.Environment["SODALITE_HISTORY"] = Path.Combine(Path.GetDirectoryName(wrapper)!, "history.db");
        foreach (var (name, value) in env) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The entries of an artifact file, each as its compact JSON text, sorted (the pack and Soda may order metrics differently).</summary>
    private static List<string> Entries(string file, params string[] leaveOut)
    {
        var entries = JsonNode.Parse(File.ReadAllText(file))!.AsArray().Select(n =>
        {
            var o = n!.AsObject().DeepClone().AsObject();
            foreach (string key in leaveOut) o.Remove(key);
            return o.ToJsonString();
        }).ToList();
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    private static void AssertSameArtifactsAsTheSodaPack(string pack, bool compareContent)
    {
        string expected = Path.Combine(Acceptance, "sodalite");
        Assert.Equal(Entries(Path.Combine(expected, "metrics.json")), Entries(Path.Combine(pack, "metrics.json")));
        string[] leaveOut = compareContent ? [] : ["content"];
        Assert.Equal(Entries(Path.Combine(expected, "recommendations.json"), leaveOut), Entries(Path.Combine(pack, "recommendations.json"), leaveOut));
        var schemas = JsonNode.Parse(File.ReadAllText(Path.Combine(pack, "schemas.json")))!.AsArray();
        Assert.Contains(schemas, s => (string?)s!["key"] == "column" && (string?)s["value"] == "customer_email" && (string?)s["scope"]!["parent_scope"]!["value"] == "retail");
        Assert.False(File.Exists(Path.Combine(pack, "logs.txt")), "logs.txt is the worker's own file");
    }

    [Fact]
    public async Task Pack_init_writes_the_files_qalita_pack_push_publishes()
    {
        string pack = Path.Combine(Directory.CreateTempSubdirectory("sodalite-qalita-init-").FullName, "sodalite_pack");
        var o = new StringWriter();
        var e = new StringWriter();

        int exit = await SodaliteCli.RunAsync(["pack", "init", pack], o, e);

        Assert.Equal(0, exit);
        string properties = File.ReadAllText(Path.Combine(pack, "properties.yaml"));
        foreach (string line in new[] { "name: sodalite\n", "version: 0.1.0\n", "type: validity\n", "visibility: private\n", "- postgresql\n", "- file\n" })
            Assert.Contains(line, properties);
        Assert.True((File.GetUnixFileMode(Path.Combine(pack, "run.sh")) & UnixFileMode.UserExecute) != 0);
        Assert.Contains("pack run .", File.ReadAllText(Path.Combine(pack, "run.sh")));
        var conf = JsonNode.Parse(File.ReadAllText(Path.Combine(pack, "pack_conf.json")))!;
        Assert.Equal("checks for ${TABLE}:\n  - row_count > 0\n", (string?)conf["checks"]);
        Assert.Equal(100, (int?)conf["samples_limit"]);
        Assert.Equal("score", (string?)conf["charts"]!["overview"]![4]!["metric_key"]);
        Assert.True(File.Exists(Path.Combine(pack, "README.md")));
        Assert.Equal(3, await SodaliteCli.RunAsync(["pack", "init", pack], o, e));
        Assert.Contains("--force", e.ToString());
    }

    [Fact]
    public async Task A_file_source_run_leaves_the_soda_packs_artifacts_and_succeeds_with_failing_checks()
    {
        string data = Path.Combine(Directory.CreateTempSubdirectory("sodalite-qalita-data-").FullName, "retail.csv");
        File.WriteAllText(data, RetailCsv);
        string pack = await RunFolder(
            JsonSerializer.Serialize(new { config = new { path = data }, description = "", name = "retail", reference = false, sensitive = false, type = "file", visibility = "private" }),
            File.ReadAllText(Path.Combine(Acceptance, "checks.yml")));

        var (exit, output, errors) = await RunPack(pack);

        Assert.True(exit == 0, output + errors);
        Assert.Contains("3 failures", output);
        AssertSameArtifactsAsTheSodaPack(pack, compareContent: true);
    }

    [Fact]
    public async Task A_postgresql_source_run_with_the_table_variable_leaves_the_soda_packs_artifacts()
    {
        await pg.ExecuteAsync(File.ReadAllText(Path.Combine(Acceptance, "table.sql")));
        string sourceConf = JsonSerializer.Serialize(new
        {
            config = new { host = "127.0.0.1", port = pg.Port, username = "postgres", password = "$QALITA_TEST_PG_PASSWORD", database = "postgres", schema = "public", table_or_query = "retail" },
            name = "retail",
            type = "postgresql",
        });
        string checks = File.ReadAllText(Path.Combine(Acceptance, "checks.yml")).Replace("checks for retail:", "checks for ${TABLE}:", StringComparison.Ordinal);
        string pack = await RunFolder(sourceConf, checks);

        var (exit, output, errors) = await RunPack(pack, viaPath: true, ("QALITA_TEST_PG_PASSWORD", "x"));

        Assert.True(exit == 0, output + errors);
        AssertSameArtifactsAsTheSodaPack(pack, compareContent: false);
    }

    [Theory]
    [InlineData("""{"name": "shop", "type": "postgresql", "config": {"port": 5432, "database": "shop", "table_or_query": "orders"}}""", "config.host")]
    [InlineData("""{"name": "shop", "type": "mysql", "config": {"host": "db", "database": "shop"}}""", "config.table_or_query")]
    [InlineData("""{"name": "orders", "type": "file", "config": {}}""", "config.path")]
    [InlineData("""{"name": "orders", "config": {"path": "orders.csv"}}""", "\"type\"")]
    [InlineData("""{"name": "shop", "type": "postgresql", "config": {"host": "db", "database": "shop", "password": "$NOT_SET_FOR_THE_PACK", "table_or_query": "orders"}}""", "NOT_SET_FOR_THE_PACK")]
    public async Task A_source_conf_without_what_the_scan_needs_fails_the_run_naming_the_field(string sourceConf, string field)
    {
        string pack = await RunFolder(sourceConf, null);

        var (exit, _, errors) = await RunPack(pack);

        Assert.NotEqual(0, exit);
        Assert.Contains(field, errors);
        Assert.False(File.Exists(Path.Combine(pack, "metrics.json")));
    }

    [Fact]
    public async Task A_run_where_one_check_errors_fails_and_keeps_the_other_checks_artifacts()
    {
        string data = Path.Combine(Directory.CreateTempSubdirectory("sodalite-qalita-data-").FullName, "retail.csv");
        File.WriteAllText(data, RetailCsv);
        string pack = await RunFolder(
            JsonSerializer.Serialize(new { config = new { path = data }, name = "retail", type = "file" }),
            "checks for ${TABLE}:\n  - row_count > 0\n  - max(no_such_column) > 0\n");

        var (exit, output, errors) = await RunPack(pack);

        // The run fails (a check is missing from the artifacts), and the artifacts of the checks that ran are there for the worker.
        Assert.True(exit == 3, output + errors);
        Assert.Contains("ERROR: the scan logged errors", errors);
        Assert.True(File.Exists(Path.Combine(pack, "metrics.json")));
        Assert.Contains("row_count", File.ReadAllText(Path.Combine(pack, "metrics.json")));
    }

    [Fact]
    public async Task A_source_that_cannot_be_reached_fails_the_run_without_artifacts()
    {
        string pack = await RunFolder("""{"name": "shop", "type": "postgresql", "config": {"host": "127.0.0.1", "port": 1, "username": "u", "password": "p", "database": "shop", "table_or_query": "orders"}}""", null);

        var (exit, _, errors) = await RunPack(pack);

        Assert.Equal(3, exit);
        Assert.Contains("could not run", errors);
        Assert.False(File.Exists(Path.Combine(pack, "metrics.json")));
    }

    [Theory]
    [InlineData("""{"name": "shop", "type": "mariadb", "config": {"host": "db", "port": "3306", "user": "u", "password": "p", "database": "shop", "schema": "x", "table_or_query": "orders"}}""",
        "data_source qalita:\n  type: mysql\n  host: \"db\"\n  port: 3306\n  username: \"u\"\n  password: \"p\"\n  database: \"shop\"\n", "orders")]
    [InlineData("""{"name": "events", "type": "clickhouse", "config": {"host": "ch", "port": 8123, "username": "default", "password": "", "database": "analytics", "table": "events"}}""",
        "data_source qalita:\n  type: clickhouse\n  host: \"ch\"\n  port: 8123\n  username: \"default\"\n  password: \"\"\n  database: \"analytics\"\n", "events")]
    [InlineData("""{"name": "wh", "type": "duckdb", "config": {"path": "/data/wh.duckdb", "table_or_query": "sales"}}""",
        "data_source qalita:\n  type: duckdb\n  path: \"/data/wh.duckdb\"\n", "sales")]
    [InlineData("""{"name": "", "type": "postgresql", "config": {"host": "pg", "database": "shop", "schema": "sales", "table_or_query": "orders"}}""",
        "data_source qalita:\n  type: postgres\n  host: \"pg\"\n  database: \"shop\"\n  schema: \"sales\"\n", "orders")]
    public void Each_database_source_type_maps_to_a_data_source_block_and_its_table(string sourceConf, string yaml, string table)
    {
        using var doc = JsonDocument.Parse(sourceConf);

        var source = Pack.PackSource.Map(doc.RootElement, null, _ => null, out string? error);

        Assert.Null(error);
        Assert.Equal(yaml, source!.ConfigurationYaml);
        Assert.Equal(table, source.Table);
        Assert.Equal(doc.RootElement.GetProperty("name").GetString() is { Length: > 0 } name ? name : table, source.Label);
    }
}
