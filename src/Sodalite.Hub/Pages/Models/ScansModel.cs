namespace Sodalite.Hub.Pages.Models;

/// <summary>What the scan list (<c>/scans</c>) shows: newest first, one page.</summary>
public sealed record ScansModel(IReadOnlyList<ScansModel.Row> Rows, int Total, ListQuery Query, IReadOnlyList<string> Sources)
{
    /// <summary>A scan: its source, definition, data timestamp, when stored, its outcomes and its error records.</summary>
    public sealed record Row(ScanRef Scan, string Source, string Definition, DateTimeOffset ReceivedAt, OutcomeCounts Outcomes, int ErrorCount);
}
