// What people do to an issue — acknowledge, assign, mute, unmute, resolve with a note, comment — the same for the API's PATCH
// and the issue page's forms. Every change is an event.
using Sodalite.Hub.Data;

namespace Sodalite.Hub.Ingestion;

/// <summary>Applies a person's action to an issue (loaded with its events, tracked); the caller saves.</summary>
public static class IssueActions
{
    /// <summary>The actions, as the API and the forms name them.</summary>
    public static IReadOnlyList<string> All { get; } = ["acknowledge", "assign", "mute", "unmute", "resolve", "comment"];

    /// <summary>
    /// Applies <paramref name="action"/> by <paramref name="actor"/> at <paramref name="now"/> and adds its event; returns null when
    /// done, else why not: <c>(409, detail, null)</c> to acknowledge an issue that is not open, <c>(400, detail, field)</c> for an
    /// unknown action or a missing assignee or note. Throws nothing itself.
    /// </summary>
    public static (int Status, string Detail, string? Field)? Apply(Issue issue, string? action, string? assignee, string? note, string actor, DateTimeOffset now)
    {
        string kind;
        switch (action)
        {
            case "acknowledge" when issue.Status == "open":
                issue.Status = "acknowledged";
                kind = "acknowledged";
                break;
            case "acknowledge":
                return (409, $"Only an open issue can be acknowledged; issue {issue.Id} is {issue.Status}.", null);
            case "assign":
                if (string.IsNullOrWhiteSpace(assignee)) return (400, "assign needs an assignee.", "assignee");
                issue.Assignee = assignee;
                kind = "assigned";
                break;
            case "mute":
                issue.Muted = true;
                kind = "muted";
                break;
            case "unmute":
                issue.Muted = false;
                kind = "unmuted";
                break;
            case "resolve":
                if (string.IsNullOrWhiteSpace(note)) return (400, "resolve needs a note saying why.", "note");
                issue.Status = "resolved";
                issue.ResolvedAt = now;
                issue.ResolvedByScanId = null;
                kind = "resolved";
                break;
            case "comment":
                if (string.IsNullOrWhiteSpace(note)) return (400, "comment needs a note.", "note");
                kind = "commented";
                break;
            default:
                return (400, "action must be acknowledge, assign, mute, unmute, resolve or comment.", "action");
        }
        issue.UpdatedAt = now;
        issue.Events.Add(new IssueEvent { IssueId = issue.Id, At = now, Kind = kind, Actor = actor, Note = kind == "assigned" ? assignee : note });
        return null;
    }
}
