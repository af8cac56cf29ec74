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
    // QALITA's source fields (sources published with POST /api/v1/sources/publish).
    public string Type { get; set; } = "database";
    public string? Description { get; set; }
    public bool Reference { get; set; }
    public bool Sensitive { get; set; }
    public string Visibility { get; set; } = "private";
    public List<SourceVersion> Versions { get; set; } = [];
}

public sealed class SourceVersion
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public required string SemVer { get; set; }
}

/// <summary>A QALITA pack: what produced uploaded artifacts; its type is the quality dimension its score feeds.</summary>
public sealed class Pack
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Type { get; set; } = "validity";
    public string? Description { get; set; }
    public string Visibility { get; set; } = "private";
    public string? Config { get; set; }
    public string? Url { get; set; }
    public string? Readme { get; set; }
    public string? Avatar { get; set; }
    public string CompatibleSourcesJson { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
    public List<PackVersion> Versions { get; set; } = [];
}

public sealed class PackVersion
{
    public int Id { get; set; }
    public int PackId { get; set; }
    public required string SemVer { get; set; }
    public int? AssetId { get; set; }
}

/// <summary>A QALITA job (a pack run), created and closed by workers around their uploads.</summary>
public sealed class Job
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public string Status { get; set; } = "running";
    public int? AgentId { get; set; }
    public int? SourceId { get; set; }
    public int? SourceVersionId { get; set; }
    public int? PackId { get; set; }
    public int? PackVersionId { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public int? LogsId { get; set; }
    public string? Type { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One uploaded artifact file (metrics, recommendations or schemas) with the four ids it was sent with.</summary>
public sealed class Upload
{
    public int Id { get; set; }
    /// <summary>metrics, recommendations or schemas.</summary>
    public required string Kind { get; set; }
    public int SourceId { get; set; }
    public int? SourceVersionId { get; set; }
    public int? PackId { get; set; }
    public int? PackVersionId { get; set; }
    /// <summary>SHA-256 of kind, ids and file bytes: the same upload twice is a 409 "already exists".</summary>
    public required string ContentHash { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>A row of an uploaded artifact: a metric, recommendation or schema entry, as QALITA stores them.</summary>
public sealed class ArtifactRow
{
    public int Id { get; set; }
    public int UploadId { get; set; }
    public Upload? Upload { get; set; }
    public required string Kind { get; set; }
    public required string Key { get; set; }
    /// <summary>The value as text (QALITA's metric value column is text).</summary>
    public string? Value { get; set; }
    public string? Content { get; set; }
    public string? Type { get; set; }
    public string? Level { get; set; }
    public required string ScopeJson { get; set; }
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
    /// <summary>The scan it scores, or null for a score uploaded by a QALITA pack (then UploadId).</summary>
    public int? ScanId { get; set; }
    public Scan? Scan { get; set; }
    public int? UploadId { get; set; }
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
