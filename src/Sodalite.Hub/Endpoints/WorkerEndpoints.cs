// What a QALITA worker asks of the platform besides uploads (spec/qalita.md §2.4-§2.5, §3.3): its registration and heartbeats, the
// registries and partners, the routines, and in worker mode the claim of the next pending job. A job is claimed by one conditional
// UPDATE (status pending → running), so two workers, or two hub processes on one database, never run the same job.
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sodalite.Hub.Data;
using Sodalite.Hub.Ingestion;
using Sodalite.Hub.OpenApi;
using Http = Microsoft.AspNetCore.Http.Results;

namespace Sodalite.Hub.Endpoints;

/// <summary>The worker routes of QALITA's API, as the <c>qalita</c> CLI calls them.</summary>
public static class WorkerEndpoints
{
    /// <summary>The statuses a worker reports (spec/qalita.md §2.4).</summary>
    public static readonly string[] Statuses = ["online", "offline", "starting", "busy", "succeeded", "failed"];

    /// <summary>The worker modes: job (one job, then stop) and worker (poll for jobs).</summary>
    public static readonly string[] Modes = ["job", "worker"];

    /// <summary>
    /// Maps GET /api/v2/workers, GET /api/v2/workers/{id} (204 when unknown, as QALITA answers), GET /api/v2/registries,
    /// GET /api/v1/partners and GET /api/v2/routines (any role); POST /api/v2/workers/create (201; 409 for a name in use),
    /// PUT /api/v2/workers/{id} and GET /api/v1/workers/{id}/jobs/next (admin or dataengineer). Errors answer JSON <c>detail</c> and
    /// <c>field</c>: 400 for a bad name, mode or status, 404 for an unknown worker.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("").RequireAuthorization(Policies.Read).WithTags("qalita");
        var write = app.MapGroup("").RequireAuthorization(Policies.Write).WithTags("qalita");

