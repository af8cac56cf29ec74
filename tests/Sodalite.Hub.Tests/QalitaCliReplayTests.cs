// The `qalita` CLI's request sequence (spec/qalita.md §2.4-§2.6, §2.9), replayed step by step against the real hub as the CLI's
// source writes it: requests made as python-requests makes them (json= bodies, files= multipart with a bare 32-hex boundary and a
// part without a content type, params= query strings), answers read as the CLI reads them (status codes it tests, the fields it
// takes). A team without the QALITA platform points its existing workers at `sodalite serve`: worker login and registration,
// heartbeats, registries, source and pack publishing with the pack archive, a job run with its logs and artifacts, and worker mode's
// job claims.
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Semver;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class QalitaCliReplayTests<THub>(THub hub) : IClassFixture<THub> where THub : HubFixture
{
    private static string Artifact(string name) => Path.Combine(RepoPaths.Acceptance, "qalita", "retail", "sodalite", name);

    /// <summary>An HTTP client that sends what python-requests sends: its User-Agent, Accept */*, and the bearer token when there is one.</summary>
    private HttpClient Cli(string? token)
    {
        var c = hub.Client(token);
        c.DefaultRequestHeaders.UserAgent.ParseAdd("python-requests/2.32.3");
        c.DefaultRequestHeaders.Accept.ParseAdd("*/*");
        return c;
    }

    /// <summary>requests' <c>json=</c>: compact JSON (", " and ": " separators, as json.dumps writes), Content-Type application/json.</summary>
    private static StringContent Json(object body)
    {
        string text = JsonSerializer.Serialize(body).Replace("\",\"", "\", \"").Replace("\":", "\": ");
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>requests' <c>files={"file": open(path, "rb")}</c>: a bare 32-hex boundary, one part, no part content type.</summary>
    private static MultipartFormDataContent Files(string fileName, byte[] bytes)
    {
        var content = new MultipartFormDataContent(Guid.NewGuid().ToString("N"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={content.Headers.ContentType!.Parameters.First(p => p.Name == "boundary").Value!.Trim('"')}");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{fileName}\"" };
        content.Add(file);
        return content;
    }

    private static async Task<JsonNode> Read(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    /// <summary>The payload of a JWT decoded without checking its signature, as the CLI's validate_token does (jwt.decode, verify_signature off).</summary>
    private static JsonObject Payload(string jwt)
    {
        string part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonNode.Parse(Convert.FromBase64String(part))!.AsObject();
    }

    /// <summary>A pack folder as `sodalite pack init` lays it out, archived as `qalita pack push` archives it (tar.gz of NAME_pack/).</summary>
    private static byte[] PackArchive(string name)
    {
        string root = Directory.CreateTempSubdirectory("qalita-pack-").FullName;
        try
        {
            string folder = Path.Combine(root, $"{name}_pack");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "run.sh"), "#!/bin/sh\nexec sodalite pack run .\n");
            File.WriteAllText(Path.Combine(folder, "properties.yaml"), $"name: {name}\nversion: 1.0.0\ntype: validity\nvisibility: private\n");
            File.WriteAllText(Path.Combine(folder, "README.md"), "# Sodalite pack\n");
            File.WriteAllText(Path.Combine(folder, "pack_conf.json"), "{\"checks\": \"checks for ${TABLE}:\\n  - row_count > 0\\n\"}");
            using var bytes = new MemoryStream();
            using (var gzip = new GZipStream(bytes, CompressionLevel.Optimal, leaveOpen: true))
                TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: true);
            return bytes.ToArray();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task The_qalita_cli_logs_in_publishes_a_source_and_a_pack_and_runs_a_job_against_the_hub()
    {
        // 0. The user's API token: sign in, create a token (POST /api/v1/tokens/create with the session).
        using var anonymous = Cli(null);
        var signin = await anonymous.PostAsync("/api/v1/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = HubFixture.AdminUser, ["password"] = HubFixture.AdminPassword }));
        Assert.Equal(HttpStatusCode.OK, signin.StatusCode);
        using var session = Cli((string)(await Read(signin))["access_token"]!);
        var created = await session.PostAsync("/api/v1/tokens/create", null);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        string token = (string)(await Read(created))["access_token"]!;
        using var c = Cli(token);

        // 1. `qalita worker login`: validate_token decodes the JWT locally; sub is the user id, role and scopes as QALITA's.
        var claims = Payload(token);
        int userId = int.Parse((string)claims["sub"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains((string)claims["role"]!, new[] { "admin", "dataengineer" });
        Assert.Superset(new HashSet<string> { "agent.get", "pack.create", "source.create" }, claims["scopes"]!.AsArray().Select(s => (string)s!).ToHashSet());
        var version = await c.GetAsync("/api/v1/version");
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)(await Read(version))["version"]));
        var user = await c.GetAsync($"/api/v2/users/{userId}");
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        Assert.Equal(userId, (int)(await Read(user))["id"]!);

        // The worker is looked up by name in GET /api/v2/workers, created when missing (201), then looked up again.
        string workerName = $"worker-{Guid.NewGuid():N}"[..20];
        var workers = (await Read(await c.GetAsync("/api/v2/workers"))).AsArray();
        Assert.DoesNotContain(workers, w => (string)w!["name"]! == workerName);
        var registration = await c.PostAsync("/api/v2/workers/create", Json(new { name = workerName, mode = "job", status = "online", is_active = true }));
        Assert.Equal(HttpStatusCode.Created, registration.StatusCode);
        var remote = (await Read(await c.GetAsync("/api/v2/workers"))).AsArray().Single(w => (string)w!["name"]! == workerName)!.AsObject();
        int workerId = (int)remote["id"]!;
        Assert.Equal(["id", "name", "mode", "status", "is_active", "jobs"], new[] { "id", "name", "mode", "status", "is_active", "jobs" }.Where(remote.ContainsKey));
        Assert.Equal("online", (string)remote["status"]!);

        // Registries: a 200 list whose first id the asset uploads use. Then the heartbeat.
        var registries = await c.GetAsync("/api/v2/registries");
        Assert.Equal(HttpStatusCode.OK, registries.StatusCode);
        int registryId = (int)(await Read(registries)).AsArray()[0]!["id"]!;
        var alive = await c.PutAsync($"/api/v2/workers/{workerId}", Json(new { status = "online" }));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

        // A second login with the same name finds the worker and creates nothing; a second create of the name is refused.
        Assert.Single((await Read(await c.GetAsync("/api/v2/workers"))).AsArray(), w => (string)w!["name"]! == workerName);
        Assert.Equal(HttpStatusCode.Conflict, (await c.PostAsync("/api/v2/workers/create", Json(new { name = workerName, mode = "job", status = "online", is_active = true }))).StatusCode);

        // 2. `qalita source push`: match on (name, type) in GET /api/v2/sources; a new one is published with version 1.0.0 → {"id"}.
        string sourceName = $"retail-{Guid.NewGuid():N}";
        Assert.DoesNotContain((await Read(await c.GetAsync("/api/v2/sources"))).AsArray(), s => (string)s!["name"]! == sourceName);
        var source = await c.PostAsync("/api/v1/sources/publish", Json(new { name = sourceName, type = "file", description = "retail csv", reference = false, sensitive = false, visibility = "private", version = "1.0.0" }));
        Assert.Equal(HttpStatusCode.OK, source.StatusCode);
        int sourceId = (int)(await Read(source))["id"]!;

        // 3. `qalita pack push -n sodalite`: GET /api/v2/packs (names compared with spaces as _), publish, upload the archive to the
        // packs bucket, set the version with its asset, then the metadata with the version.
        string packName = $"sodalite_{Guid.NewGuid():N}"[..17];
        Assert.DoesNotContain((await Read(await c.GetAsync("/api/v2/packs"))).AsArray(), p => ((string)p!["name"]!).Replace(' ', '_') == packName);
        string config = "{\"checks\": \"checks for ${TABLE}:\\n  - row_count > 0\\n\"}";
        var packBody = new
        {
            name = packName.Replace('_', ' ').Replace('-', ' '),
            type = "validity",
            avatar = Convert.ToBase64String([0x89, 0x50, 0x4e, 0x47]),
            visibility = "private",
            config,
            description = "Sodalite: SodaCL checks",
            url = "https://example.org/sodalite",
            readme = Convert.ToBase64String(Encoding.UTF8.GetBytes("# Sodalite pack\n")),
            compatible_sources = new[] { "file", "postgresql" },
        };
        var pack = await c.PostAsync("/api/v1/packs/publish", Json(packBody));
        Assert.Equal(HttpStatusCode.OK, pack.StatusCode);
        int packId = (int)(await Read(pack))["id"]!;
        Assert.Contains((await Read(await c.GetAsync("/api/v2/packs"))).AsArray(), p => ((string)p!["name"]!).Replace(' ', '_') == packName);
        byte[] archive = PackArchive(packName);
        var packAsset = await c.PostAsync($"/api/v1/assets/upload?registry_id={registryId}&name={packName}&version=1.0.0&bucket=packs&type=pack&description=pack%20binary%20asset",
            Files($"{packName}_pack.tar.gz", archive));
        Assert.Equal(HttpStatusCode.OK, packAsset.StatusCode);
        int packAssetId = (int)(await Read(packAsset))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await c.PutAsync($"/api/v1/packs/{packId}/version?sem_ver_id=1.0.0&asset_id={packAssetId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.PutAsync($"/api/v2/packs/{packId}", Json(new { packBody.name, packBody.type, packBody.avatar, packBody.visibility, config, packBody.description, packBody.url, packBody.readme, packBody.compatible_sources, version = "1.0.0" }))).StatusCode);

        // 4. `qalita worker run -s SOURCE -p PACK`: the source's and the pack's highest semantic version, the pack archive by its asset.
        Assert.Equal(HttpStatusCode.OK, (await c.PutAsync($"/api/v2/workers/{workerId}", Json(new { status = "starting" }))).StatusCode);
        var sourceInfo = await Read(await c.GetAsync($"/api/v2/sources/{sourceId}"));
        int sourceVersionId = (int)sourceInfo["versions"]!.AsArray().MaxBy(v => SemVersion.Parse((string)v!["sem_ver_id"]!), SemVersion.PrecedenceComparer)!["id"]!;
        var packInfo = await Read(await c.GetAsync($"/api/v2/packs/{packId}"));
        var packVersion = packInfo["versions"]!.AsArray().MaxBy(v => SemVersion.Parse((string)v!["sem_ver_id"]!), SemVersion.PrecedenceComparer)!;
        int packVersionId = (int)packVersion["id"]!;
        Assert.Equal(packAssetId, (int)packVersion["asset_id"]!);
        Assert.Equal(config, (string)packInfo["config"]!);
        var asset = await c.GetAsync($"/api/v2/assets/{packAssetId}");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.EndsWith($"/api/v1/assets/{packAssetId}/fetch", (string)(await Read(asset))["url"]!);
        var fetched = await c.GetAsync($"/api/v1/assets/{packAssetId}/fetch");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        byte[] fetchedBytes = await fetched.Content.ReadAsByteArrayAsync();
        Assert.Equal(archive, fetchedBytes);
        // The worker unpacks it into its run folder and finds run.sh in NAME_pack/.
        string run = Directory.CreateTempSubdirectory("qalita-run-").FullName;
        try
        {
            using (var gzip = new GZipStream(new MemoryStream(fetchedBytes), CompressionMode.Decompress))
                await TarFile.ExtractToDirectoryAsync(gzip, run, overwriteFiles: false);
            Assert.True(File.Exists(Path.Combine(run, $"{packName}_pack", "run.sh")));
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }

        // The job, created running with the worker as its agent → 201 {"id"}.
        string jobName = $"{DateTime.UtcNow:yyyyMMddHHmmss}_ab12c";
        string start = $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}";
        var job = await c.PostAsync("/api/v2/jobs/create", Json(new { name = jobName, agent_id = workerId, source_id = sourceId, source_version_id = sourceVersionId, pack_id = packId, pack_version_id = packVersionId, start_date = start, status = "running" }));
        Assert.Equal(HttpStatusCode.Created, job.StatusCode);
        int jobId = (int)(await Read(job))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await c.PutAsync($"/api/v2/workers/{workerId}", Json(new { status = "busy" }))).StatusCode);

        // 5. post_run: the logs to the registry (→ logs_id), then recommendations, schemas (none here) and metrics with the four ids.
        byte[] logs = Encoding.UTF8.GetBytes("Soda Core 3.5.6\nScan summary:\n4/10 checks FAILED\n");
        var logsUpload = await c.PostAsync($"/api/v1/assets/upload?registry_id={registryId}&name={jobName}&version=1.0.0&bucket=logs&type=log&description=job%20logs&user_id={userId}", Files("logs.txt", logs));
        Assert.Equal(HttpStatusCode.OK, logsUpload.StatusCode);
        int logsId = (int)(await Read(logsUpload))["id"]!;
        string ids = $"source_id={sourceId}&source_version_id={sourceVersionId}&pack_id={packId}&pack_version_id={packVersionId}";
        foreach (string kind in new[] { "recommendations", "metrics" })
        {
            var upload = await c.PostAsync($"/api/v1/{kind}/upload?{ids}", Files($"{kind}.json", File.ReadAllBytes(Artifact($"{kind}.json"))));
            Assert.True(upload.StatusCode == HttpStatusCode.OK, $"{kind}: {(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
        }

        // 6. The job closed with its end date, status and logs; the worker back online.
        var closed = await c.PutAsync($"/api/v2/jobs/{jobId}", Json(new { end_date = $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}", status = "succeeded", logs_id = logsId }));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.PutAsync($"/api/v2/workers/{workerId}", Json(new { status = "succeeded" }))).StatusCode);

        // What the team sees: the job under its worker, succeeded, with the logs readable; the uploads became scores and issues.
        var worker = await Read(await c.GetAsync($"/api/v2/workers/{workerId}"));
        Assert.Equal("succeeded", (string)worker["status"]!);
        var stored = worker["jobs"]!.AsArray().Single()!;
        Assert.Equal((jobId, "succeeded", logsId, jobName, start), ((int)stored["id"]!, (string)stored["status"]!, (int)stored["logs_id"]!, (string)stored["name"]!, (string)stored["start_date"]!));
        Assert.Equal(logs, await c.GetByteArrayAsync($"/api/v1/assets/{logsId}/fetch"));
        var scores = (await Read(await c.GetAsync($"/api/v2/scores?source_id={sourceId}"))).AsArray();
        Assert.Contains(scores, s => (string?)s!["dimension"] == "validity" && (double)s["value"]! == 0.4);
        Assert.Equal(3, (await Read(await c.GetAsync($"/api/v2/issues?status=open&source_id={sourceId}"))).AsArray().Count);
    }

    [Fact]
    public async Task Workers_in_worker_mode_claim_each_pending_job_once()
    {
        using var c = Cli(hub.AdminToken);
        async Task<int> Register(string name) =>
            (int)(await Read(await c.PostAsync("/api/v2/workers/create", Json(new { name, mode = "worker", status = "online", is_active = true }))))["id"]!;
        string tag = Guid.NewGuid().ToString("N")[..8];
        int first = await Register($"a-{tag}"), second = await Register($"b-{tag}"), idle = await Register($"c-{tag}");
        // A worker takes up a job it claimed by updating it (as QALITA's worker does with PUT /api/v2/jobs/{id} before it runs).
        async Task<JsonNode?> Claim(HttpClient http, int worker)
        {
            var r = await http.GetAsync($"/api/v1/workers/{worker}/jobs/next");
            if (r.StatusCode == HttpStatusCode.NoContent) return null;
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var job = await Read(r);
            Assert.Equal(HttpStatusCode.OK, (await http.PutAsync($"/api/v2/jobs/{(int)job["id"]!}", Json(new { status = "running", start_date = $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}" }))).StatusCode);
            return job;
        }
        // Drain what other tests left pending, so the counts below are this test's.
        foreach (int w in new[] { first, second })
            while (await Claim(c, w) is not null) { }

        // Six jobs for any worker, one for the second worker only.
        var jobIds = new List<int>();
        for (int i = 0; i < 6; i++)
            jobIds.Add((int)(await Read(await c.PostAsync("/api/v2/jobs/create", Json(new { name = $"{tag}-{i}", source_id = 1, pack_id = 1, status = "pending" }))))["id"]!);
        int mine = (int)(await Read(await c.PostAsync("/api/v2/jobs/create", Json(new { name = $"{tag}-mine", agent_id = second, source_id = 1, pack_id = 1, status = "pending", type = "routine", routine_id = 7, pack_config_override = "{\"checks\": \"\"}" }))))["id"]!;
        // The idle worker is set inactive: it gets nothing.
        Assert.Equal(HttpStatusCode.OK, (await c.PutAsync($"/api/v2/workers/{idle}", Json(new { is_active = false }))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.GetAsync($"/api/v1/workers/{idle}/jobs/next")).StatusCode);

        // Both workers poll at once, each in its loop (claim, take up, poll again) until nothing is left: every job is handed out once.
        var answers = await Task.WhenAll(new[] { first, second }.Select(async w =>
        {
            using var poller = Cli(hub.AdminToken);
            var got = new List<(int Worker, JsonNode Job)>();
            while (await Claim(poller, w) is { } job) got.Add((w, job));
            return got;
        }));
        var claimed = answers.SelectMany(a => a).Select(a => (a.Worker, Job: (JsonNode?)a.Job)).ToList();
        Assert.Equal([.. jobIds, mine], claimed.Select(a => (int)a.Job!["id"]!).Order());
        Assert.All(claimed, a =>
        {
            Assert.Equal("running", (string)a.Job!["status"]!);
            Assert.Equal(a.Worker, (int)a.Job["agent_id"]!);
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", (string)a.Job["start_date"]!);
        });
        var routine = claimed.Single(a => (int)a.Job!["id"]! == mine);
        Assert.Equal(second, routine.Worker);
        Assert.Equal(("routine", 7, "{\"checks\": \"\"}"), ((string)routine.Job!["type"]!, (int)routine.Job["routine_id"]!, (string)routine.Job["pack_config_override"]!));
        Assert.Equal(HttpStatusCode.NoContent, (await c.GetAsync($"/api/v1/workers/{first}/jobs/next")).StatusCode);

        // A claim whose answer is lost (the worker never took the job up) is answered again on the worker's next poll, not stranded.
        int lost = (int)(await Read(await c.PostAsync("/api/v2/jobs/create", Json(new { name = $"{tag}-lost", agent_id = first, status = "pending" }))))["id"]!;
        Assert.Equal(lost, (int)(await Read(await c.GetAsync($"/api/v1/workers/{first}/jobs/next")))["id"]!);
        Assert.Equal(lost, (int)(await Read(await c.GetAsync($"/api/v1/workers/{first}/jobs/next")))["id"]!);
        Assert.Equal(HttpStatusCode.OK, (await c.PutAsync($"/api/v2/jobs/{lost}", Json(new { status = "running" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.GetAsync($"/api/v1/workers/{first}/jobs/next")).StatusCode);
    }

    [Fact]
    public async Task Assets_and_workers_refuse_what_the_cli_would_get_wrong_and_a_retried_upload_is_stored_once()
    {
        using var c = Cli(hub.AdminToken);
        string name = $"asset-{Guid.NewGuid():N}";
        byte[] bytes = Encoding.UTF8.GetBytes("log line\n");
        string query = $"registry_id=1&name={name}&version=1.0.0&bucket=logs&type=log&description=job%20logs";
        var first = await c.PostAsync($"/api/v1/assets/upload?{query}", Files("logs.txt", bytes));
        var retry = await c.PostAsync($"/api/v1/assets/upload?{query}", Files("logs.txt", bytes));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        int id = (int)(await Read(first))["id"]!;
        Assert.Equal(id, (int)(await Read(retry))["id"]!);
        Assert.Single((await Read(await c.GetAsync($"/api/v2/assets?bucket=logs&name={name}"))).AsArray());

        async Task<(HttpStatusCode, string?)> Refused(HttpResponseMessage r) => (r.StatusCode, (string?)(await Read(r))["field"]);
        var conflict = await c.PostAsync($"/api/v1/assets/upload?{query}", Files("logs.txt", Encoding.UTF8.GetBytes("other\n")));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var refusal = await Read(conflict);
        Assert.Equal("version", (string?)refusal["field"]);
        Assert.Contains("new version", (string?)refusal["detail"]);
        Assert.Equal((HttpStatusCode.NotFound, "registry_id"), (await Refused(await c.PostAsync($"/api/v1/assets/upload?registry_id=9&name=x&bucket=logs", Files("logs.txt", bytes)))));
        Assert.Equal((HttpStatusCode.BadRequest, "bucket"), (await Refused(await c.PostAsync($"/api/v1/assets/upload?registry_id=1&name=x", Files("logs.txt", bytes)))));
        Assert.Equal((HttpStatusCode.BadRequest, "file"), (await Refused(await c.PostAsync($"/api/v1/assets/upload?registry_id=1&name=x&bucket=logs", new MultipartFormDataContent { { new StringContent("x"), "other" } }))));
        Assert.Equal((HttpStatusCode.BadRequest, "user_id"), (await Refused(await c.PostAsync($"/api/v1/assets/upload?registry_id=1&name=x&bucket=logs&user_id=me", Files("logs.txt", bytes)))));
        Assert.Equal(HttpStatusCode.NoContent, (await c.GetAsync("/api/v2/assets/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/v1/assets/999999/fetch")).StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, "asset_id"), (await Refused(await c.PutAsync("/api/v1/packs/1/version?sem_ver_id=9.9.9&asset_id=999999", null))));

        Assert.Equal((HttpStatusCode.BadRequest, "name"), (await Refused(await c.PostAsync("/api/v2/workers/create", Json(new { mode = "job" })))));
        Assert.Equal((HttpStatusCode.BadRequest, "mode"), (await Refused(await c.PostAsync("/api/v2/workers/create", Json(new { name = "x", mode = "daemon" })))));
        int worker = (int)(await Read(await c.PostAsync("/api/v2/workers/create", Json(new { name = $"w-{Guid.NewGuid():N}" }))))["id"]!;
        Assert.Equal((HttpStatusCode.BadRequest, "status"), (await Refused(await c.PutAsync($"/api/v2/workers/{worker}", Json(new { status = "sleeping" })))));
        Assert.Equal(HttpStatusCode.NotFound, (await c.PutAsync("/api/v2/workers/999999", Json(new { status = "online" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/v1/workers/999999/jobs/next")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.GetAsync("/api/v2/workers/999999")).StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "status"), (await Refused(await c.PostAsync("/api/v2/jobs/create", Json(new { name = "x", status = "done" })))));

        // A viewer reads the registry and the workers but cannot upload, register or claim.
        string viewer = $"viewer-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsync("/api/v2/users", Json(new { username = viewer, password = "viewer password", role = "viewer" }))).StatusCode);
        using var v = Cli(await hub.SignInAsync(viewer, "viewer password"));
        Assert.Equal(HttpStatusCode.OK, (await v.GetAsync($"/api/v1/assets/{id}/fetch")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await v.GetAsync("/api/v2/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await v.PostAsync($"/api/v1/assets/upload?registry_id=1&name=y&bucket=logs", Files("logs.txt", bytes))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await v.PostAsync("/api/v2/workers/create", Json(new { name = "v" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await v.GetAsync($"/api/v1/workers/{worker}/jobs/next")).StatusCode);
        Assert.Empty((await Read(await v.GetAsync("/api/v2/routines"))).AsArray());
    }
}

public sealed class SqliteQalitaCliReplayTests(SqliteHub hub) : QalitaCliReplayTests<SqliteHub>(hub);

public sealed class PostgresQalitaCliReplayTests(PostgresHub hub) : QalitaCliReplayTests<PostgresHub>(hub);
