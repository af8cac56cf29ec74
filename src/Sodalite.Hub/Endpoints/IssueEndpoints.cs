// Issues: list (by status, dataset, severity), read with their event log, and change by people: acknowledge, assign,
// mute, unmute, resolve with a note, comment. Every change is an event.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

/// <summary>The issue routes: GET /api/v2/issues (filters status, dataset_id, severity, muted), GET and PATCH /api/v2/issues/{id}.</summary>
public static class IssueEndpoints
{
    /// <summary>
    /// Maps the routes: reads need any role, PATCH admin or dataengineer. PATCH takes an <see cref="IssueChange"/>; errors answer JSON
    /// <c>detail</c> (and <c>field</c> when one is at fault): 404 for an unknown issue, 400 for an unknown action or a missing assignee
    /// or note, 409 to acknowledge an issue that is not open.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v2/issues", async (HubDb db, string? status, int? dataset_id, string? severity, bool? muted) =>
            Http.Ok(await db.Issues.AsNoTracking()
                .Where(i => (status == null || i.Status == status) && (dataset_id == null || i.DatasetId == dataset_id)
                            && (severity == null || i.Severity == severity) && (muted == null || i.Muted == muted))
                .OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.Title, i.Status, i.Severity, i.Muted, i.Assignee, i.DatasetId, i.CheckId, CheckIdentity = i.Check!.Identity, i.Occurrences, i.FirstSeenAt, i.LastSeenAt, i.ResolvedByScanId, i.ResolvedAt })
                .ToListAsync())).RequireAuthorization(Policies.Read)
            .WithTags("issues").WithName("listIssues").WithSummary("The issues, filtered by status, dataset, severity or muted")
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
            var now = time.GetUtcNow();
            string actor = AuthEndpoints.UserName(http);
            string? kind;
            switch (change.Action)
            {
                case "acknowledge" when issue.Status == "open":
                    issue.Status = "acknowledged";
                    kind = "acknowledged";
                    break;
                case "acknowledge":
                    return Http.Conflict(new { detail = $"Only an open issue can be acknowledged; issue {id} is {issue.Status}." });
                case "assign":
                    if (string.IsNullOrWhiteSpace(change.Assignee)) return Http.BadRequest(new { detail = "assign needs an assignee.", field = "assignee" });
                    issue.Assignee = change.Assignee;
                    kind = "assigned";
                    break;
                case "mute":
                    issue.Muted = true;
                    kind = "muted";
                    break;
                case "unmute":
                    issue.Muted = false;
                    kind = "unmuted";
                    break;
                case "resolve":
                    if (string.IsNullOrWhiteSpace(change.Note)) return Http.BadRequest(new { detail = "resolve needs a note saying why.", field = "note" });
                    issue.Status = "resolved";
                    issue.ResolvedAt = now;
                    issue.ResolvedByScanId = null;
                    kind = "resolved";
                    break;
                case "comment":
                    if (string.IsNullOrWhiteSpace(change.Note)) return Http.BadRequest(new { detail = "comment needs a note.", field = "note" });
                    kind = "commented";
                    break;
                default:
                    return Http.BadRequest(new { detail = "action must be acknowledge, assign, mute, unmute, resolve or comment.", field = "action" });
            }
            issue.UpdatedAt = now;
            issue.Events.Add(new IssueEvent { IssueId = issue.Id, At = now, Kind = kind, Actor = actor, Note = change.Assignee is { } a && kind == "assigned" ? a : change.Note });
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
