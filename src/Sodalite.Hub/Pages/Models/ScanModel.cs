namespace Sodalite.Hub.Pages.Models;

/// <summary>What a scan page shows: every check it reported, the ones it could not evaluate, and its error and warning records.</summary>
public sealed record ScanModel(ScanRef Scan, int SourceId, string Source, string Definition, string DataSource, DateTimeOffset ReceivedAt,
    bool HasWarnings, bool HasFailures, int ErrorCount, IReadOnlyList<ScanModel.CheckRow> Checks, IReadOnlyList<ScanModel.ErroredRow> Errored,
    IReadOnlyList<ScanModel.LogRow> Logs, OutcomeCounts Outcomes)
{
    /// <summary>A check's result in the scan ("error" for a known check it could not evaluate).</summary>
    public sealed record CheckRow(int CheckId, string Name, int DatasetId, string Dataset, string Outcome, double? Value, string? Error);

    /// <summary>A check the scan could not evaluate: name, dataset when listed, the error naming it, the check when known.</summary>
    public sealed record ErroredRow(string Name, int? DatasetId, string? Dataset, string? Error, int? CheckId);

    /// <summary>An error or warning record.</summary>
    public sealed record LogRow(int Index, string Level, string Message, string? Location);
}
