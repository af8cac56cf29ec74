namespace Sodalite.Hub.Ingestion;

/// <summary>What one observed outcome did to its check's issue.</summary>
public enum IssueChange
{
    /// <summary>Nothing: a pass with no issue or on a resolved one, or an observation older than the issue's newest.</summary>
    None,
    /// <summary>A fail or warn opened a new issue.</summary>
    Opened,
    /// <summary>A fail or warn on the open issue: its severity, occurrences and last-seen time updated.</summary>
    Updated,
    /// <summary>A pass resolved the open issue.</summary>
    Resolved,
    /// <summary>A fail or warn reopened a resolved issue, keeping its history.</summary>
    Reopened,
}
