// The one rule for issues, whatever reports the outcome (a pushed scan, a Soda Cloud webhook, an uploaded QALITA
// recommendation): one issue per (dataset, check); fail or warn opens or updates it, pass resolves it, a later failure
// reopens it with its history; an observation older than the issue's newest one changes nothing.
using Sodalite.Hub.Data;

namespace Sodalite.Hub.Ingestion;

public static class IssueLifecycle
{
    /// <summary>
    /// Applies one observed outcome ("pass", "warn" or "fail") to the check's issue (null: none yet); returns the issue (new when
    /// opened) and what changed. The title, "source / dataset: check name", is set at opening and kept current.
    /// </summary>
    public static (Issue? Issue, IssueChange Change) Observe(HubDb db, Issue? issue, string sourceName, Dataset dataset, Check check, string outcome,
        DateTimeOffset dataTimestamp, DateTimeOffset now, Scan? scan, string note)
    {
        bool bad = outcome is "fail" or "warn";
        string severity = outcome == "fail" ? "high" : "warning";
        if (issue is null)
        {
            if (!bad) return (null, IssueChange.None);
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
            issue.Events.Add(new IssueEvent { At = now, Kind = "opened", Actor = "hub", Scan = scan, Note = note });
            db.Issues.Add(issue);
            return (issue, IssueChange.Opened);
        }
        // An observation older than the newest one seen for this check is history, not news; a newer one, even one that only
        // confirms the state (a pass on a resolved issue), moves the state's time forward.
        if (dataTimestamp < issue.StateTimestamp) return (issue, IssueChange.None);
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
            issue.Events.Add(new IssueEvent { IssueId = issue.Id, At = now, Kind = reopen ? "reopened" : "updated", Actor = "hub", Scan = scan, Note = note });
            return (issue, reopen ? IssueChange.Reopened : IssueChange.Updated);
        }
        if (issue.Status == "resolved") return (issue, IssueChange.None);
        issue.Status = "resolved";
        issue.ResolvedAt = now;
        issue.ResolvedByScan = scan;
        issue.UpdatedAt = now;
        issue.Events.Add(new IssueEvent { IssueId = issue.Id, At = now, Kind = "resolved", Actor = "hub", Scan = scan, Note = "the check passed" });
        return (issue, IssueChange.Resolved);
    }

    /// <summary>An issue's title: "source / dataset: check name", so that two datasets of one name in two sources are told apart.</summary>
    public static string Title(string sourceName, Dataset dataset, Check check) => $"{sourceName} / {dataset.Name}: {check.Name}";
}
