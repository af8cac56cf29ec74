using Sodalite.Hub.Data;

namespace Sodalite.Hub.Endpoints;

/// <summary>A QALITA worker as GET /api/v2/workers lists it (QALITA's fields id, name, mode, status, is_active, jobs; spec/qalita.md §3.2).</summary>
/// <param name="Id">The worker's id: the agent_id of its jobs.</param>
/// <param name="Name">Its name, unique.</param>
/// <param name="Mode">job or worker.</param>
/// <param name="Status">Its last reported status: online, offline, starting, busy, succeeded or failed.</param>
/// <param name="IsActive">Whether it may claim jobs.</param>
/// <param name="UserId">The user whose token registered it.</param>
/// <param name="CreatedAt">When it registered (UTC).</param>
/// <param name="LastSeenAt">Its last registration, heartbeat or job claim (UTC).</param>
/// <param name="Jobs">Its jobs, newest first (at most 100).</param>
public sealed record WorkerInfo(int Id, string Name, string Mode, string Status, bool IsActive, int? UserId, DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt, IReadOnlyList<Job> Jobs);
