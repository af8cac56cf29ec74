// Ingestion of Soda results documents, and the scans the hub holds.
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Sodalite.Hub.Ingestion;
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
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            byte[] body = buffer.ToArray();
            ScanDocument doc;
            try
            {
                using var json = JsonDocument.Parse(body);
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
            string key = request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 } k ? $"key:{source}:{k}" : IngestService.KeyFor(source, Sodalite.Results.Soda.SodaPushBody.Strip(body));
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
        }).RequireAuthorization(Policies.Write).DisableAntiforgery();

        app.MapGet("/api/v2/scans", async (HubDb db, int? source_id, int? limit) =>
            Http.Ok(await db.Scans.AsNoTracking().Where(s => source_id == null || s.SourceId == source_id)
                .OrderByDescending(s => s.Id).Take(Math.Clamp(limit ?? 100, 1, 10_000))
                .Select(s => new { s.Id, s.SourceId, s.DefinitionName, s.DataSourceName, s.DataTimestamp, s.ScanStart, s.ScanEnd, s.HasErrors, s.HasWarnings, s.HasFailures, s.ReceivedAt })
                .ToListAsync())).RequireAuthorization(Policies.Read);

        app.MapGet("/api/v2/scans/{id:int}", async (int id, HubDb db) =>
        {
            var scan = await db.Scans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
            if (scan is null) return Http.NotFound(new { detail = $"No scan {id}." });
            var results = await db.CheckResults.AsNoTracking().Where(r => r.ScanId == id)
                .Select(r => new { r.CheckId, r.Check!.Name, r.Check.Identity, r.Outcome, r.Value }).ToListAsync();
            return Http.Ok(new { scan.Id, scan.SourceId, scan.DefinitionName, scan.DataSourceName, scan.DataTimestamp, scan.HasErrors, scan.HasWarnings, scan.HasFailures, Results = results });
        }).RequireAuthorization(Policies.Read);
    }
}
