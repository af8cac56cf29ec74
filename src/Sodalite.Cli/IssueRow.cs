namespace Sodalite.Cli;

/// <summary>
/// An issue as GET /api/v2/issues gives it and as <c>sodalite issues --json</c> writes it (snake_case keys, in this order).
/// </summary>
/// <param name="Id">The issue's id (PATCH /api/v2/issues/{id}).</param>
/// <param name="Status">open, acknowledged or resolved.</param>
/// <param name="Severity">high (a failed check) or warning (a warned one).</param>
/// <param name="Muted">Muted by a person.</param>
/// <param name="Source">The source's name.</param>
/// <param name="SourceId">The source's id.</param>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="DatasetId">The dataset's id.</param>
/// <param name="Title">"dataset: check name" at opening.</param>
/// <param name="Assignee">Who it is assigned to, when assigned.</param>
/// <param name="Occurrences">How many fail or warn observations it has had.</param>
/// <param name="FirstSeenAt">Data timestamp of the observation that opened it.</param>
/// <param name="LastSeenAt">Data timestamp of the newest fail or warn observation.</param>
/// <param name="ResolvedAt">When it was resolved, when it is.</param>
/// <param name="ResolvedByScanId">The scan whose pass resolved it; null while open or when a person resolved it.</param>
/// <param name="CheckId">The check that raised it.</param>
/// <param name="CheckIdentity">That check's Soda identity.</param>
internal sealed record IssueRow(
    int Id,
    string Status,
    string Severity,
    bool Muted,
    string? Source,
    int? SourceId,
    string? Dataset,
    int DatasetId,
    string Title,
    string? Assignee,
    int Occurrences,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? ResolvedAt,
    int? ResolvedByScanId,
    int CheckId,
    string? CheckIdentity);
