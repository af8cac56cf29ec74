namespace Sodalite.Hub.Endpoints;

/// <summary>
/// The JSON body of POST /api/v2/workers/create (<c>{"name","mode","status","is_active"}</c>, as <c>qalita worker login</c> sends it) and
/// of the heartbeat PUT /api/v2/workers/{id} (<c>{"status"}</c>); a null field keeps the stored value (spec/qalita.md §2.4).
/// </summary>
/// <param name="Name">The worker's name: required to create, unique.</param>
/// <param name="Mode">job or worker (job when left out at creation).</param>
/// <param name="Status">online, offline, starting, busy, succeeded or failed (online when left out at creation).</param>
/// <param name="IsActive">Whether the worker may claim jobs (true when left out at creation).</param>
public sealed record WorkerBody(string? Name, string? Mode, string? Status, bool? IsActive);
