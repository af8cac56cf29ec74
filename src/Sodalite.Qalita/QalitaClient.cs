// The upload a QALITA worker makes after a pack run (spec/qalita.md §2.3-§2.5, §2.9): resolve the source's and pack's latest
// versions, optionally open a job, upload recommendations, schemas and metrics as multipart "file" parts, close the job.
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Semver;

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
        if (!response.IsSuccessStatusCode) throw new PushException(PushFailure.Rejected, $"{what}: {(int)response.StatusCode} {await Delivery.DetailAsync(response)}", refusedWith: (int)response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task EnsureAllowedAsync(HttpResponseMessage response, string what)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new PushException(PushFailure.Rejected, $"{what}: {Delivery.TokenHint(response.StatusCode, tokenSource)} ({await Delivery.DetailAsync(response)}).", refusedWith: (int)response.StatusCode);
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
        return (int)versions[LatestIndex(versions.Select(v => v["sem_ver_id"]?.ToString()).ToList())]["id"]!;
    }

    /// <summary>
    /// Which of <paramref name="semVers"/> is the highest by semantic version precedence (<c>1.0.0-rc.1</c> &lt; <c>1.0.0</c> &lt;
    /// <c>1.10.0</c>), as the CLI picks it; a version that does not parse counts as the lowest; among equals the first wins.
    /// </summary>
    public static int LatestIndex(IReadOnlyList<string?> semVers)
    {
        int best = -1;
        SemVersion? bestVersion = null;
        for (int i = 0; i < semVers.Count; i++)
        {
            var v = SemVersion.TryParse(semVers[i]?.Trim() ?? "", SemVersionStyles.Any, out var parsed) ? parsed : null;
            if (best < 0 || v is not null && (bestVersion is null || SemVersion.ComparePrecedence(v, bestVersion) > 0))
            {
                best = i;
                bestVersion = v;
            }
        }
        return best;
    }

    /// <summary>
    /// The user id in a JWT's <c>sub</c>, read without verifying the token as the CLI's validate_token does; null when the token is
    /// not a JWT or its subject is not a number.
    /// </summary>
    public static int? UserIdOf(string token)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            string b64 = parts[1].Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var sub = JsonNode.Parse(Convert.FromBase64String(b64))?["sub"];
            return sub is JsonValue v && (v.TryGetValue(out int i) || v.TryGetValue(out string? s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out i)) ? i : null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The source's name (GET /api/v2/sources/{id}); null when it is unknown. Throws <see cref="PushException"/> as <see cref="ResolveAsync"/>.</summary>
    public async Task<string?> SourceNameAsync(int sourceId, CancellationToken ct) =>
        (string?)(await GetAsync($"/api/v2/sources/{sourceId}", "reading the source", ct))?["name"];

    /// <summary>
    /// A JSON body as requests' <c>json=</c> sends it: <c>Content-Type: application/json</c> (no charset) and a Content-Length (not chunked).
    /// </summary>
    public static ByteArrayContent Json(JsonObject body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Multipart exactly as python-requests sends files={"file": f}: one part named file, the file's name, no part content type.</summary>
    public static MultipartFormDataContent FilePart(string fileName, byte[] bytes)
    {
        string boundary = Guid.NewGuid().ToString("N");
        var content = new MultipartFormDataContent(boundary);
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{fileName}\"" };
        content.Add(part);
        // .NET writes boundary="..."; requests writes the 32 hex digits bare.
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        content.Headers.ContentType.Parameters.Add(new NameValueHeaderValue("boundary", boundary));
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
            throw new PushException(PushFailure.Rejected, $"uploading {fileName}: {(int)response.StatusCode} {await Delivery.DetailAsync(response)}", refusedWith: (int)response.StatusCode);
        return true;
    }

    /// <summary><c>/api/v1/{kind}/upload?</c> and the ids' query; <paramref name="kind"/> is metrics, recommendations or schemas.</summary>
    public static string UploadPath(string kind, QalitaIds ids) => $"/api/v1/{kind}/upload?{ids.Query}";

    /// <summary>A job's name as the worker makes it: the UTC time as yyyyMMddHHmmss, '_', 5 lowercase letters or digits.</summary>
    public static string JobName(DateTimeOffset now) => $"{now.UtcDateTime:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..20];

    /// <summary>
    /// Opens a running job for the upload (POST /api/v2/jobs/create, spec/qalita.md §2.5) with the worker's <paramref name="agentId"/>
    /// (null when unknown), named <paramref name="name"/> (<see cref="JobName"/>), started at <paramref name="start"/> (UTC,
    /// yyyy-MM-dd HH:mm:ss). Returns the job's id; throws <see cref="PushException"/> (Rejected) for an error answer.
    /// </summary>
    public async Task<int> CreateJobAsync(QalitaIds ids, string name, int? agentId, DateTimeOffset start, CancellationToken ct)
    {
        var response = await delivery.SendAsync(() => Request(HttpMethod.Post, "/api/v2/jobs/create", Json(new JsonObject
        {
            ["name"] = name,
            ["agent_id"] = agentId,
            ["source_id"] = ids.SourceId,
            ["source_version_id"] = ids.SourceVersionId,
            ["pack_id"] = ids.PackId,
            ["pack_version_id"] = ids.PackVersionId,
            ["start_date"] = start.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = "running",
        })), "creating the job", ct);
        await EnsureAllowedAsync(response, "creating the job");
        if (!response.IsSuccessStatusCode) throw new PushException(PushFailure.Rejected, $"creating the job: {(int)response.StatusCode} {await Delivery.DetailAsync(response)}", refusedWith: (int)response.StatusCode);
        return (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    /// <summary>
    /// Closes a job as succeeded or failed, ended at <paramref name="end"/>, with its logs' asset id (PUT /api/v2/jobs/{id},
    /// spec/qalita.md §2.5). Throws <see cref="PushException"/> (Rejected) for an error answer.
    /// </summary>
    public async Task CloseJobAsync(int jobId, bool succeeded, DateTimeOffset end, int? logsId, CancellationToken ct)
    {
        var response = await delivery.SendAsync(() => Request(HttpMethod.Put, $"/api/v2/jobs/{jobId}", Json(new JsonObject
        {
            ["end_date"] = end.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = succeeded ? "succeeded" : "failed",
            ["logs_id"] = logsId,
        })), "closing the job", ct);
        await EnsureAllowedAsync(response, "closing the job");
        if (!response.IsSuccessStatusCode) throw new PushException(PushFailure.Rejected, $"closing job {jobId}: {(int)response.StatusCode} {await Delivery.DetailAsync(response)}", refusedWith: (int)response.StatusCode);
    }

    /// <summary>
    /// The registry the logs go to: <paramref name="known"/> (the worker file's), else the first of GET /api/v2/registries; null
    /// when there is none (204, 404, an empty list), as the worker's "No registry". Throws <see cref="PushException"/> for a
    /// refused token or when the server cannot be reached.
    /// </summary>
    public async Task<int?> RegistryAsync(int? known, CancellationToken ct)
    {
        if (known is int k) return k;
        var response = await delivery.SendAsync(() => Request(HttpMethod.Get, "/api/v2/registries"), "listing the registries", ct);
        await EnsureAllowedAsync(response, "listing the registries");
        if (response.StatusCode != HttpStatusCode.OK) return null;
        try
        {
            return (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonArray)?.FirstOrDefault()?["id"]?.GetValue<int>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Uploads the job's log as logs.txt (POST /api/v1/assets/upload, bucket logs, type log, named after the job, version 1.0.0,
    /// spec/qalita.md §2.3) and returns the asset's id, the job's logs_id; null for 409 (already there) or 204 (no registry).
    /// Throws <see cref="PushException"/>: Rejected for an error answer, Unreachable as <see cref="Delivery.SendAsync"/>.
    /// </summary>
    public async Task<int?> UploadLogsAsync(int registryId, string jobName, int? userId, byte[] log, CancellationToken ct)
    {
        string path = $"/api/v1/assets/upload?registry_id={registryId}&name={Uri.EscapeDataString(jobName)}&version=1.0.0&bucket=logs&type=log" +
                      $"&description=job%20logs" + (userId is int u ? $"&user_id={u}" : "");
        var response = await delivery.SendAsync(() => Request(HttpMethod.Post, path, FilePart("logs.txt", log)), "uploading logs.txt", ct);
        await EnsureAllowedAsync(response, "uploading logs.txt");
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NoContent) return null;
        if (!response.IsSuccessStatusCode)
            throw new PushException(PushFailure.Rejected, $"uploading logs.txt: {(int)response.StatusCode} {await Delivery.DetailAsync(response)}", refusedWith: (int)response.StatusCode);
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())?["id"]?.GetValue<int>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
