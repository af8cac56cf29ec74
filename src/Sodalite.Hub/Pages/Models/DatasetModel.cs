namespace Sodalite.Hub.Pages.Models;

/// <summary>What a dataset page shows.</summary>
/// <param name="DatasetId">The dataset's id.</param>
/// <param name="Dataset">Its name.</param>
/// <param name="SourceId">Its source's id.</param>
/// <param name="Source">Its source's name.</param>
/// <param name="Scores">Its overall score after each scan, oldest first.</param>
/// <param name="Dimensions">Its latest score per quality dimension, in 0..1.</param>
/// <param name="Checks">Its checks, by name.</param>
/// <param name="Schema">Its columns and types as the latest schema metric measured them; empty when no scan measured one.</param>
/// <param name="OpenIssues">Issues not resolved.</param>
/// <param name="Errored">Checks the latest scan could not evaluate that the hub does not know from earlier scans (name, error).</param>
/// <param name="Scans">How many scans judged it.</param>
public sealed record DatasetModel(int DatasetId, string Dataset, int SourceId, string Source, IReadOnlyList<DatasetModel.ScorePoint> Scores,
    IReadOnlyDictionary<string, double> Dimensions, IReadOnlyList<DatasetModel.CheckRow> Checks, IReadOnlyList<(string Name, string Type)> Schema,
    int OpenIssues, IReadOnlyList<(string Name, string? Error)> Errored, int Scans)
{
    /// <summary>One score: the scan, its value in 0..1, and the checks it counted.</summary>
    public sealed record ScorePoint(ScanRef Scan, double Value, int Passed, int Total, int Errors);

    /// <summary>
    /// A check row: its id, name, column and dimension, its last outcomes oldest first (<see cref="Strip"/>), its latest value and
    /// thresholds (from the latest result's diagnostics), and its issue when it has one.
    /// </summary>
    public sealed record CheckRow(int Id, string Name, string? Column, string Dimension, IReadOnlyList<StripCell> Strip, double? Value,
        Thresholds Thresholds, int? IssueId, string? IssueStatus);
}
