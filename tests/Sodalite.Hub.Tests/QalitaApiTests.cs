// The QALITA-compatible calls, made as QALITA's CLI makes them (spec/qalita.md §2.3-§2.6): a worker's login, a source,
// the soda pack, a job around the uploads, and the three artifact uploads as multipart "file" parts; then read back.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class QalitaApiTests<THub>(THub hub) : IClassFixture<THub> where THub : HubFixture
{
    private static string Artifact(string name) => Path.Combine(RepoPaths.Acceptance, "qalita", "retail", "sodalite", name);

    /// <summary>Multipart exactly as python-requests sends files={"file": open(path)}: part "file", the file's name, no part content type.</summary>
    private static MultipartFormDataContent FilePart(string path)
    {
        var content = new MultipartFormDataContent(Guid.NewGuid().ToString("N"));
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{Path.GetFileName(path)}\"" };
        content.Add(file);
        return content;
    }

    [Fact]
    public async Task A_worker_publishes_runs_a_job_uploads_the_artifacts_and_reads_them_back()
    {
        using var c = hub.Client(hub.AdminToken);
        // Login flow: the version, then the user named by the token's sub (decoded without verification, as the CLI does).
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/version")).StatusCode);
        string sub = new JsonWebToken(hub.AdminToken).Subject;
        Assert.Equal(HubFixture.AdminUser, (string)(await c.GetFromJsonAsync<JsonObject>($"/api/v2/users/{sub}"))!["username"]!);

        // Publish a source; its versions carry ids; the soda pack is there with a version.
        string name = $"retail-{Guid.NewGuid():N}";
        var published = await c.PostAsJsonAsync("/api/v1/sources/publish", new { name, type = "file", description = "retail csv", reference = false, sensitive = false, visibility = "private", version = "1.0.0" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        int sourceId = (int)(await published.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var source = (await c.GetFromJsonAsync<JsonObject>($"/api/v2/sources/{sourceId}"))!;
        int sourceVersionId = (int)source["versions"]![0]!["id"]!;
        Assert.Equal("1.0.0", (string)source["versions"]![0]!["sem_ver_id"]!);
        var soda = (await c.GetFromJsonAsync<JsonArray>("/api/v2/packs"))!.Single(p => (string)p!["name"]! == "soda")!;
        int packId = (int)soda["id"]!, packVersionId = (int)soda["versions"]![0]!["id"]!;
        Assert.Equal(HttpStatusCode.NoContent, (await c.GetAsync("/api/v2/sources/999999")).StatusCode);

        // The job around the uploads.
        var created = await c.PostAsJsonAsync("/api/v2/jobs/create", new
        {
            name = "20261125101500_ab12c",
            agent_id = 1,
            source_id = sourceId,
            source_version_id = sourceVersionId,
            pack_id = packId,
            pack_version_id = packVersionId,
            start_date = "2026-11-25 10:15:00",
            status = "running",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        int jobId = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        string ids = $"source_id={sourceId}&source_version_id={sourceVersionId}&pack_id={packId}&pack_version_id={packVersionId}";
        var recs = await c.PostAsync($"/api/v1/recommendations/upload?{ids}", FilePart(Artifact("recommendations.json")));
        Assert.Equal(HttpStatusCode.OK, recs.StatusCode);
        Assert.Equal(3, (int)(await recs.Content.ReadFromJsonAsync<JsonObject>())!["issues_opened"]!);   // the three "high" ones
        var metrics = await c.PostAsync($"/api/v1/metrics/upload?{ids}", FilePart(Artifact("metrics.json")));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        // The same file again: 409, which the CLI counts as done.
        Assert.Equal(HttpStatusCode.Conflict, (await c.PostAsync($"/api/v1/metrics/upload?{ids}", FilePart(Artifact("metrics.json")))).StatusCode);

        var closed = await c.PutAsJsonAsync($"/api/v2/jobs/{jobId}", new { end_date = "2026-11-25 10:16:00", status = "succeeded", logs_id = (int?)null });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("succeeded", (string)(await closed.Content.ReadFromJsonAsync<JsonObject>())!["status"]!);

        // Read back: metrics with their scopes and ids; the score metric became the dataset's validity score.
        var rows = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/metrics?source_id={sourceId}&pack_id={packId}"))!;
        Assert.Equal(14, rows.Count);
        var missing = rows.Single(r => (string)r!["key"]! == "missing_count")!;
        Assert.Equal("1", (string)missing["value"]!);
        Assert.Equal("customer_email", (string)missing["scope"]!["value"]!);
        Assert.Equal(sourceVersionId, (int)missing["source_version_id"]!);
        var scores = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/scores?source_id={sourceId}"))!;
        Assert.Contains(scores, s => (string?)s!["dimension"] == "validity" && (double)s["value"]! == 0.4);
        var recommendations = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/recommendations?source_id={sourceId}"))!;
        Assert.Equal(["warning", "high", "high", "high"], recommendations.Select(r => (string)r!["level"]!));
        int datasetId = (int)(await c.GetFromJsonAsync<JsonArray>($"/api/v2/datasets?source_id={sourceId}"))!.Single()!["id"]!;
        var issues = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/issues?status=open&dataset_id={datasetId}"))!;
        Assert.Equal(3, issues.Count);
        Assert.All(issues, i => Assert.Equal("high", (string)i!["severity"]!));
    }

    [Fact]
    public async Task Wrong_ids_and_bodies_get_errors_that_name_the_field()
    {
        using var c = hub.Client(hub.AdminToken);
        async Task<(HttpStatusCode, string?)> Upload(string query, HttpContent content)
        {
            var r = await c.PostAsync($"/api/v1/metrics/upload?{query}", content);
            return (r.StatusCode, (string?)(await r.Content.ReadFromJsonAsync<JsonObject>())?["field"]);
        }
        Assert.Equal((HttpStatusCode.NotFound, "source_id"), await Upload("source_id=999999", FilePart(Artifact("metrics.json"))));
        Assert.Equal((HttpStatusCode.BadRequest, "source_id"), await Upload("pack_id=1", FilePart(Artifact("metrics.json"))));
        int any = (int)(await (await c.PostAsJsonAsync("/api/v1/sources/publish", new { name = $"ids-{Guid.NewGuid():N}", type = "file" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal((HttpStatusCode.NotFound, "source_version_id"), await Upload($"source_id={any}&source_version_id=999999", FilePart(Artifact("metrics.json"))));
        Assert.Equal((HttpStatusCode.NotFound, "pack_id"), await Upload($"source_id={any}&pack_id=999999", FilePart(Artifact("metrics.json"))));
        string bad = Path.Combine(Directory.CreateTempSubdirectory().FullName, "metrics.json");
        File.WriteAllText(bad, "[{\"value\": 1, \"scope\": {}}]");
        Assert.Equal((HttpStatusCode.BadRequest, "file[0].key"), await Upload($"source_id={any}", FilePart(bad)));
        Assert.Equal((HttpStatusCode.BadRequest, "file"), await Upload($"source_id={any}", new MultipartFormDataContent { { new StringContent("x"), "other" } }));
    }
}

public sealed class SqliteQalitaApiTests(SqliteHub hub) : QalitaApiTests<SqliteHub>(hub);

public sealed class PostgresQalitaApiTests(PostgresHub hub) : QalitaApiTests<PostgresHub>(hub);
