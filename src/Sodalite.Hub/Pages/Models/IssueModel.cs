namespace Sodalite.Hub.Pages.Models;

/// <summary>What an issue page shows: the issue, its check and dataset, its event log (oldest first), and whether the viewer may act.</summary>
public sealed record IssueModel(int Id, string Title, string Status, string Severity, bool Muted, string? Assignee, int Occurrences,
    DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? ResolvedAt, int? ResolvedByScanId, int CheckId, string CheckName,
    int DatasetId, string Dataset, string Source, IReadOnlyList<IssueModel.Event> Events, bool CanAct)
{
    /// <summary>One event: when (hub clock), what, who, the note, the scan that caused it.</summary>
    public sealed record Event(DateTimeOffset At, string Kind, string Actor, string? Note, int? ScanId);
}
