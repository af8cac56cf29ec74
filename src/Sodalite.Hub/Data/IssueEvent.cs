namespace Sodalite.Hub.Data;

/// <summary>One change of an <see cref="Issue"/>, by the hub (from results) or by a person.</summary>
public sealed class IssueEvent
{
    /// <summary>Database id; orders the events.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Issue"/> changed.</summary>
    public int IssueId { get; set; }
    /// <summary>When (UTC, the hub's clock).</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>opened, updated, resolved, reopened, acknowledged, assigned, muted, unmuted, commented.</summary>
    public required string Kind { get; set; }
    /// <summary>The user, or "hub" for changes made by ingested results.</summary>
    public required string Actor { get; set; }
    /// <summary>For the hub's events what was observed (e.g. "check name: fail"); for assigned the assignee; else what the person wrote.</summary>
    public string? Note { get; set; }
    /// <summary>The scan that caused it, for the hub's events from a scan.</summary>
    public int? ScanId { get; set; }
    /// <summary>That scan, when loaded.</summary>
    public Scan? Scan { get; set; }
}
