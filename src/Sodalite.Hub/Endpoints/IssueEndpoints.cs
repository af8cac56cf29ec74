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
                .ToListAsync())).RequireAuthorization(Policies.Read);

        app.MapGet("/api/v2/issues/{id:int}", async (int id, HubDb db) =>
        {
            var issue = await db.Issues.AsNoTracking().Include(i => i.Events).Include(i => i.Check).FirstOrDefaultAsync(i => i.Id == id);
            return issue is null ? Http.NotFound(new { detail = $"No issue {id}." }) : Http.Ok(Describe(issue));
        }).RequireAuthorization(Policies.Read);

        app.MapPatch("/api/v2/issues/{id:int}", async (int id, IssueChange change, HubDb db, HttpContext http, TimeProvider time) =>
        {
            var issue = await db.Issues.Include(i => i.Events).Include(i => i.Check).FirstOrDefaultAsync(i => i.Id == id);
            if (issue is null) return Http.NotFound(new { detail = $"No issue {id}." });
            if (Ingestion.IssueActions.Apply(issue, change.Action, change.Assignee, change.Note, AuthEndpoints.UserName(http), time.GetUtcNow()) is { } refused)
                return Http.Json(refused.Field is null ? new { detail = refused.Detail } : (object)new { detail = refused.Detail, field = refused.Field }, statusCode: refused.Status);
            await db.SaveChangesAsync();
            return Http.Ok(Describe(issue));
        }).RequireAuthorization(Policies.Write);
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
