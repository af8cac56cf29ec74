// Ingestion of Soda results documents, and the scans the hub holds.
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Sodalite.Hub.Data;
using Sodalite.Hub.Ingestion;
using Sodalite.Hub.OpenApi;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

public static class ScanEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v2/scans", async (HttpRequest request, IngestService ingest, CancellationToken ct) =>
        {
            string? source = request.Query["source"].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(source))
                return Http.BadRequest(new { detail = "Name the data's source with the query parameter source, e.g. POST /api/v2/scans?source=warehouse.", field = "source" });
            if (InputGuard.KeyProblem(source) is { } sourceProblem) return Http.BadRequest(new { detail = $"The source's name {sourceProblem}.", field = "source" });
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            byte[] body = buffer.ToArray();
            ScanDocument doc;
            try
            {
                using var json = JsonDocument.Parse(body);
                // Checked here, whatever the content type, on the one parse of the body (the route is marked ChecksItsOwnJson).
                if (InputGuard.Find(json.RootElement) is { } problem)
                    return Http.BadRequest(new { detail = $"{problem.Path} {problem.Problem}.", field = problem.Path });
                doc = ScanDocumentReader.Read(json.RootElement);
            }
            catch (JsonException e)
            {
                return Http.BadRequest(new { detail = $"The body is not valid JSON: {e.Message}", field = "$" });
            }
            catch (ScanDocumentException e)
            {
                return Http.BadRequest(new { detail = e.Message, field = e.Field });
            }
            if (ScanDocumentReader.KeyProblem(doc) is { } keyProblem) return Http.BadRequest(new { detail = keyProblem.Detail, field = keyProblem.Field });
            // A client's own key is kept as sent when short; a long one (or one a store cannot keep) by its SHA-256, so any key works.
            string key = request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 } k
                ? (k.Length <= 200 && InputGuard.TextProblem(k) is null ? $"key:{source}:{k}" : $"key:{source}:sha256:{IngestService.KeyFor(source, System.Text.Encoding.UTF8.GetBytes(k))}")
                : IngestService.KeyFor(source, Sodalite.Results.Soda.SodaPushBody.Strip(body));
            var result = await ingest.IngestAsync(source, doc, key, ct);
            var response = new
            {
                scan_id = result.ScanId,
                duplicate = result.Duplicate,
                results = result.Results,
                metrics = result.Metrics,
                issues = new { opened = result.Issues.Opened, updated = result.Issues.Updated, resolved = result.Issues.Resolved, reopened = result.Issues.Reopened },
                score = result.Score,
            };
            return result.Duplicate ? Http.Ok(response) : Http.Created($"/api/v2/scans/{result.ScanId}", response);
        }).RequireAuthorization(Policies.Write).DisableAntiforgery().WithMetadata(new ChecksItsOwnJson())
            .WithTags("scans").WithName("pushScan").WithSummary("Store a Soda scan results document: results, metrics, issues and scores")
            .WithDescription("Stored in one transaction under the source named by `source` (created when new). The same document again, or the same Idempotency-Key, is stored once: the answer is then 200 with duplicate true.")
            .AcceptsJsonDocument("A Soda scan results document: the -srf file of `soda scan` or `sodalite scan`, or the shape of Soda Core's Python get_scan_results() (an object with checks, metrics, dataTimestamp, ...). The hub reads it strictly: a 400 names the field at fault.")
            .WithQueryParameter("source", JsonSchemaType.String, "The name of the data's source in the hub (e.g. warehouse).", required: true)
            .WithHeaderParameter("Idempotency-Key", "A key that makes the push idempotent (else the document's bytes are the key).")
            .Produces<ScanIngested>(StatusCodes.Status201Created)
            .Produces<ScanIngested>(StatusCodes.Status200OK)
            .Produces<ApiError>(StatusCodes.Status400BadRequest);

        app.MapGet("/api/v2/scans", async (HubDb db, int? source_id, int? limit) =>
            Http.Ok(await db.Scans.AsNoTracking().Where(s => source_id == null || s.SourceId == source_id)
                .OrderByDescending(s => s.Id).Take(Math.Clamp(limit ?? 100, 1, 10_000))
                .Select(s => new { s.Id, s.SourceId, s.DefinitionName, s.DataSourceName, s.DataTimestamp, s.ScanStart, s.ScanEnd, s.HasErrors, s.HasWarnings, s.HasFailures, s.ErrorCount, s.ErroredChecks, s.ReceivedAt })
                .ToListAsync())).RequireAuthorization(Policies.Read)
            .WithTags("scans").WithName("listScans").WithSummary("The stored scans, newest first")
            .WithDescription("Of one source or all; at most `limit` (default 100, at most 10000).")
            .Produces<List<ScanSummary>>();

        app.MapGet("/api/v2/scans/{id:int}", async (int id, HubDb db) =>
        {
            var scan = await db.Scans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
            if (scan is null) return Http.NotFound(new { detail = $"No scan {id}." });
            var results = await db.CheckResults.AsNoTracking().Where(r => r.ScanId == id)
                .Select(r => new { r.CheckId, r.Check!.Name, r.Check.Identity, r.Outcome, r.Value, r.Error }).ToListAsync();
            var errored = await db.ErroredChecks.AsNoTracking().Where(e => e.ScanId == id).OrderBy(e => e.Id)
                .Select(e => new { e.Name, e.DatasetId, e.CheckId, e.Error }).ToListAsync();
            var logs = await db.ScanLogs.AsNoTracking().Where(l => l.ScanId == id).OrderBy(l => l.Index)
                .Select(l => new { l.Index, l.Level, l.Message, l.Location }).ToListAsync();
            return Http.Ok(new
            {
                scan.Id,
                scan.SourceId,
                scan.DefinitionName,
                scan.DataSourceName,
                scan.DataTimestamp,
                scan.HasErrors,
                scan.HasWarnings,
                scan.HasFailures,
                scan.ErrorCount,
                Results = results,
                ErroredChecks = errored,
                Logs = logs,
            });
        }).RequireAuthorization(Policies.Read)
            .WithTags("scans").WithName("getScan").WithSummary("A stored scan with its check results")
            .Produces<ScanDetail>().Produces<ApiError>(StatusCodes.Status404NotFound);
    }
}
