namespace Sodalite.Cli;

/// <summary>
/// A dataset's (or source's) latest score in one quality dimension, in <c>sodalite scores --json</c>. It comes from the newest scan
/// that had checks of that dimension, which may be older than the scan of the overall score.
/// </summary>
/// <param name="Score">Passed / total, 0..1.</param>
/// <param name="Passed">Checks of the dimension that passed.</param>
/// <param name="Total">Checks of the dimension counted: judged, or not evaluated because of an error.</param>
/// <param name="ScanId">The scan it came from (null for a score a QALITA pack uploaded).</param>
/// <param name="DataTimestamp">That scan's data timestamp.</param>
internal sealed record DimensionScore(double Score, int Passed, int Total, int? ScanId, DateTimeOffset DataTimestamp);
