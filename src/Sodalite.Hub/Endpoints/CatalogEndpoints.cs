// Sources, datasets, checks, and a check's results over time.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

public static class CatalogEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v2").RequireAuthorization(Policies.Read);
        read.MapGet("/datasets", async (HubDb db, int? source_id) =>
            Http.Ok(await db.Datasets.AsNoTracking().Where(d => source_id == null || d.SourceId == source_id)
                .OrderBy(d => d.Id).Select(d => new { d.Id, d.SourceId, Source = d.Source!.Name, d.Name }).ToListAsync()));
        read.MapGet("/datasets/{id:int}", async (int id, HubDb db) =>
            await db.Datasets.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Id, d.SourceId, Source = d.Source!.Name, d.Name }).FirstOrDefaultAsync() is { } d
                ? Http.Ok(d) : Http.NotFound(new { detail = $"No dataset {id}." }));
        read.MapGet("/checks", async (HubDb db, int? dataset_id) =>
            Http.Ok(await db.Checks.AsNoTracking().Where(c => dataset_id == null || c.DatasetId == dataset_id)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.DatasetId, c.Identity, c.Name, c.Definition, c.Column, c.Metric, c.Dimension }).ToListAsync()));
        read.MapGet("/checks/{id:int}", async (int id, HubDb db) =>
            await db.Checks.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, c.DatasetId, c.Identity, c.Name, c.Definition, c.Column, c.Metric, c.Dimension }).FirstOrDefaultAsync() is { } c
                ? Http.Ok(c) : Http.NotFound(new { detail = $"No check {id}." }));
        read.MapGet("/checks/{id:int}/results", async (int id, HubDb db, int? limit) =>
        {
            if (!await db.Checks.AnyAsync(c => c.Id == id)) return Http.NotFound(new { detail = $"No check {id}." });
            // SQLite cannot order by DateTimeOffset; the results are read and ordered by data timestamp here (bounded by limit).
            var rows = await db.CheckResults.AsNoTracking().Where(r => r.CheckId == id).OrderByDescending(r => r.Id).Take(Math.Clamp(limit ?? 1000, 1, 10_000))
                .Select(r => new { r.ScanId, r.Outcome, r.Value, r.DataTimestamp }).ToListAsync();
            return Http.Ok(rows.OrderBy(r => r.DataTimestamp));
        });
    }
}
