// Soda Core's HTTP failed-rows sampler (spec/sodacl.md §8; soda-core v3.5.6 soda/sampler/http_sampler.py): for each failed-row
// sample with rows, Soda Core does requests.post(url, json=json.dumps(sample, sort_keys=True, default=str)), so the body is a
// JSON string holding the JSON object {check_name, count, dataset, datasource, rows, scan_definition, scan_time, schema}. It
// sends no header of its own; the URL may carry credentials, which requests sends as Basic authentication. Soda Core treats
// any answer but 200 as an error, so every accepted sample is answered 200.
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Sodalite.Hub.Data;
using Sodalite.Hub.Ingestion;
using Sodalite.Hub.OpenApi;
using Sodalite.Results.Soda;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

/// <summary>POST /api/v2/integrations/soda/samples: the failed-row samples of Soda Core's HTTP sampler.</summary>
public static class SodaSamplerEndpoints
{
    /// <summary>How long a sample waits for its scan before it is dropped.</summary>
    public static readonly TimeSpan PendingFor = TimeSpan.FromDays(1);

    /// <summary>
    /// Maps the route (a hub API token with the admin or dataengineer role, as a bearer token or as the password of Basic
    /// authentication). The sample goes to the check named by data source, dataset and check name in the scan of that data
    /// timestamp (scan_time); when that scan has not arrived yet, it waits for it (<see cref="PendingSample"/>).
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v2/integrations/soda/samples", async (HttpRequest request, HubOptions options, HubDb db, TimeProvider time, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            Sample sample;
            try
            {
                using var outer = JsonDocument.Parse(buffer.ToArray());
                // Soda Core double-encodes: a JSON string holding the JSON object. An object as such is read too.
                using var inner = outer.RootElement.ValueKind == JsonValueKind.String ? JsonDocument.Parse(outer.RootElement.GetString()!) : null;
                sample = Read((inner ?? outer).RootElement, options);
            }
            catch (JsonException e)
            {
                return Http.BadRequest(new { detail = $"The body is not valid JSON, nor a JSON string holding JSON: {e.Message}", field = "$" });
            }
            catch (ScanDocumentException e)
            {
                return Http.BadRequest(new { detail = e.Message, field = e.Field });
            }
            if (!options.StoreSamples) return Http.Ok(new SampleReceived("off", null, null, 0, false));
            if (sample.CheckName is not { } checkName) return Http.Ok(new SampleReceived("ignored", null, null, 0, false));
            string? sourceName = request.Query["source"].FirstOrDefault() is { Length: > 0 } s ? s : null;

            // The scan, when it is here: same data source (and source, when named) and data timestamp, with a result of that check.
            var scans = (await db.Scans.AsNoTracking()
                    .Where(x => x.DataSourceName == sample.DataSource && (sourceName == null || db.Sources.Any(o => o.Id == x.SourceId && o.Name == sourceName)))
                    .Select(x => new { x.Id, x.SourceId, x.DataTimestamp }).ToListAsync(ct))
                .Where(x => x.DataTimestamp.UtcTicks == sample.DataTimestamp.UtcTicks).OrderByDescending(x => x.Id).ToList();
            string datasetName = sample.Dataset ?? (sample.DataSource.Length > 0 ? sample.DataSource : "(data source)");
            foreach (var scan in scans)
            {
                var checkId = await db.CheckResults.AsNoTracking()
                    .Where(r => r.ScanId == scan.Id && r.Check!.Name == checkName && r.Check.Dataset!.Name == datasetName && r.Check.Dataset.SourceId == scan.SourceId)
                    .OrderBy(r => r.CheckId).Select(r => (int?)r.CheckId).FirstOrDefaultAsync(ct);
                if (checkId is not { } id) continue;
                if (await db.CheckSamples.AnyAsync(x => x.ScanId == scan.Id && x.CheckId == id, ct))
                    return Http.Ok(new SampleReceived("duplicate", scan.Id, id, 0, false));
                long used = (await db.CheckSamples.Where(x => x.ScanId == scan.Id).Select(x => x.RowsJson).ToListAsync(ct)).Sum(r => (long)r.Length);
                long budget = options.SampleBytesPerScan - used;
                var kept = IngestService.PendingToSample(sample.Pending, scan.Id, id, options.SampleRowsPerCheck, ref budget);
                db.CheckSamples.Add(kept);
                await db.SaveChangesAsync(ct);
                return Http.Ok(new SampleReceived("stored", scan.Id, id, kept.StoredRowCount, kept.Truncated));
            }

