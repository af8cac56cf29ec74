namespace Sodalite.Hub.Pages.Models;

/// <summary>What the issue board (<c>/issues</c>) shows.</summary>
/// <param name="Rows">The issues of this page.</param>
/// <param name="Total">How many match (all pages).</param>
/// <param name="Filter">The filter asked for.</param>
/// <param name="Counts">How many issues match the other filters in each column: open, acknowledged, muted, resolved.</param>
/// <param name="Sources">Every source name, for the filter.</param>
/// <param name="Assignees">Every assignee, for the filter.</param>
public sealed record IssuesModel(IReadOnlyList<IssuesModel.Row> Rows, int Total, IssueFilter Filter, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> Sources, IReadOnlyList<string> Assignees)
{
    /// <summary>An issue as the board lists it.</summary>
    public sealed record Row(int Id, string Title, string Status, string Severity, bool Muted, string? Assignee, string Source, int DatasetId,
        string Dataset, int Occurrences, DateTimeOffset LastSeenAt);
}
