// Issues: list (filtered by status, severity, muted, source, dataset, assignee; in pages), read with their event log, and change
// by people: acknowledge, assign, mute, unmute, resolve with a note, comment. Every change is an event.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

/// <summary>
/// The issue routes: GET /api/v2/issues (filters status, severity, muted, source, source_id, dataset, dataset_id, assignee; pages
/// with limit and offset; the X-Total-Count header counts every match), GET and PATCH /api/v2/issues/{id}.
/// </summary>
public static class IssueEndpoints
{
    private const int DefaultLimit = 1000, MaxLimit = 10000;
    private static readonly string[] Statuses = ["open", "acknowledged", "resolved"], Severities = ["high", "warning"];

    /// <summary>
    /// Maps the routes: reads need any role, PATCH admin or dataengineer. The list answers 400 <c>{detail, field}</c> for a status
    /// other than open, acknowledged or resolved, a severity other than high or warning, a limit outside 1..10000 (default 1000) or a
    /// negative offset; its items carry the source and dataset names and the source id. PATCH takes an <see cref="IssueChange"/>;
    /// errors answer JSON <c>detail</c> (and <c>field</c> when one is at fault): 404 for an unknown issue, 400 for an unknown action
    /// or a missing assignee or note, 409 to acknowledge an issue that is not open.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v2/issues", async (HubDb db, HttpResponse response, string? status, int? dataset_id, string? severity, bool? muted,
            string? source, int? source_id, string? dataset, string? assignee, int? limit, int? offset) =>
        {
            if (status is not null && !Statuses.Contains(status))
                return Http.BadRequest(new { detail = $"status must be open, acknowledged or resolved, not '{status}'.", field = "status" });
            if (severity is not null && !Severities.Contains(severity))
                return Http.BadRequest(new { detail = $"severity must be high or warning, not '{severity}'.", field = "severity" });
            if (limit is < 1 or > MaxLimit) return Http.BadRequest(new { detail = $"limit must be between 1 and {MaxLimit}.", field = "limit" });
            if (offset is < 0) return Http.BadRequest(new { detail = "offset must be 0 or more.", field = "offset" });
            var matching = db.Issues.AsNoTracking()
                .Where(i => (status == null || i.Status == status) && (dataset_id == null || i.DatasetId == dataset_id)
                            && (severity == null || i.Severity == severity) && (muted == null || i.Muted == muted)
                            && (source == null || i.Dataset!.Source!.Name == source) && (source_id == null || i.Dataset!.SourceId == source_id)
                            && (dataset == null || i.Dataset!.Name == dataset) && (assignee == null || i.Assignee == assignee));
            // The whole count, so a client reading a page knows whether there are more.
            response.Headers["X-Total-Count"] = (await matching.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Http.Ok(await matching
                .OrderBy(i => i.Id).Skip(offset ?? 0).Take(limit ?? DefaultLimit)
                .Select(i => new
                {
                    i.Id,
                    i.Title,
                    i.Status,
                    i.Severity,
                    i.Muted,
                    i.Assignee,
                    i.DatasetId,
                    i.CheckId,
                    CheckIdentity = i.Check!.Identity,
                    i.Occurrences,
                    i.FirstSeenAt,
                    i.LastSeenAt,
                    i.ResolvedByScanId,
                    i.ResolvedAt,
                    i.Dataset!.SourceId,
                    Source = i.Dataset!.Source!.Name,
                    Dataset = i.Dataset!.Name,
                })
                .ToListAsync());
        }).RequireAuthorization(Policies.Read)
            .WithTags("issues").WithName("listIssues").WithSummary("The issues, filtered by status, source, dataset, severity, assignee or muted; paged")
            .Produces<List<IssueSummary>>();

        app.MapGet("/api/v2/issues/{id:int}", async (int id, HubDb db) =>
        {
            var issue = await db.Issues.AsNoTracking().Include(i => i.Events).Include(i => i.Check).FirstOrDefaultAsync(i => i.Id == id);
            return issue is null ? Http.NotFound(new { detail = $"No issue {id}." }) : Http.Ok(Describe(issue));
        }).RequireAuthorization(Policies.Read)
            .WithTags("issues").WithName("getIssue").WithSummary("An issue with its event log")
            .Produces<IssueDetail>().Produces<ApiError>(StatusCodes.Status404NotFound);

        app.MapPatch("/api/v2/issues/{id:int}", async (int id, IssueChange change, HubDb db, HttpContext http, TimeProvider time) =>
        {
            var issue = await db.Issues.Include(i => i.Events).Include(i => i.Check).FirstOrDefaultAsync(i => i.Id == id);
            if (issue is null) return Http.NotFound(new { detail = $"No issue {id}." });
            if (Ingestion.IssueActions.Apply(issue, change.Action, change.Assignee, change.Note, AuthEndpoints.UserName(http), time.GetUtcNow()) is { } refused)
                return Http.Json(refused.Field is null ? new { detail = refused.Detail } : (object)new { detail = refused.Detail, field = refused.Field }, statusCode: refused.Status);
            await db.SaveChangesAsync();
            return Http.Ok(Describe(issue));
        }).RequireAuthorization(Policies.Write)
            .WithTags("issues").WithName("changeIssue").WithSummary("Acknowledge, assign, mute, unmute, resolve or comment on an issue")
            .WithDescription("One change by a person, recorded as an issue event; answers the issue. assign needs assignee; resolve and comment need note. Only an open issue can be acknowledged (else 409).")
            .Produces<IssueDetail>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status404NotFound)
            .Produces<ApiError>(StatusCodes.Status409Conflict);
    }

    private static object Describe(Issue i) => new
    {
        i.Id,
        i.Title,
        i.Status,
        i.Severity,
        i.Muted,
        i.Assignee,
        i.DatasetId,
        i.CheckId,
        CheckIdentity = i.Check?.Identity,
        i.Occurrences,
        i.FirstSeenAt,
        i.LastSeenAt,
        i.ResolvedByScanId,
        i.ResolvedAt,
        Events = i.Events.OrderBy(e => e.Id).Select(e => new { e.Kind, e.Actor, e.Note, e.ScanId, e.At }),
    };
}
