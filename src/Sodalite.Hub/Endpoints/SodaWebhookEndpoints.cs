// Soda Cloud webhooks (spec/sodacl.md §8): validate, checkEvaluation, incidentCreated, incidentUpdated. Check results become
// scans of their data source, stored and judged like an ingested scan; incidents are noted on the checks' issues.
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
    /// <summary>
    /// Maps the route. It is anonymous to the hub's tokens and checks the webhook's own bearer token (<see cref="HubOptions.SodaWebhookToken"/>):
    /// 403 when the hub has none, 401 for a missing or wrong one; 400 for a body that is not a webhook event.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v2/integrations/soda/webhook", async (HttpRequest request, HubOptions options, IngestService ingest, HubDb db, TimeProvider time, CancellationToken ct) =>
        {
            // Soda Cloud sends the header configured on its webhook integration: Authorization: Bearer <SODALITE_SODA_WEBHOOK_TOKEN>.
            if (options.SodaWebhookToken is not { Length: > 0 } expected)
                return Http.Json(new { detail = "The Soda webhook is not configured: start the hub with SODALITE_SODA_WEBHOOK_TOKEN and set the same bearer token on the Soda Cloud integration." }, statusCode: 403);
            string? header = request.Headers.Authorization;
            if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), Encoding.UTF8.GetBytes(expected)))
                return Http.Json(new { detail = "Send the webhook token configured in the hub: Authorization: Bearer <token>." }, statusCode: 401);

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            byte[] body = buffer.ToArray();
            JsonDocument json;
            try { json = JsonDocument.Parse(body); }
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
                List<(string Source, ScanDocument Doc)> scans;
                try
                {
                    scans = results.ValueKind == JsonValueKind.Array ? ToScans(results) : [];
                }
                catch (ScanDocumentException e)
                {
                    return Http.BadRequest(new { detail = e.Message, field = e.Field });
                }
                int stored = 0, opened = 0, resolved = 0;
                foreach (var (source, doc) in scans)
                {
                    var result = await ingest.IngestAsync(source, doc, IngestService.KeyFor($"soda-webhook:{source}", body), ct);
                    stored += result.Results;
                    opened += result.Issues.Opened + result.Issues.Reopened;
                    resolved += result.Issues.Resolved;
                }
                if (incident is { } i) await NoteIncidentAsync(i, eventName, scans, db, time, ct);
                return Http.Ok(new { @event = eventName, results = stored, issues_opened = opened, issues_resolved = resolved });
            }
        }).AllowAnonymous().DisableAntiforgery()
            .WithTags("webhooks").WithName("sodaCloudWebhook").WithSummary("Receive a Soda Cloud webhook event")
            .WithDescription("validate is acknowledged; checkEvaluation results are stored as scans of their data source and judged like pushed scans; incidentCreated and incidentUpdated are noted on the checks' issues; other events are answered as ignored. 403 when the hub was started without SODALITE_SODA_WEBHOOK_TOKEN.")
            .RequiresSodaWebhookTokenInDocs()
            .AcceptsJsonDocument("A Soda Cloud webhook event: an object with event (validate, checkEvaluation, incidentCreated, incidentUpdated) and, by event, checkResults or incident.")
            .Produces<WebhookAnswer>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status403Forbidden);
    }

    /// <summary>Check results grouped by data source into scan documents (one per data source and data timestamp): results without metrics.</summary>
    private static List<(string Source, ScanDocument Doc)> ToScans(JsonElement results)
    {
        var rows = new List<(string Source, string Dataset, DateTimeOffset At, ScanCheck Check)>();
        int n = 0;
        foreach (var r in results.EnumerateArray())
        {
            string at = $"checkResults[{n++}]";
            string id = Str(r, "id") ?? throw new ScanDocumentException($"{at}.id", $"{at}.id is missing.");
            string? outcome = Str(r, "outcome");
            if (outcome is not ("pass" or "warn" or "fail")) continue; // "error": not evaluated
            var dataset = r.TryGetProperty("datasets", out var ds) && ds.ValueKind == JsonValueKind.Array && ds.GetArrayLength() > 0 ? ds[0] : default;
            string datasetName = dataset.ValueKind == JsonValueKind.Object ? Str(dataset, "name") ?? "(dataset)" : "(dataset)";
            string source = dataset.ValueKind == JsonValueKind.Object && dataset.TryGetProperty("datasource", out var dsrc) && dsrc.ValueKind == JsonValueKind.Object
                ? Str(dsrc, "name") ?? "soda-cloud" : "soda-cloud";
            string definition = Str(r, "definition") ?? "";
            string name = definition.Split('\n') is { Length: > 1 } lines ? lines[1].Trim().TrimStart('-', ' ').TrimEnd(':') : definition;
            string? ts = Str(r, "dataTimestamp");
            if (ts is null || !DateTimeOffset.TryParse(ts, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var dataTimestamp))
                throw new ScanDocumentException($"{at}.dataTimestamp", $"{at}.dataTimestamp must be an ISO 8601 timestamp.");
            // The dataset's attributes stand for the check's (a 'dimension' among them sets the check's dimension).
            var attributes = new List<ResourceAttribute>();
            if (dataset.ValueKind == JsonValueKind.Object && dataset.TryGetProperty("attributes", out var attrs) && attrs.ValueKind == JsonValueKind.Array)
                foreach (var a in attrs.EnumerateArray())
                    if (Str(a, "name") is { } an) attributes.Add(new ResourceAttribute(an, a.TryGetProperty("value", out var av) ? SodaJsonReader.ReadValue(av) : null));
            rows.Add((source, datasetName, dataTimestamp.ToUniversalTime(), new ScanCheck
            {
                Identity = id,
                Name = name.Length > 0 ? name : id,
                Definition = definition,
                ResourceAttributes = attributes,
                Table = datasetName,
                Column = Str(r, "column"),
                Outcome = outcome switch { "pass" => Outcome.Pass, "warn" => Outcome.Warn, _ => Outcome.Fail },
                Diagnostics = r.TryGetProperty("diagnostics", out var d) ? SodaJsonReader.ReadDiagnostics(d) : null,
            }));
        }
        return [.. rows.GroupBy(x => (x.Source, x.At)).Select(g => (g.Key.Source, new ScanDocument(new ScanResult
        {
            DefinitionName = "Soda Cloud",
            DefaultDataSource = g.Key.Source,
            DataTimestamp = g.Key.At,
            HasWarnings = g.Any(x => x.Check.Outcome == Outcome.Warn),
            HasFailures = g.Any(x => x.Check.Outcome == Outcome.Fail),
            Checks = [.. g.Select(x => x.Check)],
        })))];
    }

    /// <summary>Notes a Soda Cloud incident on the issues of its checks.</summary>
    private static async Task NoteIncidentAsync(JsonElement incident, string eventName, List<(string Source, ScanDocument Doc)> scans, HubDb db, TimeProvider time, CancellationToken ct)
    {
        var identities = scans.SelectMany(s => s.Doc.Result.Checks.Select(c => c.Identity)).ToHashSet();
        string note = $"Soda Cloud incident #{(incident.TryGetProperty("number", out var num) ? num.ToString() : "?")} {(eventName == "incidentCreated" ? "created" : "updated")}: " +
                      $"{Str(incident, "title")} ({Str(incident, "status")}, {Str(incident, "severity")})";
        db.ChangeTracker.Clear();
        var issues = await db.Issues.Where(i => identities.Contains(i.Check!.Identity)).ToListAsync(ct);
        foreach (var issue in issues) db.IssueEvents.Add(new IssueEvent { IssueId = issue.Id, At = time.GetUtcNow(), Kind = "commented", Actor = "soda-cloud", Note = note });
        await db.SaveChangesAsync(ct);
    }

    private static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
