namespace Sodalite.Cli;

/// <summary>
/// One row of <c>sodalite scores</c>: the latest overall score of a dataset, or of a whole source (<see cref="Dataset"/> null), with
/// its latest score per quality dimension (snake_case keys in <c>--json</c>, in this order).
/// </summary>
/// <param name="Source">The source's name.</param>
/// <param name="SourceId">The source's id.</param>
/// <param name="Dataset">The dataset's name; null for the score of the whole source.</param>
/// <param name="DatasetId">The dataset's id; null for the whole source.</param>
/// <param name="Score">The overall score: passed / total checks, 0..1.</param>
/// <param name="Passed">Checks that passed.</param>
/// <param name="Total">Checks counted: judged, or not evaluated because of an error.</param>
/// <param name="ScanId">The scan the overall score came from (null for a score a QALITA pack uploaded).</param>
/// <param name="DataTimestamp">That scan's data timestamp.</param>
/// <param name="Dimensions">Each of the six dimensions (completeness, uniqueness, validity, timeliness, consistency, accuracy), null when none of its checks was ever scored.</param>
internal sealed record ScoreRow(string Source, int SourceId, string? Dataset, int? DatasetId, double Score, int Passed, int Total, int? ScanId,
    DateTimeOffset DataTimestamp, IReadOnlyDictionary<string, DimensionScore?> Dimensions);
