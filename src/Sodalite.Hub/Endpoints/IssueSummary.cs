namespace Sodalite.Hub.Endpoints;

/// <summary>An issue, as GET /api/v2/issues lists it.</summary>
/// <param name="Id">The issue's id.</param>
/// <param name="Title">"source / dataset: check name".</param>
/// <param name="Status">open, acknowledged or resolved.</param>
/// <param name="Severity">high (a failed check) or warning (a warned one).</param>
/// <param name="Muted">Whether people muted it.</param>
/// <param name="Assignee">Who it is assigned to, if anyone.</param>
/// <param name="DatasetId">The dataset's id.</param>
/// <param name="CheckId">The check's id.</param>
/// <param name="CheckIdentity">The check's identity.</param>
/// <param name="Occurrences">How many fail or warn observations it has had.</param>
/// <param name="FirstSeenAt">The data timestamp of the observation that opened it.</param>
/// <param name="LastSeenAt">The data timestamp of the newest fail or warn observation.</param>
/// <param name="ResolvedByScanId">The scan whose pass resolved it; null while open or when a person resolved it.</param>
/// <param name="ResolvedAt">When it was resolved, if it is.</param>
/// <param name="SourceId">The source's id.</param>
/// <param name="Source">The source's name.</param>
/// <param name="Dataset">The dataset's name.</param>
public sealed record IssueSummary(int Id, string Title, string Status, string Severity, bool Muted, string? Assignee, int DatasetId, int CheckId,
    string CheckIdentity, int Occurrences, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, int? ResolvedByScanId, DateTimeOffset? ResolvedAt,
    int SourceId, string Source, string Dataset);
