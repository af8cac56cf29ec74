// Soda Cloud webhooks (spec/sodacl.md §8): validate, checkEvaluation, incidentCreated, incidentUpdated. Check results become
// scans of their data source, stored and judged like an ingested scan, each result once (by the check's id and its data
// timestamp); incidents are noted on the checks' issues, a resolved incident resolves them, and incidentCreated is answered
// with a link to the hub's issue page, which Soda Cloud attaches to the incident.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Sodalite.Hub.Ingestion;
using Sodalite.Hub.OpenApi;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

/// <summary>POST /api/v2/integrations/soda/webhook: Soda Cloud's webhook events.</summary>
public static class SodaWebhookEndpoints
{
    private const string Route = "/api/v2/integrations/soda/webhook";

    /// <summary>
    /// Maps the route. It is anonymous to the hub's tokens and checks what Soda Cloud's integration is configured to send: the
    /// bearer token <see cref="HubOptions.SodaWebhookToken"/> and/or the custom header <see cref="HubOptions.SodaWebhookHeader"/>;
    /// 403 when the hub has neither, 401 for a missing or wrong one; 400 for a body that is not a webhook event.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Route, async (HttpRequest request, HubOptions options, IngestService ingest, HubDb db, TimeProvider time, CancellationToken ct) =>
        {
            if (Authorize(request, options) is { } denied) return denied;

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            JsonDocument json;
            try { json = JsonDocument.Parse(buffer.ToArray()); }
            catch (JsonException e) { return Http.BadRequest(new { detail = $"The body is not valid JSON: {e.Message}", field = "$" }); }
            using (json)
            {
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("event", out var ev) || ev.ValueKind != JsonValueKind.String)
                    return Http.BadRequest(new { detail = "A Soda Cloud webhook body is an object with an \"event\".", field = "$.event" });
                string eventName = ev.GetString()!;
                JsonElement results;
                JsonElement? incident = null;
                switch (eventName)
                {
                    case "validate":
                        return Http.Ok(new { status = "ok" });
                    case "checkEvaluation":
                        if (!root.TryGetProperty("checkResults", out results) || results.ValueKind != JsonValueKind.Array)
                            return Http.BadRequest(new { detail = "checkEvaluation needs a checkResults array.", field = "$.checkResults" });
                        break;
                    case "incidentCreated" or "incidentUpdated":
                        if (!root.TryGetProperty("incident", out var inc) || inc.ValueKind != JsonValueKind.Object)
                            return Http.BadRequest(new { detail = $"{eventName} needs an incident object.", field = "$.incident" });
                        incident = inc;
                        results = inc.TryGetProperty("checkResults", out var r) && r.ValueKind == JsonValueKind.Array ? r : default;
                        break;
                    default:
                        return Http.Ok(new { ignored = eventName });
                }
                // A result without a (readable) dataTimestamp takes the event's time: sentAt when sent, else the time it arrived.
                var eventTime = Time(Str(root, "sentAt")) ?? time.GetUtcNow();
                List<WebhookResult> read;
                try
                {
                    read = results.ValueKind == JsonValueKind.Array ? Read(results, eventTime) : [];
                }
                catch (ScanDocumentException e)
                {
                    return Http.BadRequest(new { detail = e.Message, field = e.Field });
                }
                var fresh = await FreshAsync(read, incident is null, db, ct);
                int stored = 0, opened = 0, resolved = 0;
                foreach (var (source, doc, errors, key) in ToScans(fresh))
                {
                    var result = await ingest.IngestAsync(source, doc, key, ct, errors);
                    if (!result.Duplicate) stored += result.Results + errors.Count;
                    opened += result.Issues.Opened + result.Issues.Reopened;
                    resolved += result.Issues.Resolved;
                }
                WebhookLink? link = null;
                if (incident is { } i)
                {
                    var (resolvedByIncident, issueId) = await NoteIncidentAsync(i, eventName, read, db, time, ct);
                    resolved += resolvedByIncident;
                    if (eventName == "incidentCreated" && issueId is { } id)
                        link = new WebhookLink($"{request.Scheme}://{request.Host}{request.PathBase}/issues/{id}", $"Sodalite issue #{id}");
                }
                return Http.Ok(new WebhookAnswer(null, null, eventName, stored, opened, resolved, link));
            }
        }).AllowAnonymous().DisableAntiforgery()
            .WithTags("webhooks").WithName("sodaCloudWebhook").WithSummary("Receive a Soda Cloud webhook event")
            .WithDescription("validate is acknowledged; checkEvaluation results are stored as scans of their data source and judged like pushed scans, " +
                "each result once (by the check's id and its dataTimestamp; without one, the event's time), error outcomes as error results; " +
                "incidentCreated and incidentUpdated store no result the hub already has: they are noted on the checks' issues, a resolved incident " +
                "resolves them, and incidentCreated is answered with {\"link\": {\"url\", \"text\"}} to the hub's issue page, which Soda Cloud " +
                "attaches to the incident; other events are answered as ignored. 403 when the hub was started without SODALITE_SODA_WEBHOOK_TOKEN " +
                "or SODALITE_SODA_WEBHOOK_HEADER.")
            .RequiresSodaWebhookTokenInDocs()
            .AcceptsJsonDocument("A Soda Cloud webhook event: an object with event (validate, checkEvaluation, incidentCreated, incidentUpdated) and, by event, checkResults or incident.")
            .Produces<WebhookAnswer>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status403Forbidden);
    }

    /// <summary>Null when the request carries what the hub expects from Soda Cloud (the bearer token, the custom header, or both), else the refusal.</summary>
    private static IResult? Authorize(HttpRequest request, HubOptions options)
    {
        string? token = options.SodaWebhookToken is { Length: > 0 } t ? t : null;
        var header = options.SodaWebhookHeader is { Length: > 0 } h ? HubOptions.ParseHeader(h) : null;
        if (token is null && header is null)
            return Http.Json(new { detail = "The Soda webhook is not configured: start the hub with SODALITE_SODA_WEBHOOK_TOKEN (a bearer token) or SODALITE_SODA_WEBHOOK_HEADER (\"Name: value\") and set the same header on the Soda Cloud integration." }, statusCode: 403);
        if (token is not null)
        {
            string? authorization = request.Headers.Authorization;
            if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !Same(authorization[7..].Trim(), token))
                return Http.Json(new { detail = "Send the webhook token configured in the hub: Authorization: Bearer <token>." }, statusCode: 401);
        }
        if (header is { } expected && (request.Headers[expected.Name].FirstOrDefault() is not { } sent || !Same(sent.Trim(), expected.Value)))
            return Http.Json(new { detail = $"Send the webhook header configured in the hub: {expected.Name}: <value>." }, statusCode: 401);
        return null;
    }

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>One check result of a webhook event: its data source, dataset, time, the check as a scan check, and the error when its outcome is "error".</summary>
    private sealed record WebhookResult(string Source, DateTimeOffset At, ScanCheck Check, string? Error);

    /// <summary>The check results of an event (pass, warn, fail and error outcomes; others are skipped).</summary>
    private static List<WebhookResult> Read(JsonElement results, DateTimeOffset eventTime)
    {
        var rows = new List<WebhookResult>();
        int n = 0;
        foreach (var r in results.EnumerateArray())
        {
            string at = $"checkResults[{n++}]";
            string id = Str(r, "id") ?? throw new ScanDocumentException($"{at}.id", $"{at}.id is missing.");
            string? outcome = Str(r, "outcome");
            if (outcome is not ("pass" or "warn" or "fail" or "error")) continue;
            var dataset = r.TryGetProperty("datasets", out var ds) && ds.ValueKind == JsonValueKind.Array && ds.GetArrayLength() > 0 ? ds[0] : default;
            string datasetName = dataset.ValueKind == JsonValueKind.Object ? Str(dataset, "name") ?? "(dataset)" : "(dataset)";
            string source = dataset.ValueKind == JsonValueKind.Object && dataset.TryGetProperty("datasource", out var dsrc) && dsrc.ValueKind == JsonValueKind.Object
                ? Str(dsrc, "name") ?? "soda-cloud" : "soda-cloud";
            string definition = Str(r, "definition") ?? "";
            string name = definition.Split('\n') is { Length: > 1 } lines ? lines[1].Trim().TrimStart('-', ' ').TrimEnd(':') : definition;
            // The dataset's attributes stand for the check's (a 'dimension' among them sets the check's dimension).
            var attributes = new List<ResourceAttribute>();
            if (dataset.ValueKind == JsonValueKind.Object && dataset.TryGetProperty("attributes", out var attrs) && attrs.ValueKind == JsonValueKind.Array)
                foreach (var a in attrs.EnumerateArray())
                    if (Str(a, "name") is { } an) attributes.Add(new ResourceAttribute(an, a.TryGetProperty("value", out var av) ? SodaJsonReader.ReadValue(av) : null));
            rows.Add(new WebhookResult(source, Time(Str(r, "dataTimestamp")) ?? eventTime, new ScanCheck
            {
                Identity = id,
                Name = name.Length > 0 ? name : id,
                Definition = definition,
                ResourceAttributes = attributes,
                Table = datasetName,
                Column = Str(r, "column"),
                Outcome = outcome switch { "pass" => Outcome.Pass, "warn" => Outcome.Warn, "fail" => Outcome.Fail, _ => null },
                Diagnostics = r.TryGetProperty("diagnostics", out var d) && d.ValueKind == JsonValueKind.Object ? SodaJsonReader.ReadDiagnostics(d) : null,
            }, outcome == "error" ? "Soda Cloud reported an error for this check: it has no pass, warn or fail outcome in this evaluation." : null));
        }
        return rows;
    }

    /// <summary>
    /// The results the hub does not have yet. A checkEvaluation result is known when the hub has a result of that check (by its
    /// Soda Cloud id) at that data timestamp; an incident stores results only for checks the hub does not know at all, so an
    /// incident about results already received (the usual case) stores nothing again.
    /// </summary>
    private static async Task<List<WebhookResult>> FreshAsync(List<WebhookResult> read, bool evaluation, HubDb db, CancellationToken ct)
    {
        if (read.Count == 0) return read;
        var ids = read.Select(r => r.Check.Identity).Distinct().ToList();
        db.ChangeTracker.Clear();
        if (!evaluation)
        {
            var knownChecks = (await db.Checks.AsNoTracking().Where(c => ids.Contains(c.Identity)).Select(c => c.Identity).ToListAsync(ct)).ToHashSet();
            return [.. read.Where(r => !knownChecks.Contains(r.Check.Identity))];
        }
        var known = (await db.CheckResults.AsNoTracking().Where(r => ids.Contains(r.Check!.Identity)).Select(r => new { r.Check!.Identity, r.DataTimestamp }).ToListAsync(ct))
            .Select(k => (k.Identity, k.DataTimestamp.UtcTicks)).ToHashSet();
        return [.. read.Where(r => !known.Contains((r.Check.Identity, r.At.UtcTicks))).DistinctBy(r => (r.Check.Identity, r.At.UtcTicks))];
    }

    /// <summary>Results grouped by data source and data timestamp into scan documents, with their errors and an idempotency key made of the results' ids and times.</summary>
    private static IEnumerable<(string Source, ScanDocument Doc, IReadOnlyDictionary<string, string> Errors, string Key)> ToScans(List<WebhookResult> rows) =>
        rows.GroupBy(x => (x.Source, x.At)).Select(g =>
        {
            string ids = string.Join("\n", g.Select(x => $"{x.Check.Identity}@{x.At.UtcTicks}").Order(StringComparer.Ordinal));
            var doc = new ScanDocument(new ScanResult
            {
                DefinitionName = "Soda Cloud",
                DefaultDataSource = g.Key.Source,
                DataTimestamp = g.Key.At,
                HasWarnings = g.Any(x => x.Check.Outcome == Outcome.Warn),
                HasFailures = g.Any(x => x.Check.Outcome == Outcome.Fail),
                Checks = [.. g.Select(x => x.Check)],
            });
            var errors = g.Where(x => x.Error is not null).GroupBy(x => x.Check.Identity).ToDictionary(e => e.Key, e => e.First().Error!);
            return (g.Key.Source, doc, (IReadOnlyDictionary<string, string>)errors, IngestService.KeyFor($"soda-webhook:{g.Key.Source}", Encoding.UTF8.GetBytes(ids)));
        });

    /// <summary>
    /// Notes a Soda Cloud incident on the issues of its checks; a resolved incident (status "resolved", or a resolutionTimestamp)
    /// resolves those still open, as "soda-cloud". Returns how many it resolved and the first issue's id (null when none).
    /// </summary>
    private static async Task<(int Resolved, int? IssueId)> NoteIncidentAsync(JsonElement incident, string eventName, List<WebhookResult> results, HubDb db, TimeProvider time, CancellationToken ct)
    {
        var identities = results.Select(r => r.Check.Identity).Distinct().ToList();
        string status = Str(incident, "status") ?? "";
        bool isResolved = status.Equals("resolved", StringComparison.OrdinalIgnoreCase) || Str(incident, "resolutionTimestamp") is not null;
        string number = incident.TryGetProperty("number", out var num) ? num.ToString() : "?";
        string note = $"Soda Cloud incident #{number} {(eventName == "incidentCreated" ? "created" : "updated")}: {Str(incident, "title")} ({status}, {Str(incident, "severity")})";
        string resolution = $"Soda Cloud incident #{number} resolved" + (Str(incident, "resolutionNotes") is { Length: > 0 } notes ? $": {notes}" : "");
        db.ChangeTracker.Clear();
        var issues = identities.Count == 0 ? [] : await db.Issues.Where(i => identities.Contains(i.Check!.Identity)).OrderBy(i => i.Id).ToListAsync(ct);
        var now = time.GetUtcNow();
        int resolved = 0;
        foreach (var issue in issues)
        {
            if (isResolved && issue.Status != "resolved" && IssueActions.Apply(issue, "resolve", null, resolution, "soda-cloud", now) is null) resolved++;
            else db.IssueEvents.Add(new IssueEvent { IssueId = issue.Id, At = now, Kind = "commented", Actor = "soda-cloud", Note = note });
        }
        await db.SaveChangesAsync(ct);
        return (resolved, issues.Count > 0 ? issues[0].Id : null);
    }

    private static DateTimeOffset? Time(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null;

    private static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
