namespace Sodalite.Hub.Endpoints;

/// <summary>A score: the share of passed checks of one scan (or upload), for a dataset or a whole source, overall or per dimension.</summary>
/// <param name="ScanId">The scan it was computed from (null for a QALITA metrics upload).</param>
/// <param name="SourceId">The source's id.</param>
/// <param name="DatasetId">The dataset's id; null for the source-level score.</param>
/// <param name="Dimension">The quality dimension; null for the overall score.</param>
/// <param name="Value">passed / (total + errors), 0-1.</param>
/// <param name="Passed">How many checks passed.</param>
/// <param name="Total">How many checks were judged (pass, warn or fail).</param>
/// <param name="Errors">How many checks the scan could not evaluate because of an error (they count as not passed).</param>
/// <param name="DataTimestamp">The scan's data timestamp.</param>
/// <param name="Source">The source's name (the latest scores only).</param>
/// <param name="Dataset">The dataset's name; null for the source-level score (the latest scores only).</param>
public sealed record ScorePoint(int? ScanId, int SourceId, int? DatasetId, string? Dimension, double Value, int Passed, int Total, int Errors,
    DateTimeOffset DataTimestamp, string? Source = null, string? Dataset = null);
