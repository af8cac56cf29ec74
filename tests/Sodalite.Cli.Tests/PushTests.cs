// `sodalite ingest soda`, `push qalita`, `scan --push` and the outbox, end to end against the real hub on 127.0.0.1.
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sodalite.Qalita;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

[Collection("QALITA environment")]
public class PushTests : IClassFixture<SqliteHub>
{
    private static readonly string Sample = Path.Combine(RepoPaths.Repo, "samples", "retail");
    private readonly SqliteHub _hub;
    private readonly string _token;

    public PushTests(SqliteHub hub)
    {
        _hub = hub;
        // Retries stay quick in tests; the defaults (4 retries from 1 s) are for real networks.
        Environment.SetEnvironmentVariable("SODALITE_PUSH_RETRIES", "1");
        Environment.SetEnvironmentVariable("SODALITE_PUSH_RETRY_DELAY_MS", "20");
        using var c = hub.Client(hub.AdminToken);
        _token = (string)c.PostAsync("/api/v1/tokens/create", null).Result.Content.ReadFromJsonAsync<JsonObject>().Result!["access_token"]!;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = await SodaliteCli.RunAsync(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    private static string Outbox() => Directory.CreateTempSubdirectory("sodalite-outbox-").FullName;

    private async Task<JsonArray> Get(string path)
    {
        using var c = _hub.Client(_hub.AdminToken);
        return (await c.GetFromJsonAsync<JsonArray>(path))!;
    }

    private async Task<int> SourceId(string name) => (int)(await Get("/api/v2/sources")).Single(s => (string)s!["name"]! == name)!["id"]!;

    [Fact]
    public async Task Scanning_the_sample_with_push_hub_stores_it_and_keeps_the_scan_exit_code()
    {
        string source = $"retail-{Guid.NewGuid():N}";
        var (exit, output, err) = await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), Path.Combine(Sample, "checks.yml"),
            "--push", "hub", "--hub", _hub.BaseAddress.ToString(), "--token", _token, "--source", source, "--outbox", Outbox());
        Assert.True(exit == 2, err);
        Assert.Contains($"of source {source}, 14 results stored; issues 7 opened", output);
        var datasets = await Get($"/api/v2/datasets?source_id={await SourceId(source)}");
        Assert.Equal("retail", (string)datasets.Single()!["name"]!);
    }

