namespace Sodalite.Hub.Pages.Models;

/// <summary>What a check page shows.</summary>
/// <param name="Id">The check's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Definition">Its SodaCL definition.</param>
/// <param name="Column">The column it checks, if any.</param>
/// <param name="Metric">The metric it judges, if known.</param>
/// <param name="Dimension">Its quality dimension.</param>
/// <param name="Location">Where it is written (file:line:col), if known.</param>
/// <param name="DatasetId">Its dataset's id.</param>
/// <param name="Dataset">Its dataset's name.</param>
/// <param name="Source">Its source's name.</param>
/// <param name="Series">Every result, oldest first (the chart's points).</param>
/// <param name="Thresholds">The zones of its latest result.</param>
/// <param name="Results">The results of this page, newest first.</param>
/// <param name="Page">The page of results (1-based).</param>
/// <param name="Sample">The failed-row sample of its latest failing or warning result; null when none was kept.</param>
/// <param name="IssueId">Its issue, if it has one.</param>
public sealed record CheckModel(int Id, string Name, string Definition, string? Column, string? Metric, string Dimension, string? Location,
    int DatasetId, string Dataset, string Source, IReadOnlyList<CheckModel.Point> Series, Thresholds Thresholds, IReadOnlyList<CheckModel.Point> Results,
    int Page, CheckModel.SampleView? Sample, int? IssueId)
{
    /// <summary>One result: the scan, its outcome, the value judged (null when not a number) and the error for an "error" result.</summary>
    public sealed record Point(ScanRef Scan, string Outcome, double? Value, string? Error);

    /// <summary>
    /// A kept failed-row sample: the scan it came from, its columns (name, type), its rows (each value as display text; null for
    /// SQL NULL), how many rows failed in all when known, and whether the hub's limits cut it.
    /// </summary>
    public sealed record SampleView(ScanRef Scan, IReadOnlyList<(string Name, string Type)> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows,
        long? TotalRowCount, bool Truncated);
}
