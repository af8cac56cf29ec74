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
                .Select(s => new { s.ScanId, s.SourceId, s.DatasetId, s.Dimension, s.Value, s.Passed, s.Total, s.DataTimestamp })))
            .WithTags("scores").WithName("listScoreSeries").WithSummary("A score over time: one point per scan, oldest first")
            .WithDescription("Without dataset_id, the source-level score; without dimension, the overall score.")
            .Produces<List<ScorePoint>>();
        // The latest score of each (source, dataset, dimension).
        read.MapGet("", async (HubDb db, int? source_id, int? dataset_id, string? dimension) =>
            Http.Ok((await db.Scores.AsNoTracking()
                    .Where(s => (source_id == null || s.SourceId == source_id) && (dataset_id == null || s.DatasetId == dataset_id) && (dimension == null || s.Dimension == dimension))
                    .ToListAsync())
                .GroupBy(s => (s.SourceId, s.DatasetId, s.Dimension))
                .Select(g => g.OrderBy(s => s.DataTimestamp).ThenBy(s => s.ScanId).Last())
                .OrderBy(s => s.SourceId).ThenBy(s => s.DatasetId).ThenBy(s => s.Dimension)
                .Select(s => new { s.ScanId, s.SourceId, s.DatasetId, s.Dimension, s.Value, s.Passed, s.Total, s.DataTimestamp })))
            .WithTags("scores").WithName("listLatestScores").WithSummary("The latest score of each source, dataset and dimension")
            .Produces<List<ScorePoint>>();
    }

    private static IQueryable<Score> Query(HubDb db, int? sourceId, int? datasetId, string? dimension) =>
        db.Scores.AsNoTracking().Where(s => (sourceId == null || s.SourceId == sourceId) && s.DatasetId == datasetId && s.Dimension == dimension);
}
