// A push to QALITA as the qalita worker's post-run makes it, against a recorder on 127.0.0.1 under a sub-path: the job with the
// worker's agent id, logs.txt as the job's logs, the uploads, the job always closed, the sequence kept whole in the outbox.
using System.Text.Json.Nodes;
using Sodalite.TestSupport;

namespace Sodalite.Qalita.Tests;

public sealed class WorkerPushTests : IAsyncLifetime
{
    private const string Token = "t0k";
    private static readonly QalitaWorker Worker = new(Token, null, null, AgentId: 42, RegistryId: null, UserId: 9);
    private readonly QalitaRecorder _qalita = new("/qalita");
    private readonly Outbox _outbox = new(Directory.CreateTempSubdirectory("sodalite-outbox-").FullName);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _qalita.DisposeAsync();

    private PushService Service() => new(_outbox, TimeProvider.System,
        endpoint => new Delivery(new HttpClient { BaseAddress = new Uri(endpoint), Timeout = TimeSpan.FromSeconds(5) }, retries: 0, userAgent: "sodalite/0.1.0"));

    private static string Artifacts()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-art-").FullName;
        foreach (var kind in new[] { "metrics", "recommendations", "schemas" }) File.WriteAllText(Path.Combine(dir, $"{kind}.json"), "[]");
        File.WriteAllText(Path.Combine(dir, "logs.txt"), "INFO scan started\n");
        return dir;
    }

    private Task<PushOutcome> Push(string artifacts) =>
        Service().PushToQalitaAsync(_qalita.Endpoint, Token, "--token", artifacts, 7, null, null, job: true, Worker, CancellationToken.None);

    private List<RecordedRequest> Received => [.. _qalita.Received];

    private static string Route(RecordedRequest r) => $"{r.Method} {r.Path.Replace("/qalita", "", StringComparison.Ordinal)}";

    private static readonly string[] WholeJob =
    [
        "GET /api/v2/sources/7", "GET /api/v2/packs", "POST /api/v2/jobs/create", "GET /api/v2/registries", "POST /api/v1/assets/upload",
        "POST /api/v1/recommendations/upload", "POST /api/v1/schemas/upload", "POST /api/v1/metrics/upload", "PUT /api/v2/jobs/77",
    ];

    [Fact]
    public async Task Every_request_of_the_job_goes_under_the_endpoints_path_in_the_workers_order()
    {
        var outcome = await Push(Artifacts());

        Assert.Equal(3, outcome.Uploaded);
        Assert.All(Received, r => Assert.StartsWith("/qalita/api/", r.PathAndQuery));
        Assert.Equal(WholeJob, Received.Select(Route));
    }

    [Fact]
    public async Task The_job_is_created_running_with_the_workers_agent_id_and_the_source_version_of_highest_semver()
    {
        await Push(Artifacts());

        var job = JsonNode.Parse(Received.Single(r => r.Path.EndsWith("/jobs/create", StringComparison.Ordinal)).Text)!;
        Assert.Equal(42, (int)job["agent_id"]!);
        Assert.Equal(12, (int)job["source_version_id"]!);   // 1.0.0 over 1.0.0-rc.1 and 0.9.0
        Assert.Equal(51, (int)job["pack_version_id"]!);
        Assert.Equal("running", (string)job["status"]!);
        Assert.Matches("^\\d{14}_[0-9a-f]{5}$", (string)job["name"]!);
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$", (string)job["start_date"]!);
    }

    [Fact]
    public async Task The_log_is_uploaded_as_logs_txt_to_the_assets_and_linked_to_the_job_as_logs_id()
    {
        await Push(Artifacts());

        var job = JsonNode.Parse(Received.Single(r => r.Path.EndsWith("/jobs/create", StringComparison.Ordinal)).Text)!;
        var logs = Received.Single(r => r.Path == "/qalita/api/v1/assets/upload");
        Assert.Equal($"registry_id=3&name={(string)job["name"]!}&version=1.0.0&bucket=logs&type=log&description=job%20logs&user_id=9", logs.PathAndQuery.Split('?')[1]);
        Assert.Contains("Content-Disposition: form-data; name=\"file\"; filename=\"logs.txt\"\r\n\r\nINFO scan started\n", logs.Text);
        var close = JsonNode.Parse(Received.Last().Text)!;
        Assert.Equal(99, (int)close["logs_id"]!);
        Assert.Equal("succeeded", (string)close["status"]!);
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$", (string)close["end_date"]!);
    }

    [Fact]
    public async Task When_an_upload_answers_500_the_others_are_still_sent_and_the_job_is_closed_failed_with_its_end_time()
    {
        _qalita.Fail["/api/v1/schemas/upload"] = 500;

        var e = await Assert.ThrowsAsync<PushException>(() => Push(Artifacts()));

        Assert.Equal(PushFailure.Rejected, e.Failure);
        Assert.Contains("Job 77 closed as failed", e.Message);
        Assert.Equal(WholeJob, Received.Select(Route));
        var close = JsonNode.Parse(Received.Last().Text)!;
        Assert.Equal("failed", (string)close["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)close["end_date"]));
        Assert.Empty(_outbox.Pending());
    }

    [Fact]
    public async Task Requests_carry_the_user_agent_json_bodies_a_content_length_and_multipart_an_unquoted_boundary()
    {
        await Push(Artifacts());

        Assert.All(Received, r => Assert.Equal("sodalite/0.1.0", r.Headers["user-agent"]));
        Assert.All(Received, r => Assert.Equal("Bearer t0k", r.Headers["authorization"]));
        foreach (var json in Received.Where(r => r.Method is "PUT" || r.Path.EndsWith("/jobs/create", StringComparison.Ordinal)))
        {
            Assert.Equal(json.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), json.Headers["content-length"]);
            Assert.Equal("application/json", json.Headers["content-type"]);
            Assert.False(json.Headers.ContainsKey("transfer-encoding"));
        }
        foreach (var upload in Received.Where(r => r.Path.EndsWith("/upload", StringComparison.Ordinal)))
        {
            Assert.Matches("^multipart/form-data; boundary=[0-9a-f]{32}$", upload.Headers["content-type"]);
            Assert.Equal(upload.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), upload.Headers["content-length"]);
        }
    }

    [Fact]
    public async Task When_the_platform_is_down_the_whole_job_waits_in_the_outbox_and_is_replayed_in_order()
    {
        await _qalita.StopAsync();
        var queued = await Assert.ThrowsAsync<QueuedException>(() => Push(Artifacts()));
        Assert.DoesNotContain(Token, File.ReadAllText(Assert.Single(queued.Queued)));   // tokens are never written to the outbox
        _qalita.Start();

        var (sent, left, errors) = await Service().RetryAsync(_ => (Token, "--token"), CancellationToken.None) is var r ? (r.Sent, r.Left, r.Errors) : default;

        Assert.Equal((1, 0), (sent, left));
        Assert.Empty(errors);
        Assert.Equal(WholeJob, Received.Select(Route));
        Assert.Equal("succeeded", (string)JsonNode.Parse(Received.Last().Text)!["status"]!);
    }

    [Fact]
    public async Task A_job_cut_off_in_the_middle_is_continued_by_the_replay_and_closed_without_a_second_job()
    {
        _qalita.Drop["/api/v1/metrics/upload"] = true;
        await Assert.ThrowsAsync<QueuedException>(() => Push(Artifacts()));
        int before = Received.Count;
        _qalita.Drop.Clear();

        var (sent, left, errors) = await Service().RetryAsync(_ => (Token, "--token"), CancellationToken.None) is var r ? (r.Sent, r.Left, r.Errors) : default;

        Assert.Equal((1, 0), (sent, left));
        Assert.Empty(errors);
        Assert.Equal("POST /api/v1/metrics/upload", Route(Received[before - 1]));   // the upload the platform went down on
        Assert.Equal(["POST /api/v1/metrics/upload", "PUT /api/v2/jobs/77"], Received.Skip(before).Select(Route));
        Assert.Single(Received, r => r.Path.EndsWith("/jobs/create", StringComparison.Ordinal));
        var close = JsonNode.Parse(Received.Last().Text)!;
        Assert.Equal(("succeeded", 99), ((string)close["status"]!, (int)close["logs_id"]!));
    }
}
