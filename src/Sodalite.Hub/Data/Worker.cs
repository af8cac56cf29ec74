namespace Sodalite.Hub.Data;

/// <summary>
/// A QALITA worker (older CLIs: agent) registered with the hub by <c>qalita worker login</c> (POST /api/v2/workers/create), kept
/// alive by its heartbeats (PUT /api/v2/workers/{id}); its id is the <c>agent_id</c> of the jobs it runs (spec/qalita.md §2.4).
/// </summary>
public sealed class Worker
{
    /// <summary>Database id: the worker's <c>id</c>, which the CLI stores as <c>context.remote.id</c>.</summary>
    public int Id { get; set; }
    /// <summary>The worker's name (<c>qalita worker -n</c>); unique: the CLI finds its worker by name.</summary>
    public required string Name { get; set; }
    /// <summary>job (runs one job and stops) or worker (polls for jobs), as registered.</summary>
    public string Mode { get; set; } = "job";
    /// <summary>The last status reported: online, offline, starting, busy, succeeded or failed.</summary>
    public string Status { get; set; } = "online";
    /// <summary>Whether the worker may take jobs; a worker set inactive gets none from its job claim.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>The <see cref="User"/> whose token registered it.</summary>
    public int? UserId { get; set; }
    /// <summary>When it registered (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Its last call that reported its status, registration included (UTC).</summary>
    public DateTimeOffset LastSeenAt { get; set; }
}
