namespace Sodalite.Hub.Data;

/// <summary>A QALITA job (a pack run), created and closed by workers around their uploads.</summary>
public sealed class Job
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The worker's name for the run, as sent.</summary>
    public string? Name { get; set; }
    /// <summary>pending (waiting for a worker to claim it), running, succeeded or failed.</summary>
    public string Status { get; set; } = "running";
    /// <summary>The QALITA worker (agent) id, as sent.</summary>
    public int? AgentId { get; set; }
    /// <summary>The <see cref="Source"/> id, as sent (not checked).</summary>
    public int? SourceId { get; set; }
    /// <summary>The <see cref="SourceVersion"/> id, as sent (not checked).</summary>
    public int? SourceVersionId { get; set; }
    /// <summary>The <see cref="Pack"/> id, as sent (not checked).</summary>
    public int? PackId { get; set; }
    /// <summary>The <see cref="PackVersion"/> id, as sent (not checked).</summary>
    public int? PackVersionId { get; set; }
    /// <summary>The start as the worker writes it ("yyyy-MM-dd HH:mm:ss", UTC); kept as text.</summary>
    public string? StartDate { get; set; }
    /// <summary>The end as the worker writes it ("yyyy-MM-dd HH:mm:ss", UTC); kept as text.</summary>
    public string? EndDate { get; set; }
    /// <summary>QALITA's logs id, as sent.</summary>
    public int? LogsId { get; set; }
    /// <summary>QALITA's job type (e.g. routine), as sent.</summary>
    public string? Type { get; set; }
    /// <summary>The target source id of a comparison pack, as sent.</summary>
    public int? TargetId { get; set; }
    /// <summary>The target source version id, as sent.</summary>
    public int? TargetVersionId { get; set; }
    /// <summary>The routine (schedule) that made the job, as sent.</summary>
    public int? RoutineId { get; set; }
    /// <summary>A pack configuration replacing the pack's own for this job (QALITA sends pack_conf.json as a JSON string).</summary>
    public string? PackConfigOverride { get; set; }
    /// <summary>When a worker claimed it (GET /api/v1/workers/{id}/jobs/next), UTC; null for a job created running.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }
    /// <summary>When the hub created the job (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the job was last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