        read.MapGet("/api/v2/workers", async (HubDb db) =>
        {
            var workers = await db.Workers.AsNoTracking().OrderBy(w => w.Id).ToListAsync();
            var result = new List<WorkerInfo>(workers.Count);
            foreach (var w in workers) result.Add(await DescribeAsync(db, w));
            return Http.Ok(result);
        }).WithName("listWorkers").WithSummary("The registered QALITA workers, with their latest jobs")
            .WithDescription("qalita worker login finds its worker here by name.")
            .Produces<List<WorkerInfo>>();
        read.MapGet("/api/v2/workers/{id:int}", async (int id, HubDb db) =>
            await db.Workers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id) is { } w ? Http.Ok(await DescribeAsync(db, w)) : Http.NoContent())
            .WithName("getWorker").WithSummary("A worker, by id (204 when there is none, as QALITA answers)")
            .Produces<WorkerInfo>().Produces(StatusCodes.Status204NoContent);
        write.MapPost("/api/v2/workers/create", async (HttpContext http, WorkerBody body, HubDb db, TimeProvider time) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name)) return Http.BadRequest(new { detail = "name is required: the worker's name (qalita worker -n NAME).", field = "name" });
            if (Invalid(body) is { } bad) return bad;
            if (await db.Workers.AnyAsync(w => w.Name == body.Name)) return NameInUse(body.Name);
            var now = time.GetUtcNow();
            var worker = new Worker
            {
                Name = body.Name,
                Mode = body.Mode ?? "job",
                Status = body.Status ?? "online",
                IsActive = body.IsActive ?? true,
                UserId = int.TryParse(http.User.FindFirst("sub")?.Value, CultureInfo.InvariantCulture, out int user) ? user : null,
                CreatedAt = now,
                LastSeenAt = now,
            };
            db.Workers.Add(worker);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException e) when (DatabaseRefusal.Classify(e) is { Status: 409 })
            {
                // Another login registered the same name between the check and the insert: the unique index decided.
                return NameInUse(body.Name);
            }
            return Http.Created($"/api/v2/workers/{worker.Id}", await DescribeAsync(db, worker));
        }).WithName("createWorker").WithSummary("Register a worker (qalita worker login, when its name is not listed)")
            .WithDescription("Answers 201 with the worker; its id is the agent_id of the jobs it creates.")
            .Produces<WorkerInfo>(StatusCodes.Status201Created)
            .Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status409Conflict);
        write.MapPut("/api/v2/workers/{id:int}", async (int id, WorkerBody body, HubDb db, TimeProvider time) =>
        {
            if (Invalid(body) is { } bad) return bad;
            var worker = await db.Workers.FirstOrDefaultAsync(w => w.Id == id);
            if (worker is null) return Http.NotFound(new { detail = $"No worker {id}: register it with POST /api/v2/workers/create (qalita worker login)." });
            if (body.Name is { Length: > 0 } name && name != worker.Name && await db.Workers.AnyAsync(w => w.Name == name)) return NameInUse(name);
            worker.Name = body.Name is { Length: > 0 } n ? n : worker.Name;
            worker.Mode = body.Mode ?? worker.Mode;
            worker.Status = body.Status ?? worker.Status;
            worker.IsActive = body.IsActive ?? worker.IsActive;
            worker.LastSeenAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException e) when (DatabaseRefusal.Classify(e) is { Status: 409 })
            {
                return NameInUse(worker.Name);
            }
            return Http.Ok(await DescribeAsync(db, worker));
        }).WithName("updateWorker").WithSummary("A worker's heartbeat or change: its status, mode, name, whether it is active")
            .WithDescription("QALITA's worker sends {\"status\": \"online\"} every 10 seconds in worker mode; every call records when the worker was last seen.")
            .Produces<WorkerInfo>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound)
            .Produces<ApiError>(StatusCodes.Status409Conflict);
        write.MapGet("/api/v1/workers/{id:int}/jobs/next", async (int id, HubDb db, TimeProvider time) =>
        {
            var worker = await db.Workers.FirstOrDefaultAsync(w => w.Id == id);
            if (worker is null) return Http.NotFound(new { detail = $"No worker {id}: register it with POST /api/v2/workers/create (qalita worker login)." });
            var now = time.GetUtcNow();
            worker.LastSeenAt = now;
            await db.SaveChangesAsync();
            if (!worker.IsActive) return Http.NoContent();
            // A job this worker claimed and never took up (no PUT since the claim: the answer was lost, or the worker restarted) is
            // handed to it again rather than left running with nobody running it.
            if (await db.Jobs.AsNoTracking().Where(j => j.AgentId == id && j.Status == "running" && j.ClaimedAt != null && j.UpdatedAt == j.ClaimedAt)
                    .OrderBy(j => j.Id).FirstOrDefaultAsync() is { } unanswered)
                return Http.Ok(unanswered);
            string start = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            // The oldest pending job meant for this worker or for any; a claim another worker won first is skipped.
            for (int attempt = 0; attempt < 10; attempt++)
            {
                int? candidate = await db.Jobs.Where(j => j.Status == "pending" && (j.AgentId == null || j.AgentId == id))
                    .OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync();
                if (candidate is null) return Http.NoContent();
                int claimed = await db.Jobs.Where(j => j.Id == candidate && j.Status == "pending")
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, "running").SetProperty(j => j.AgentId, id)
                        .SetProperty(j => j.StartDate, start).SetProperty(j => j.UpdatedAt, now).SetProperty(j => j.ClaimedAt, now));
                if (claimed == 1) return Http.Ok(await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == candidate));
            }
            return Http.NoContent();
        }).WithName("claimNextJob").WithSummary("Claim the oldest pending job for a worker (QALITA's worker mode polls this)")
            .WithDescription("Answers the job, now running with the worker as its agent and the start date set, or 204 when no job is pending for it (or the worker is inactive). A job created pending with an agent_id waits for that worker; without one, for any. Each job is claimed once, also by workers of different hub processes. A job the worker claimed but never updated (PUT /api/v2/jobs/{id}) is answered again on its next poll, so a lost answer or a restart does not strand it; to hand a stranded job to another worker, PUT it back to pending with that worker's agent_id.")
            .Produces<Job>().Produces(StatusCodes.Status204NoContent).Produces<ApiError>(StatusCodes.Status404NotFound);

        read.MapGet("/api/v2/registries", (HttpRequest request) => Http.Ok(new[] { new RegistryInfo(1, "hub", "database", $"{request.Scheme}://{request.Host}{request.PathBase}/api/v1/assets") }))
            .WithName("listRegistries").WithSummary("The file registries: the hub's own (id 1), for job logs and pack archives")
            .Produces<List<RegistryInfo>>();
        read.MapGet("/api/v1/partners", () => Http.Ok(new[] { new PartnerInfo(1, "Sodalite hub") }))
            .WithName("listPartners").WithSummary("QALITA's partners (organisations): the hub is one")
            .Produces<List<PartnerInfo>>();
        read.MapGet("/api/v2/routines", () => Http.Ok(Array.Empty<object>()))
            .WithName("listRoutines").WithSummary("QALITA's routines (scheduled jobs): the hub schedules none, so the list is empty")
            .WithDescription("Schedule scans with your orchestrator, or create pending jobs (POST /api/v2/jobs/create with status pending) for workers to claim.")
            .Produces<List<object>>();
    }

    private static IResult? Invalid(WorkerBody body)
    {
        if (body.Mode is not null && !Modes.Contains(body.Mode))
            return Http.BadRequest(new { detail = $"mode must be {string.Join(" or ", Modes)}.", field = "mode" });
        if (body.Status is not null && !Statuses.Contains(body.Status))
            return Http.BadRequest(new { detail = $"status must be one of {string.Join(", ", Statuses)}.", field = "status" });
        if (body.Name is { } name && (name.Length > 200 || name.Any(char.IsControl) || InputGuard.TextProblem(name) is not null))
            return Http.BadRequest(new { detail = "name must be at most 200 characters of text, without control characters.", field = "name" });
        return null;
    }

    private static IResult NameInUse(string name) =>
        Http.Conflict(new { detail = $"A worker named {name} is registered already: GET /api/v2/workers lists it with its id.", field = "name" });

    private static async Task<WorkerInfo> DescribeAsync(HubDb db, Worker w) =>
        new(w.Id, w.Name, w.Mode, w.Status, w.IsActive, w.UserId, w.CreatedAt, w.LastSeenAt,
            await db.Jobs.AsNoTracking().Where(j => j.AgentId == w.Id).OrderByDescending(j => j.Id).Take(100).ToListAsync());
}