    [Fact]
    public async Task Ingesting_real_soda_core_results_twice_stores_one_copy()
    {
        string file = Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "reference_multi_fail", "expected.json");
        string source = $"pg-{Guid.NewGuid():N}";
        string[] args = ["ingest", "soda", "--file", file, "--source", source, "--hub", _hub.BaseAddress.ToString(), "--token", _token, "--outbox", Outbox()];
        var (first, out1, _) = await Run(args);
        var (second, out2, _) = await Run(args);
        Assert.Equal((0, 0), (first, second));
        Assert.Contains("1 results stored; issues 1 opened", out1);
        Assert.Contains("Already stored in the hub", out2);
        Assert.Single(await Get($"/api/v2/scans?source_id={await SourceId(source)}"));
    }

    [Fact]
    public async Task Push_qalita_uploads_the_artifacts_as_the_qalita_cli_does_inside_a_job()
    {
        using var c = _hub.Client(_hub.AdminToken);
        string name = $"retail-{Guid.NewGuid():N}";
        int sourceId = (int)(await (await c.PostAsJsonAsync("/api/v1/sources/publish", new { name, type = "file" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        string artifacts = Directory.CreateTempSubdirectory("sodalite-art-").FullName;
        await Run("scan", "--data", Path.Combine(Sample, "retail.csv"), Path.Combine(Sample, "checks.yml"), "--artifacts", artifacts);
        int before = _hub.Received.Count;

        var (exit, output, err) = await Run("push", "qalita", "--artifacts", artifacts, "--source-id", sourceId.ToString(), "--pack-name", "soda", "--job",
            "--endpoint", _hub.BaseAddress.ToString(), "--token", _token, "--outbox", Outbox());
        Assert.True(exit == 0, err);
        Assert.Contains("Uploaded to", output);

        // What the hub received: the version lookups, the job, the scan's log to the hub's registry (the token is a JWT whose sub is the
        // user, as the CLI reads it), three multipart uploads with the four ids, the job closed with its logs.
        var received = _hub.Received.Skip(before).ToList();
        var uploads = received.Where(r => r.PathAndQuery.Contains("/upload?", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/api/v1/assets/upload", "/api/v1/recommendations/upload", "/api/v1/schemas/upload", "/api/v1/metrics/upload"], uploads.Select(u => u.PathAndQuery.Split('?')[0]));
        Assert.Matches("^registry_id=1&name=\\d{14}_[a-z0-9]{5}&version=1.0.0&bucket=logs&type=log&description=job%20logs&user_id=\\d+$", uploads[0].PathAndQuery.Split('?')[1]);
        Assert.Equal("logs.txt", Assert.Single(uploads[0].Parts).FileName);
        foreach (var u in uploads.Skip(1))
        {
            Assert.Matches($"^source_id={sourceId}&source_version_id=\\d+&pack_id=\\d+&pack_version_id=\\d+$", u.PathAndQuery.Split('?')[1]);
            Assert.Equal("Bearer", u.AuthScheme);
            Assert.StartsWith("multipart/form-data; boundary=", u.ContentType);
            var part = Assert.Single(u.Parts);
            Assert.Equal("file", part.Name);
            Assert.Equal(u.PathAndQuery.Split('/')[3] + ".json", part.FileName);
            Assert.Null(part.PartContentType);
        }
        Assert.Contains(received, r => r.Method == "POST" && r.PathAndQuery == "/api/v2/jobs/create");
        Assert.Contains(received, r => r.Method == "PUT" && r.PathAndQuery.StartsWith("/api/v2/jobs/", StringComparison.Ordinal));
        Assert.Contains(received, r => r.Method == "GET" && r.PathAndQuery == $"/api/v2/sources/{sourceId}");

        // Read back; pushing the same artifacts again uploads nothing new (409 counts as done).
        int entries = JsonNode.Parse(File.ReadAllText(Path.Combine(artifacts, "metrics.json")))!.AsArray().Count;
        Assert.Equal(entries, (await Get($"/api/v2/metrics?source_id={sourceId}")).Count);
        var (again, againOut, _) = await Run("push", "qalita", "--artifacts", artifacts, "--source-id", sourceId.ToString(),
            "--endpoint", _hub.BaseAddress.ToString(), "--token", _token, "--outbox", Outbox());
        Assert.Equal(0, again);
        Assert.Contains("0 artifact file(s), 3 already there", againOut);
        Assert.Equal(entries, (await Get($"/api/v2/metrics?source_id={sourceId}")).Count);
        var job = (await Get("/api/v2/jobs")).Last()!;
        Assert.Equal("succeeded", (string)job["status"]!);
        // The job's logs are the scan's log, readable from the hub's registry.
        using var c2 = _hub.Client(_hub.AdminToken);
        var logs = await c2.GetStringAsync($"/api/v1/assets/{(int)job["logs_id"]!}/fetch");
        Assert.Equal(File.ReadAllText(Path.Combine(artifacts, "logs.txt")), logs);
    }

    /// <summary>An outbox entry for this hub, as `ingest soda` writes one when the hub is down.</summary>
    private string QueueForHub(string outbox, string source, byte[] document) =>
        new Outbox(outbox).Add(new OutboxEntry("hub", _hub.BaseAddress.ToString(), $"/api/v2/scans?source={source}", Guid.NewGuid().ToString("N"), null, document, DateTimeOffset.UtcNow));

    [Fact]
    public async Task An_outbox_entry_reaches_the_disk_before_and_after_its_rename()
    {
        // The real process under strace: the entry's temporary file is flushed (fsync), renamed into place, then the folder is flushed.
        string outbox = Outbox(), trace = Path.Combine(outbox, "..", $"strace-{Guid.NewGuid():N}.txt");
        var start = new System.Diagnostics.ProcessStartInfo("strace") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "-f", "-e", "trace=openat,fsync,rename,renameat,renameat2", "-o", trace, "dotnet", Path.Combine(AppContext.BaseDirectory, "sodalite.dll"),
                     "ingest", "soda", "--file", Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "freshness_warn", "expected.json"), "--source", "x",
                     "--hub", "http://127.0.0.1:9", "--token", "t", "--outbox", outbox })
            start.ArgumentList.Add(a);
        start.Environment["SODALITE_PUSH_RETRIES"] = "0";
        using (var process = System.Diagnostics.Process.Start(start)!)
        {
            var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            await process.WaitForExitAsync();
            await drained;
            Assert.Equal(5, process.ExitCode);   // unreachable: kept in the outbox
        }
        string entry = Path.GetFileName(Assert.Single(Directory.GetFiles(outbox, "*.json")));
        try
        {
            var calls = File.ReadAllLines(trace).Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..].TrimStart()).ToList();
            int open = calls.FindIndex(c => c.StartsWith("openat(", StringComparison.Ordinal) && c.Contains($"/.{entry}.", StringComparison.Ordinal) && c.Contains("O_CREAT", StringComparison.Ordinal));
            Assert.True(open >= 0, "the temporary file was not created");
            string fd = calls[open][(calls[open].LastIndexOf('=') + 1)..].Trim();
            int fsyncFile = calls.FindIndex(open, c => c.StartsWith($"fsync({fd})", StringComparison.Ordinal));
            int rename = calls.FindIndex(open, c => c.StartsWith("rename", StringComparison.Ordinal) && c.Contains($"/{entry}\"", StringComparison.Ordinal));
            int openFolder = calls.FindIndex(Math.Max(rename, 0), c => c.StartsWith("openat(", StringComparison.Ordinal) && c.Contains($"\"{outbox}\", O_RDONLY", StringComparison.Ordinal));
            Assert.True(fsyncFile > open && rename > fsyncFile, $"fsync of the file {fsyncFile}, rename {rename}");
            Assert.True(openFolder > rename, "the folder was not opened to be flushed after the rename");
            string folderFd = calls[openFolder][(calls[openFolder].LastIndexOf('=') + 1)..].Trim();
            Assert.Contains(calls.Skip(openFolder), c => c.StartsWith($"fsync({folderFd})", StringComparison.Ordinal) && c.EndsWith("= 0", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(trace);
        }
    }

    [Fact]
    public async Task A_truncated_or_corrupt_outbox_entry_is_moved_to_quarantine_and_the_others_are_still_sent()
    {
        // Given: a whole entry, the same entry cut in half (a write cut short), and a file of something else
        string outbox = Outbox(), source = $"quarantine-{Guid.NewGuid():N}";
        byte[] doc = File.ReadAllBytes(Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "freshness_warn", "expected.json"));
        string whole = QueueForHub(outbox, source, doc);
        byte[] bytes = File.ReadAllBytes(whole);
        string truncated = Path.Combine(outbox, "00000000000000000-00000000-hub-truncated.json");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        string garbage = Path.Combine(outbox, "00000000000000001-00000000-hub-garbage.json");
        File.WriteAllText(garbage, "{\"target\": \"hub\"}");

        // When
        var (exit, output, err) = await Run("push", "--retry-outbox", "--outbox", outbox, "--token", _token);

        // Then: the whole entry landed; the two others are in quarantine with their reasons, named in the output; exit 3
        Assert.True(exit == 3, output + err);
        Assert.Contains("Outbox: 1 sent, 0 waiting, 0 refused (moved to dead-letter), 2 unreadable (moved to quarantine).", output);
        string quarantine = Path.Combine(outbox, "quarantine");
        Assert.Contains(Path.Combine(quarantine, Path.GetFileName(truncated)), err);
        Assert.Contains(Path.Combine(quarantine, Path.GetFileName(garbage)), err);
        Assert.Equal(bytes[..(bytes.Length / 2)], File.ReadAllBytes(Path.Combine(quarantine, Path.GetFileName(truncated))));
        Assert.Contains("Not a whole outbox entry", File.ReadAllText(Path.Combine(quarantine, Path.ChangeExtension(Path.GetFileName(garbage), ".answer.txt"))));
        Assert.Single(await Get($"/api/v2/scans?source_id={await SourceId(source)}"));
        Assert.Empty(Directory.GetFiles(outbox));
        Assert.DoesNotContain(Directory.GetFiles(outbox, "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        // A second retry has nothing to do.
        var (again, againOut, _) = await Run("push", "--retry-outbox", "--outbox", outbox, "--token", _token);
        Assert.Equal(0, again);
        Assert.Contains("Outbox: 0 sent, 0 waiting, 0 refused", againOut);
    }

    [Fact]
    public async Task An_entry_the_hub_refuses_goes_to_dead_letter_with_the_answer_and_is_not_sent_again_while_a_token_refusal_waits()
    {
        // Given: an entry the hub refuses (a document without checks: 400), and a good one
        string outbox = Outbox(), source = $"dead-{Guid.NewGuid():N}";
        string refused = QueueForHub(outbox, source, "{\"dataTimestamp\": \"2024-01-01T00:00:00Z\"}"u8.ToArray());
        QueueForHub(outbox, source, File.ReadAllBytes(Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "freshness_warn", "expected.json")));

        // When: a retry with a wrong token: both are refused for the token, so both wait (a better token will send them)
        var (wrongToken, wrongOut, wrongErr) = await Run("push", "--retry-outbox", "--outbox", outbox, "--token", "not-a-token");
        Assert.True(wrongToken == 4, wrongOut + wrongErr);
        Assert.Contains("Outbox: 0 sent, 2 waiting, 0 refused", wrongOut);

        // When: the retry with the right token
        int before = _hub.Received.Count(r => r.PathAndQuery.StartsWith("/api/v2/scans?", StringComparison.Ordinal));
        var (exit, output, err) = await Run("push", "--retry-outbox", "--outbox", outbox, "--token", _token);

        // Then: the good one landed; the refused one is in dead-letter with the hub's answer, and exit 4 says so
        Assert.True(exit == 4, output + err);
        Assert.Contains("Outbox: 1 sent, 0 waiting, 1 refused (moved to dead-letter), 0 unreadable", output);
        string dead = Path.Combine(outbox, "dead-letter", Path.GetFileName(refused));
        Assert.True(File.Exists(dead));
        string answer = File.ReadAllText(Path.ChangeExtension(dead, ".answer.txt"));
        Assert.Contains("with 400", answer);
        Assert.Contains("checks", answer);
        Assert.Contains(dead, err);
        // A later retry does not send it again.
        var (later, laterOut, _) = await Run("push", "--retry-outbox", "--outbox", outbox, "--token", _token);
        Assert.Equal(0, later);
        Assert.Contains("Outbox: 0 sent, 0 waiting", laterOut);
        Assert.Equal(before + 2, _hub.Received.Count(r => r.PathAndQuery.StartsWith("/api/v2/scans?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_push_while_the_hub_is_down_waits_in_the_outbox_and_lands_once_after_restart()
    {
        string file = Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "freshness_warn", "expected.json");
        string source = $"outbox-{Guid.NewGuid():N}";
        string outbox = Outbox();
        await _hub.StopHubAsync();
        try
        {
            var (exit, _, err) = await Run("ingest", "soda", "--file", file, "--source", source, "--hub", _hub.BaseAddress.ToString(), "--token", _token, "--outbox", outbox);
            Assert.Equal(5, exit);
            Assert.Contains("Kept in the outbox (1 file(s)", err);
            Assert.Contains("sodalite push --retry-outbox", err);
            var (stillDown, _, _) = await Run("push", "--retry-outbox", "--outbox", outbox, "--token", _token);
            Assert.Equal(5, stillDown);
        }
        finally
        {
            await _hub.StartHubAsync();
        }
        var (retried, output, _) = await Run("push", "--retry-outbox", "--outbox", outbox, "--token", _token);
        Assert.Equal(0, retried);
        Assert.Contains("Outbox: 1 sent, 0 waiting, 0 refused (moved to dead-letter), 0 unreadable (moved to quarantine).", output);
        Assert.Empty(Directory.GetFiles(outbox));
        // Pushing the same file again now finds it already there.
        var (_, again, _) = await Run("ingest", "soda", "--file", file, "--source", source, "--hub", _hub.BaseAddress.ToString(), "--token", _token, "--outbox", outbox);
        Assert.Contains("Already stored", again);
        Assert.Single(await Get($"/api/v2/scans?source_id={await SourceId(source)}"));
    }

    [Fact]
    public async Task Connection_errors_are_retried_with_backoff_so_a_hub_that_comes_back_gets_the_push()
    {
        string file = Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "lengths", "expected.json");
        string source = $"retry-{Guid.NewGuid():N}";
        string outbox = Outbox();
        await _hub.StopHubAsync();
        Task<(int, string, string)> push;
        Environment.SetEnvironmentVariable("SODALITE_PUSH_RETRIES", "6");
        Environment.SetEnvironmentVariable("SODALITE_PUSH_RETRY_DELAY_MS", "300");
        try
        {
            push = Run("ingest", "soda", "--file", file, "--source", source, "--hub", _hub.BaseAddress.ToString(), "--token", _token, "--outbox", outbox);
            await Task.Delay(700);
        }
        finally
        {
            await _hub.StartHubAsync();
        }
        var (exit, output, err) = await push;
        Environment.SetEnvironmentVariable("SODALITE_PUSH_RETRIES", "1");
        Environment.SetEnvironmentVariable("SODALITE_PUSH_RETRY_DELAY_MS", "20");
        Assert.True(exit == 0, err);
        Assert.Contains("results stored", output);
        Assert.Empty(Directory.GetFiles(outbox));
    }

    [Fact]
    public async Task Ingest_with_qalita_converts_and_uploads_in_one_step_with_the_worker_file()
    {
        using var c = _hub.Client(_hub.AdminToken);
        int sourceId = (int)(await (await c.PostAsJsonAsync("/api/v1/sources/publish", new { name = $"w-{Guid.NewGuid():N}", type = "file" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        // The QALITA worker file: base64 of JSON with context.local.token and url, under QALITA_HOME.
        string home = Directory.CreateTempSubdirectory("qalita-home-").FullName;
        var worker = new JsonObject { ["user"] = new JsonObject(), ["context"] = new JsonObject { ["local"] = new JsonObject { ["name"] = "w", ["mode"] = "job", ["token"] = _token, ["url"] = _hub.BaseAddress.ToString(), ["verbose"] = false } } };
        File.WriteAllText(Path.Combine(home, ".worker"), Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(worker.ToJsonString())));
        Environment.SetEnvironmentVariable("QALITA_HOME", home);
        try
        {
            var (exit, output, err) = await Run("ingest", "soda", "--file", Path.Combine(RepoPaths.Acceptance, "qalita", "retail", "results.json"), "--qalita",
                "--source-id", sourceId.ToString(), "--label", "retail", "--outbox", Outbox());
            Assert.True(exit == 0, err);
            Assert.Contains("Uploaded to", output);
        }
        finally
        {
            Environment.SetEnvironmentVariable("QALITA_HOME", null);
        }
        var metrics = await Get($"/api/v2/metrics?source_id={sourceId}");
        Assert.Equal("0.4", (string)metrics.Single(m => (string)m!["key"]! == "score")!["value"]!);
    }

    [Fact]
    public async Task A_wrong_token_a_wrong_source_id_and_an_unreachable_endpoint_each_say_what_to_fix()
    {
        string file = Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "freshness_pass", "expected.json");
        string rejected = $"rejected-{Guid.NewGuid():N}";
        var (badToken, _, tokenErr) = await Run("ingest", "soda", "--file", file, "--source", rejected, "--hub", _hub.BaseAddress.ToString(), "--token", "sdl_wrong", "--outbox", Outbox());
        Assert.Equal(4, badToken);
        Assert.Contains("the token (--token) was rejected (401)", tokenErr);
        // A 4xx is an answer, not a failure to retry: the hub saw the request once.
        Assert.Single(_hub.Received, r => r.PathAndQuery == $"/api/v2/scans?source={rejected}");

        string artifacts = Directory.CreateTempSubdirectory("sodalite-art-").FullName;
        await Run("convert", "--results", Path.Combine(RepoPaths.Acceptance, "qalita", "retail", "results.json"), "--label", "retail", "--artifacts", artifacts);
        var (badSource, _, sourceErr) = await Run("push", "qalita", "--artifacts", artifacts, "--source-id", "999999", "--endpoint", _hub.BaseAddress.ToString(), "--token", _token, "--outbox", Outbox());
        Assert.Equal(4, badSource);
        Assert.Contains("Source id 999999 is unknown to", sourceErr);

        string outbox = Outbox();
        var (down, _, downErr) = await Run("ingest", "soda", "--file", file, "--hub", "http://127.0.0.1:9", "--token", _token, "--outbox", outbox);
        Assert.Equal(5, down);
        Assert.Contains("http://127.0.0.1:9/ cannot be reached", downErr);
        Assert.Single(Directory.GetFiles(outbox));
        Assert.DoesNotContain(_token, File.ReadAllText(Directory.GetFiles(outbox)[0]));   // tokens are never written to the outbox
    }
}
