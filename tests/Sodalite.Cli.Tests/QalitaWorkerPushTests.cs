// `sodalite scan --push qalita` and `ingest soda --qalita` as a qalita worker pushes, against the QALITA recorder on 127.0.0.1:
// the environment qalita reads, the table's real row count as rows_analyzed, the source's name as the label, the job's logs.
using System.Text.Json.Nodes;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

[Collection("QALITA environment")]
public sealed class QalitaWorkerPushTests : IAsyncLifetime
{
    private static readonly string Sample = Path.Combine(RepoPaths.Repo, "samples", "retail");
    private readonly QalitaRecorder _qalita = new("/qalita");
    private readonly string _home = Directory.CreateTempSubdirectory("qalita-home-").FullName;

    public Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("SODALITE_PUSH_RETRIES", "0");
        // The worker file `qalita worker login` writes: its URL is stale, the selected env file's endpoint wins over it.
        var worker = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = 9 },
            ["context"] = new JsonObject
            {
                ["local"] = new JsonObject { ["name"] = "w", ["mode"] = "job", ["token"] = "t0k", ["url"] = "http://127.0.0.1:9", ["verbose"] = false },
                ["remote"] = new JsonObject { ["id"] = 42, ["name"] = "w" },
            },
            ["registries"] = new JsonArray(new JsonObject { ["id"] = 3 }),
        };
        File.WriteAllText(Path.Combine(_home, ".worker"), Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(worker.ToJsonString())));
        File.WriteAllText(Path.Combine(_home, ".env-prod"), $"QALITA_WORKER_NAME=w\nQALITA_WORKER_ENDPOINT={_qalita.Endpoint}\nQALITA_WORKER_JOB_SOURCE=7\nQALITA_WORKER_JOB_PACK=5\n");
        File.WriteAllText(Path.Combine(_home, ".current_env"), Path.Combine(_home, ".env-prod"));
        Environment.SetEnvironmentVariable("QALITA_HOME", _home);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("QALITA_HOME", null);
        Environment.SetEnvironmentVariable("SODALITE_PUSH_RETRIES", "1");
        await _qalita.DisposeAsync();
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = await SodaliteCli.RunAsync(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    private static string Outbox() => Directory.CreateTempSubdirectory("sodalite-outbox-").FullName;

    /// <summary>The JSON file in a recorded multipart upload.</summary>
    private static JsonArray UploadedJson(RecordedRequest upload)
    {
        string text = upload.Text;
        int start = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        return JsonNode.Parse(text[start..text.LastIndexOf("\r\n--", StringComparison.Ordinal)])!.AsArray();
    }

    private static JsonNode Metric(JsonArray metrics, string key) => metrics.Single(m => (string)m!["key"]! == key)!;

    [Fact]
    public async Task Scan_push_qalita_takes_endpoint_source_and_pack_from_the_selected_env_file_and_the_agent_id_from_the_worker_file()
    {
        var (exit, _, err) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), Path.Combine(Sample, "checks.yml"), "--push", "qalita", "--job", "--outbox", Outbox());

        Assert.True(exit is 1 or 2, err);
        var received = _qalita.Received.ToList();
        Assert.All(received, r => Assert.StartsWith("/qalita/api/", r.PathAndQuery));
        Assert.Contains(received, r => r.Path == "/qalita/api/v2/packs/5");
        var job = JsonNode.Parse(received.Single(r => r.Path.EndsWith("/jobs/create", StringComparison.Ordinal)).Text)!;
        Assert.Equal((42, 7, 12, 5), ((int)job["agent_id"]!, (int)job["source_id"]!, (int)job["source_version_id"]!, (int)job["pack_id"]!));
        Assert.Contains(received, r => r.PathAndQuery.StartsWith("/qalita/api/v1/assets/upload?registry_id=3&", StringComparison.Ordinal) && r.Text.Contains("filename=\"logs.txt\"", StringComparison.Ordinal));
        var close = JsonNode.Parse(received.Last().Text)!;
        Assert.Equal(("succeeded", 99), ((string)close["status"]!, (int)close["logs_id"]!));
        Assert.All(received, r => Assert.Equal("sodalite/0.1.0", r.Headers["user-agent"]));
    }

    [Fact]
    public async Task Rows_analyzed_is_the_tables_row_count_when_no_check_measures_it_and_the_label_is_the_sources_name()
    {
        // The row count the sample's row_count checks measure.
        string measured = Directory.CreateTempSubdirectory("sodalite-art-").FullName;
        await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), Path.Combine(Sample, "checks.yml"), "--artifacts", measured);
        long rows = (long)Metric(JsonNode.Parse(File.ReadAllText(Path.Combine(measured, "metrics.json")))!.AsArray(), "rows_analyzed")["value"]!;
        Assert.True(rows > 1000);
        string checks = Path.Combine(Directory.CreateTempSubdirectory("sodalite-checks-").FullName, "checks.yml");
        File.WriteAllText(checks, "checks for retail:\n  - missing_count(country) < 1000\n");

        var (exit, _, err) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), checks, "--push", "qalita", "--outbox", Outbox());

        Assert.True(exit == 0, err);
        var metrics = UploadedJson(_qalita.Received.Single(r => r.Path == "/qalita/api/v1/metrics/upload"));
        Assert.Equal(rows, (long)Metric(metrics, "rows_analyzed")["value"]!);
        Assert.Equal("Retail orders", (string)Metric(metrics, "rows_analyzed")["scope"]!["value"]!);
    }

    [Fact]
    public async Task Ingest_soda_qalita_uploads_the_documents_logs_and_labels_with_the_sources_name()
    {
        var (exit, _, err) = await Run("ingest", "soda", "--file", Path.Combine(RepoPaths.Acceptance, "qalita", "retail", "results.json"), "--qalita", "--job", "--outbox", Outbox());

        Assert.True(exit == 0, err);
        var metrics = UploadedJson(_qalita.Received.Single(r => r.Path == "/qalita/api/v1/metrics/upload"));
        Assert.Equal("Retail orders", (string)Metric(metrics, "score")["scope"]!["value"]!);
        Assert.Single(_qalita.Received, r => r.Path == "/qalita/api/v1/assets/upload");
        Assert.Equal(99, (int)JsonNode.Parse(_qalita.Received.Last().Text)!["logs_id"]!);
    }
}
