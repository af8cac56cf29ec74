namespace Sodalite.Hub.Data;

/// <summary>
/// The issue of one check on one dataset (at most one per pair): opened by a fail or warn, resolved by a pass, reopened by a later
/// failure.
/// </summary>
public sealed class Issue
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Dataset"/> it is on.</summary>
    public int DatasetId { get; set; }
    /// <summary>The dataset, when loaded.</summary>
    public Dataset? Dataset { get; set; }
    /// <summary>The <see cref="Data.Check"/> that raised it.</summary>
    public int CheckId { get; set; }
    /// <summary>The check, when loaded.</summary>
    public Check? Check { get; set; }
    /// <summary>"dataset: check name" at opening.</summary>
    public required string Title { get; set; }
    /// <summary>open, acknowledged or resolved.</summary>
    public required string Status { get; set; }
    /// <summary>high (a failed check) or warning (a warned one).</summary>
    public required string Severity { get; set; }
    /// <summary>Set and cleared by people (mute, unmute); the hub keeps updating a muted issue.</summary>
    public bool Muted { get; set; }
    /// <summary>Who it is assigned to (free text), when assigned.</summary>
    public string? Assignee { get; set; }
    /// <summary>How many fail or warn observations it has had.</summary>
    public int Occurrences { get; set; }
    /// <summary>Data timestamp of the observation that opened it.</summary>
    public DateTimeOffset FirstSeenAt { get; set; }
    /// <summary>Data timestamp of the newest fail or warn observation.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>Data timestamp of the newest scan that set the state: an older scan arriving later does not change it.</summary>
    public DateTimeOffset StateTimestamp { get; set; }
    /// <summary>The scan whose pass resolved it; null while open or when a person resolved it.</summary>
    public int? ResolvedByScanId { get; set; }
    /// <summary>That scan, when loaded.</summary>
    public Scan? ResolvedByScan { get; set; }
    /// <summary>When it was resolved (UTC, the hub's clock); null while not resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
    /// <summary>When it was opened (UTC, the hub's clock).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When it last changed (UTC, the hub's clock).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Its event log, oldest first by id.</summary>
    public List<IssueEvent> Events { get; set; } = [];
}
