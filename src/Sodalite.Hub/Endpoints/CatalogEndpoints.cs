// Sources, datasets, checks, and a check's results over time.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

/// <summary>The catalog routes: GET /api/v2/datasets[/{id}], GET /api/v2/checks[/{id}], GET /api/v2/checks/{id}/results.</summary>
public static class CatalogEndpoints
{
    /// <summary>Maps the routes (any role). An unknown dataset or check is a 404 with JSON <c>detail</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v2").RequireAuthorization(Policies.Read).WithTags("catalog");
        read.MapGet("/datasets", async (HubDb db, int? source_id) =>
            Http.Ok(await db.Datasets.AsNoTracking().Where(d => source_id == null || d.SourceId == source_id)
                .OrderBy(d => d.Id).Select(d => new DatasetInfo(d.Id, d.SourceId, d.Source!.Name, d.Name)).ToListAsync()))
            .WithName("listDatasets").WithSummary("The datasets, of one source or all").Produces<List<DatasetInfo>>();
        read.MapGet("/datasets/{id:int}", async (int id, HubDb db) =>
            await db.Datasets.AsNoTracking().Where(d => d.Id == id).Select(d => new DatasetInfo(d.Id, d.SourceId, d.Source!.Name, d.Name)).FirstOrDefaultAsync() is { } d
                ? Http.Ok(d) : Http.NotFound(new { detail = $"No dataset {id}." }))
            .WithName("getDataset").WithSummary("A dataset, by id").Produces<DatasetInfo>().Produces<ApiError>(StatusCodes.Status404NotFound);
        read.MapGet("/checks", async (HubDb db, int? dataset_id) =>
            Http.Ok(await db.Checks.AsNoTracking().Where(c => dataset_id == null || c.DatasetId == dataset_id)
                .OrderBy(c => c.Id).Select(c => new CheckInfo(c.Id, c.DatasetId, c.Identity, c.Name, c.Definition, c.Column, c.Metric, c.Dimension)).ToListAsync()))
            .WithName("listChecks").WithSummary("The checks, of one dataset or all").Produces<List<CheckInfo>>();
        read.MapGet("/checks/{id:int}", async (int id, HubDb db) =>
            await db.Checks.AsNoTracking().Where(c => c.Id == id).Select(c => new CheckInfo(c.Id, c.DatasetId, c.Identity, c.Name, c.Definition, c.Column, c.Metric, c.Dimension)).FirstOrDefaultAsync() is { } c
                ? Http.Ok(c) : Http.NotFound(new { detail = $"No check {id}." }))
            .WithName("getCheck").WithSummary("A check, by id").Produces<CheckInfo>().Produces<ApiError>(StatusCodes.Status404NotFound);
        read.MapGet("/checks/{id:int}/results", async (int id, HubDb db, int? limit) =>
        {
            if (!await db.Checks.AnyAsync(c => c.Id == id)) return Http.NotFound(new { detail = $"No check {id}." });
            // SQLite cannot order by DateTimeOffset; the results are read and ordered by data timestamp here (bounded by limit).
            var rows = await db.CheckResults.AsNoTracking().Where(r => r.CheckId == id).OrderByDescending(r => r.Id).Take(Math.Clamp(limit ?? 1000, 1, 10_000))
                .Select(r => new CheckResultPoint(r.ScanId, r.Outcome, r.Value, r.DataTimestamp)).ToListAsync();
            return Http.Ok(rows.OrderBy(r => r.DataTimestamp));
        }).WithName("listCheckResults").WithSummary("A check's results over time, oldest data first")
            .WithDescription("The newest `limit` results (default 1000, at most 10000), in data timestamp order.")
            .Produces<List<CheckResultPoint>>().Produces<ApiError>(StatusCodes.Status404NotFound);
        read.MapGet("/checks/{id:int}/samples", async (int id, HubDb db, int? scan_id) =>
        {
            if (!await db.Checks.AnyAsync(c => c.Id == id)) return Http.NotFound(new { detail = $"No check {id}." });
            // The newest scan's sample unless one is named (scan ids grow with storage order).
            var kept = await db.CheckSamples.AsNoTracking().Where(s => s.CheckId == id && (scan_id == null || s.ScanId == scan_id))
                .OrderByDescending(s => s.ScanId).FirstOrDefaultAsync();
            if (kept is null)
                return Http.NotFound(new { detail = scan_id is null ? $"No failed-row sample is kept for check {id}." : $"No failed-row sample is kept for check {id} in scan {scan_id}." });
            return Http.Ok(new CheckSampleInfo(kept.ScanId, [.. kept.ReadColumns().Select(c => new SampleColumnInfo(c.Name, c.Type))], kept.ReadRows(),
                kept.StoredRowCount, kept.TotalRowCount, kept.Truncated));
        }).WithName("getCheckSample").WithSummary("The failed rows kept from a check's latest failing result (or from scan_id)")
            .WithDescription("Kept within the hub's sample limits (--sample-rows per check, --sample-bytes per scan); none when the hub runs with --no-samples.")
            .Produces<CheckSampleInfo>().Produces<ApiError>(StatusCodes.Status404NotFound);
    }
}