            // Not yet: it waits for its scan (the usual case, as Soda Core samples while it scans). Samples waiting too long go.
            var now = time.GetUtcNow();
            var stale = (await db.PendingSamples.ToListAsync(ct)).Where(p => p.ReceivedAt < now - PendingFor).ToList();
            db.PendingSamples.RemoveRange(stale);
            sample.Pending.SourceName = sourceName;
            sample.Pending.ReceivedAt = now;
            db.PendingSamples.Add(sample.Pending);
            await db.SaveChangesAsync(ct);
            using var rows = JsonDocument.Parse(sample.Pending.RowsJson);
            return Http.Ok(new SampleReceived("pending", null, null, rows.RootElement.GetArrayLength(), rows.RootElement.GetArrayLength() < sample.Pending.TotalRowCount));
        }).RequireAuthorization(Policies.Write).DisableAntiforgery()
            .WithTags("scans").WithName("receiveSodaSample").WithSummary("Receive a failed-row sample from Soda Core's HTTP sampler")
            .WithDescription("What Soda Core posts with `sampler: storage: type: http`: a JSON string holding {check_name, count, dataset, datasource, rows, " +
                "scan_definition, scan_time, schema}. The sample becomes the failed-row sample of the check with that name in that dataset, in the scan " +
                "of that data source with that data timestamp (scan_time); it waits (up to a day) for a scan that has not arrived yet. Kept within the " +
                "hub's sample limits; none when the hub runs with --no-samples. Answered 200 whenever accepted, as Soda Core logs any other status as an " +
                "error. Authentication: a hub API token as a bearer token, or as the password of the URL (https://sodalite:TOKEN@hub/...), which Soda " +
                "Core sends as Basic authentication.")
            .AcceptsJsonDocument("A JSON string holding the sample object (as Soda Core double-encodes it), or that object itself.")
            .WithQueryParameter("source", JsonSchemaType.String, "The hub source of the scan (optional; without it, any source whose scans have that data source).")
            .Produces<SampleReceived>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest);
    }

    /// <summary>A sample as posted: its check name (null for a dataset sample), data source, dataset, data timestamp, and the pending row it would make.</summary>
    private sealed record Sample(string? CheckName, string DataSource, string? Dataset, DateTimeOffset DataTimestamp, PendingSample Pending);

    /// <summary>Reads the sampler's object; rows beyond <see cref="HubOptions.SampleRowsPerCheck"/> or the bytes of a scan are dropped here already.</summary>
    private static Sample Read(JsonElement o, HubOptions options)
    {
        if (o.ValueKind != JsonValueKind.Object) throw new ScanDocumentException("$", "The sample is a JSON object (or a JSON string holding one).");
        string dataSource = Str(o, "datasource") ?? throw new ScanDocumentException("$.datasource", "datasource (the scan's data source name) is missing.");
        string? checkName = Str(o, "check_name"), dataset = Str(o, "dataset");
        if (Str(o, "scan_time") is not { } at || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var scanTime))
            throw new ScanDocumentException("$.scan_time", "scan_time must be the scan's data timestamp (ISO 8601).");
        if (!o.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.Array)
            throw new ScanDocumentException("$.schema", "schema must be an array of {name, type}.");
        if (!o.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array || rows.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.Array))
            throw new ScanDocumentException("$.rows", "rows must be an array of arrays.");
        long count = o.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out long n) ? n : rows.GetArrayLength();
        var columns = schema.EnumerateArray().Select(x => new { name = Str(x, "name") ?? "", type = Str(x, "type") ?? "" });
        long budget = options.SampleBytesPerScan;
        var (kept, _, _) = SampleLimits.Keep([.. rows.EnumerateArray().Select(r => SampleLimits.RowJson(r.EnumerateArray().Select(SodaJsonReader.ReadValue)))],
            options.SampleRowsPerCheck, ref budget);
        return new Sample(checkName, dataSource, dataset, scanTime.ToUniversalTime(), new PendingSample
        {
            DataSourceName = dataSource,
            DatasetName = dataset,
            CheckName = checkName ?? "",
            DataTimestamp = scanTime.ToUniversalTime(),
            ColumnsJson = JsonSerializer.Serialize(columns),
            RowsJson = kept,
            TotalRowCount = Math.Max(count, rows.GetArrayLength()),
        });
    }

    private static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
