namespace Sodalite.Hub.Pages.Models;

/// <summary>
/// The issue board's filters (query string): <c>status</c> (open, acknowledged, muted, resolved; open by default), <c>source</c>,
/// <c>dataset</c>, <c>severity</c> (high, warning), <c>assignee</c>, and <c>page</c>. The muted column holds muted issues that are
/// not resolved; open and acknowledged hold the ones not muted.
/// </summary>
public sealed record IssueFilter(string Status, string? Source, string? Dataset, string? Severity, string? Assignee, int Page)
{
    /// <summary>The board's columns, in order.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["open", "acknowledged", "muted", "resolved"];
}
