// The one rule for issues, whatever reports the outcome (a pushed scan, a Soda Cloud webhook, an uploaded QALITA
// recommendation): one issue per (dataset, check); fail or warn opens or updates it, pass resolves it, a later failure
// reopens it with its history; an observation older than the issue's newest one changes nothing.
using Sodalite.Hub.Data;

namespace Sodalite.Hub.Ingestion;

public static class IssueLifecycle
{
    /// <summary>
    /// Applies one observed outcome ("pass", "warn" or "fail") to the check's issue (null: none yet) in memory, touching no database:
    /// returns the issue (a new one, <c>Id</c> 0, when opened; <paramref name="issue"/> changed in place otherwise), what changed, and
    /// the event to record (null when nothing changed; its <c>IssueId</c> is 0 for a new issue until the caller stores it). The
    /// title, "source / dataset: check name", is set at opening and kept current.
    /// </summary>
    public static (Issue? Issue, IssueChange Change, IssueEvent? Event) Decide(Issue? issue, string sourceName, Dataset dataset, Check check, string outcome,
        DateTimeOffset dataTimestamp, DateTimeOffset now, int? scanId, string note)
    {
        bool bad = outcome is "fail" or "warn";
        string severity = outcome == "fail" ? "high" : "warning";
        if (issue is null)
        {
            if (!bad) return (null, IssueChange.None, null);
            issue = new Issue
            {
                DatasetId = dataset.Id,
                CheckId = check.Id,
                Title = Title(sourceName, dataset, check),
                Status = "open",
                Severity = severity,
                Occurrences = 1,
                FirstSeenAt = dataTimestamp,
                LastSeenAt = dataTimestamp,
                StateTimestamp = dataTimestamp,
                CreatedAt = now,
                UpdatedAt = now,
            };
            return (issue, IssueChange.Opened, new IssueEvent { At = now, Kind = "opened", Actor = "hub", ScanId = scanId, Note = note });
        }
        // An observation older than the newest one seen for this check is history, not news; a newer one, even one that only
        // confirms the state (a pass on a resolved issue), moves the state's time forward.
        if (dataTimestamp < issue.StateTimestamp) return (issue, IssueChange.None, null);
        issue.StateTimestamp = dataTimestamp;
        issue.Title = Title(sourceName, dataset, check);
        if (bad)
        {
            bool reopen = issue.Status == "resolved";
            if (reopen) issue.Status = "open";
            issue.Severity = severity;
            issue.Occurrences++;
            issue.LastSeenAt = dataTimestamp;
            issue.ResolvedAt = null;
            issue.ResolvedByScanId = null;
            issue.UpdatedAt = now;
            return (issue, reopen ? IssueChange.Reopened : IssueChange.Updated,
                new IssueEvent { IssueId = issue.Id, At = now, Kind = reopen ? "reopened" : "updated", Actor = "hub", ScanId = scanId, Note = note });
        }
        if (issue.Status == "resolved") return (issue, IssueChange.None, null);
        issue.Status = "resolved";
        issue.ResolvedAt = now;
        issue.ResolvedByScanId = scanId;
        issue.UpdatedAt = now;
        return (issue, IssueChange.Resolved, new IssueEvent { IssueId = issue.Id, At = now, Kind = "resolved", Actor = "hub", ScanId = scanId, Note = "the check passed" });
    }

    /// <summary>
    /// <see cref="Decide"/> for an issue <paramref name="db"/> tracks (or none): a new issue is added to <paramref name="db"/> with its
    /// "opened" event, an event of a known issue is added to its <see cref="Issue.Events"/>; the caller saves the changes.
    /// </summary>
    public static (Issue? Issue, IssueChange Change) Observe(HubDb db, Issue? issue, string sourceName, Dataset dataset, Check check, string outcome,
        DateTimeOffset dataTimestamp, DateTimeOffset now, int? scanId, string note)
    {
        var (decided, change, recorded) = Decide(issue, sourceName, dataset, check, outcome, dataTimestamp, now, scanId, note);
        if (decided is not null && recorded is not null) decided.Events.Add(recorded);
        if (change == IssueChange.Opened) db.Issues.Add(decided!);
        return (decided, change);
    }

    /// <summary>An issue's title: "source / dataset: check name", so that two datasets of one name in two sources are told apart.</summary>
    public static string Title(string sourceName, Dataset dataset, Check check) => $"{sourceName} / {dataset.Name}: {check.Name}";
}
