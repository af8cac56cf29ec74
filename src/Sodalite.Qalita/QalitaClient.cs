// The upload a QALITA worker makes after a pack run (spec/qalita.md §2.3-§2.5, §2.9): resolve the source's and pack's latest
// versions, optionally open a job, upload recommendations, schemas and metrics as multipart "file" parts, close the job.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Sodalite.Qalita;

/// <summary>The QALITA REST calls of an upload; every failure is a <see cref="PushException"/> with a message for the user.</summary>
/// <param name="delivery">Sends to the QALITA server, with retries.</param>
/// <param name="token">The bearer token.</param>
/// <param name="tokenSource">Where the token came from (a flag, a variable, the worker file), for messages.</param>
public sealed class QalitaClient(Delivery delivery, string token, string tokenSource)
{
    /// <summary>The artifacts in the order the REST worker uploads them.</summary>
    public static IReadOnlyList<string> Artifacts { get; } = ["recommendations", "schemas", "metrics"];

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var r = new HttpRequestMessage(method, path) { Content = content };
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return r;
    }

    private async Task<JsonNode?> GetAsync(string path, string what, CancellationToken ct)
    {
        var response = await delivery.SendAsync(() => Request(HttpMethod.Get, path), what, ct);
        await EnsureAllowedAsync(response, what);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        if (!response.IsSuccessStatusCode) throw new PushException(PushFailure.Rejected, $"{what}: {(int)response.StatusCode} {await Delivery.DetailAsync(response)}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task EnsureAllowedAsync(HttpResponseMessage response, string what)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new PushException(PushFailure.Rejected, $"{what}: {Delivery.TokenHint(response.StatusCode, tokenSource)} ({await Delivery.DetailAsync(response)}).");
    }

    /// <summary>
    /// The ids of an upload: the source's and pack's latest versions (highest semver), as the CLI picks them. The pack is
    /// <paramref name="packId"/>, else the one named <paramref name="packName"/> (soda by default; spaces, tabs and '-' match '_',
    /// case ignored). Throws <see cref="PushException"/>: Rejected for an unknown source or pack, one without versions, a refused
    /// token or another error answer; Unreachable as <see cref="Delivery.SendAsync"/>.
    /// </summary>
    public async Task<QalitaIds> ResolveAsync(int sourceId, int? packId, string? packName, CancellationToken ct)
    {
        var source = await GetAsync($"/api/v2/sources/{sourceId}", "reading the source", ct)
            ?? throw new PushException(PushFailure.Rejected, $"Source id {sourceId} is unknown to {delivery.Http.BaseAddress} (or not visible to this token): list them with GET /api/v2/sources and pass --source-id.");
        int sourceVersion = Latest(source, $"source {sourceId}");
        JsonNode pack;
        if (packId is int pid)
        {
            pack = await GetAsync($"/api/v2/packs/{pid}", "reading the pack", ct)
                ?? throw new PushException(PushFailure.Rejected, $"Pack id {pid} is unknown to {delivery.Http.BaseAddress}: list them with GET /api/v2/packs, or pass --pack-name soda.");
        }
        else
        {
            string wanted = Normalize(packName ?? "soda");
            var packs = await GetAsync("/api/v2/packs", "listing the packs", ct) as JsonArray ?? [];
            pack = packs.FirstOrDefault(p => Normalize((string?)p?["name"] ?? "") == wanted)
                ?? throw new PushException(PushFailure.Rejected, $"No pack named \"{packName ?? "soda"}\" on {delivery.Http.BaseAddress}: publish it (qalita pack push) or pass --pack-id.");
        }
        return new QalitaIds(sourceId, sourceVersion, (int)pack["id"]!, Latest(pack, $"pack {(string?)pack["name"]}"));
    }

    private static string Normalize(string name) => string.Join('_', name.Split([' ', '\t', '-'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static int Latest(JsonNode entity, string what)
    {
        var versions = (entity["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (versions.Count == 0) throw new PushException(PushFailure.Rejected, $"{what} has no version to upload against: publish one first.");
        return (int)versions.MaxBy(v => Version.TryParse((string?)v["sem_ver_id"], out var sv) ? sv : new Version(0, 0))!["id"]!;
    }

    /// <summary>Multipart exactly as python-requests sends files={"file": f}: one part named file, the file's name, no part content type.</summary>
    public static MultipartFormDataContent FilePart(string fileName, byte[] bytes)
    {
        var content = new MultipartFormDataContent(Guid.NewGuid().ToString("N"));
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{fileName}\"" };
        content.Add(part);
        return content;
    }

    /// <summary>
    /// Uploads one artifact as the multipart part "file" (<see cref="FilePart"/>); true when stored, false for a 409 "already
    /// exists" (counted as done). Throws <see cref="PushException"/>: Rejected for a refused token or any other error answer, Unreachable as
    /// <see cref="Delivery.SendAsync"/>.
    /// </summary>
    /// <param name="pathAndQuery">Where to post: <see cref="UploadPath"/>.</param>
    /// <param name="fileName">The part's file name (metrics.json, recommendations.json or schemas.json).</param>
    /// <param name="bytes">The file's content.</param>
    /// <param name="ct">Cancels the upload.</param>
    public async Task<bool> UploadAsync(string pathAndQuery, string fileName, byte[] bytes, CancellationToken ct)
    {
        var response = await delivery.SendAsync(() => Request(HttpMethod.Post, pathAndQuery, FilePart(fileName, bytes)), $"uploading {fileName}", ct);
        await EnsureAllowedAsync(response, $"uploading {fileName}");
        if (response.StatusCode == HttpStatusCode.Conflict) return false;
        if (!response.IsSuccessStatusCode)
            throw new PushException(PushFailure.Rejected, $"uploading {fileName}: {(int)response.StatusCode} {await Delivery.DetailAsync(response)}");
        return true;
    }

    /// <summary><c>/api/v1/{kind}/upload?</c> and the ids' query; <paramref name="kind"/> is metrics, recommendations or schemas.</summary>
    public static string UploadPath(string kind, QalitaIds ids) => $"/api/v1/{kind}/upload?{ids.Query}";

    /// <summary>
    /// Opens a running job for the upload (POST /api/v2/jobs/create, spec/qalita.md §2.5): name and start date from
    /// <paramref name="now"/> (UTC, yyyy-MM-dd HH:mm:ss). Returns the job's id; throws <see cref="PushException"/> (Rejected) for an error answer.
    /// </summary>
    public async Task<int> CreateJobAsync(QalitaIds ids, DateTimeOffset now, CancellationToken ct)
    {
        string name = $"{now.UtcDateTime:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..20];
        var response = await delivery.SendAsync(() => Request(HttpMethod.Post, "/api/v2/jobs/create", JsonContent.Create(new Dictionary<string, object?>
        {
            ["name"] = name,
            ["source_id"] = ids.SourceId,
            ["source_version_id"] = ids.SourceVersionId,
            ["pack_id"] = ids.PackId,
            ["pack_version_id"] = ids.PackVersionId,
            ["start_date"] = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"),
            ["status"] = "running",
        })), "creating the job", ct);
        await EnsureAllowedAsync(response, "creating the job");
        if (!response.IsSuccessStatusCode) throw new PushException(PushFailure.Rejected, $"creating the job: {(int)response.StatusCode} {await Delivery.DetailAsync(response)}");
        return (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    /// <summary>
    /// Closes a job as succeeded or failed, ended at <paramref name="now"/> (PUT /api/v2/jobs/{id}, spec/qalita.md §2.5). Throws
    /// <see cref="PushException"/> (Rejected) for an error answer.
    /// </summary>
    public async Task CloseJobAsync(int jobId, bool succeeded, DateTimeOffset now, CancellationToken ct)
    {
        var response = await delivery.SendAsync(() => Request(HttpMethod.Put, $"/api/v2/jobs/{jobId}", JsonContent.Create(new Dictionary<string, object?>
        {
            ["end_date"] = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"),
            ["status"] = succeeded ? "succeeded" : "failed",
            ["logs_id"] = null,
        })), "closing the job", ct);
        await EnsureAllowedAsync(response, "closing the job");
        if (!response.IsSuccessStatusCode) throw new PushException(PushFailure.Rejected, $"closing job {jobId}: {(int)response.StatusCode} {await Delivery.DetailAsync(response)}");
    }
}
