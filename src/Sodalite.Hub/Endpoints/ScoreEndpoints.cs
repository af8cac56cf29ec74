// Scores: the share of passed checks per scan, for a dataset or a whole source, overall or per quality dimension; latest and series.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

public static class ScoreEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v2/scores").RequireAuthorization(Policies.Read);
        // The series: one point per scan, oldest first. Without dataset_id, the source-level score.
        read.MapGet("/series", async (HubDb db, int? source_id, int? dataset_id, string? dimension) =>
            Http.Ok((await Query(db, source_id, dataset_id, dimension).ToListAsync()).OrderBy(s => s.DataTimestamp).ThenBy(s => s.ScanId)
                .Select(s => new { s.ScanId, s.SourceId, s.DatasetId, s.Dimension, s.Value, s.Passed, s.Total, s.Errors, s.DataTimestamp })))
            .WithTags("scores").WithName("listScoreSeries").WithSummary("A score over time: one point per scan, oldest first")
            .WithDescription("Without dataset_id, the source-level score; without dimension, the overall score.")
            .Produces<List<ScorePoint>>();
        // The latest score of each (source, dataset, dimension), with the source's and the dataset's names (dataset null for the
        // source's own score). source: a source name.
        read.MapGet("", async (HubDb db, int? source_id, int? dataset_id, string? dimension, string? source) =>
        {
            var latest = (await db.Scores.AsNoTracking()
                    .Where(s => (source_id == null || s.SourceId == source_id) && (dataset_id == null || s.DatasetId == dataset_id) && (dimension == null || s.Dimension == dimension)
                                && (source == null || db.Sources.Any(o => o.Id == s.SourceId && o.Name == source)))
                    .ToListAsync())
                .GroupBy(s => (s.SourceId, s.DatasetId, s.Dimension))
                .Select(g => g.OrderBy(s => s.DataTimestamp).ThenBy(s => s.ScanId).Last())
                .OrderBy(s => s.SourceId).ThenBy(s => s.DatasetId).ThenBy(s => s.Dimension)
                .ToList();
            var sourceIds = latest.Select(s => s.SourceId).Distinct().ToList();
            var sources = await db.Sources.AsNoTracking().Where(o => sourceIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
            var datasets = await db.Datasets.AsNoTracking().Where(d => sourceIds.Contains(d.SourceId)).ToDictionaryAsync(d => d.Id, d => d.Name);
            return Http.Ok(latest.Select(s => new
            {
                s.ScanId,
                s.SourceId,
                s.DatasetId,
                s.Dimension,
                s.Value,
                s.Passed,
                s.Total,
                s.Errors,
                s.DataTimestamp,
                Source = sources.GetValueOrDefault(s.SourceId),
                Dataset = s.DatasetId is int d ? datasets.GetValueOrDefault(d) : null,
            }));
        })
            .WithTags("scores").WithName("listLatestScores").WithSummary("The latest score of each source, dataset and dimension")
            .Produces<List<ScorePoint>>();
    }

    private static IQueryable<Score> Query(HubDb db, int? sourceId, int? datasetId, string? dimension) =>
        db.Scores.AsNoTracking().Where(s => (sourceId == null || s.SourceId == sourceId) && s.DatasetId == datasetId && s.Dimension == dimension);
}
