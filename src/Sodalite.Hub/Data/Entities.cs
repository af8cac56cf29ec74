// What the hub stores: sources and datasets, checks (by Soda check identity), scans with their results and metric
// values, scores, issues with their event log, users and API tokens.
namespace Sodalite.Hub.Data;

public sealed class User
{
    public int Id { get; set; }
    public required string Username { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>admin, dataengineer (write) or viewer (read).</summary>
    public required string Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ApiToken
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User? User { get; set; }
    public required string Name { get; set; }
    /// <summary>SHA-256 of the token, hex: the token itself is shown once and never stored.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class Source
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class Dataset
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public Source? Source { get; set; }
    public required string Name { get; set; }
}

public sealed class Check
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
    /// <summary>The Soda check identity (v3), stable across scans of the same check.</summary>
    public required string Identity { get; set; }
    public required string Name { get; set; }
    public required string Definition { get; set; }
    public string? Column { get; set; }
    /// <summary>The metric the check judges (row_count, missing_count, schema, freshness, ...).</summary>
    public string? Metric { get; set; }
    /// <summary>completeness, uniqueness, validity, timeliness, consistency or accuracy.</summary>
    public required string Dimension { get; set; }
}

public sealed class Scan
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public Source? Source { get; set; }
    /// <summary>SHA-256 of the posted document (or the Idempotency-Key header): the same scan is stored once.</summary>
    public required string IdempotencyKey { get; set; }
    public required string DefinitionName { get; set; }
    public required string DataSourceName { get; set; }
    public DateTimeOffset DataTimestamp { get; set; }
    public DateTimeOffset? ScanStart { get; set; }
    public DateTimeOffset? ScanEnd { get; set; }
    public bool HasErrors { get; set; }
    public bool HasWarnings { get; set; }
    public bool HasFailures { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class CheckResult
{
    public int Id { get; set; }
    public int ScanId { get; set; }
    public Scan? Scan { get; set; }
    public int CheckId { get; set; }
    public Check? Check { get; set; }
    /// <summary>pass, warn or fail.</summary>
    public required string Outcome { get; set; }
    public double? Value { get; set; }
    public DateTimeOffset DataTimestamp { get; set; }
    /// <summary>The check's diagnostics object as the results document had it.</summary>
    public required string DiagnosticsJson { get; set; }
}

public sealed class MetricValue
{
    public int Id { get; set; }
    public int ScanId { get; set; }
    public Scan? Scan { get; set; }
    public int? DatasetId { get; set; }
    public required string Identity { get; set; }
    public required string MetricName { get; set; }
    /// <summary>The value when it is a number (for history-aware checks), and as JSON in any case.</summary>
    public double? Value { get; set; }
    public required string ValueJson { get; set; }
    public DateTimeOffset DataTimestamp { get; set; }
}

public sealed class Score
{
    public int Id { get; set; }
    public int ScanId { get; set; }
    public Scan? Scan { get; set; }
    public int SourceId { get; set; }
    /// <summary>Null: the score of the whole source for that scan.</summary>
    public int? DatasetId { get; set; }
    /// <summary>Null: all checks; else one quality dimension.</summary>
    public string? Dimension { get; set; }
    public int Passed { get; set; }
    public int Total { get; set; }
    public double Value { get; set; }
    public DateTimeOffset DataTimestamp { get; set; }
}

public sealed class Issue
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
    public int CheckId { get; set; }
    public Check? Check { get; set; }
    public required string Title { get; set; }
    /// <summary>open, acknowledged or resolved.</summary>
    public required string Status { get; set; }
    /// <summary>high (a failed check) or warning (a warned one).</summary>
    public required string Severity { get; set; }
    public bool Muted { get; set; }
    public string? Assignee { get; set; }
    public int Occurrences { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>Data timestamp of the newest scan that set the state: an older scan arriving later does not change it.</summary>
    public DateTimeOffset StateTimestamp { get; set; }
    public int? ResolvedByScanId { get; set; }
    public Scan? ResolvedByScan { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<IssueEvent> Events { get; set; } = [];
}

public sealed class IssueEvent
{
    public int Id { get; set; }
    public int IssueId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>opened, updated, resolved, reopened, acknowledged, assigned, muted, unmuted, commented.</summary>
    public required string Kind { get; set; }
    /// <summary>The user, or "hub" for changes made by ingested results.</summary>
    public required string Actor { get; set; }
    public string? Note { get; set; }
    public int? ScanId { get; set; }
    public Scan? Scan { get; set; }
}
