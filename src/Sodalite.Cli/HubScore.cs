namespace Sodalite.Cli;

/// <summary>One item of GET /api/v2/scores: the latest score of a (source, dataset, dimension).</summary>
/// <param name="ScanId">The scan it scores; null for a score a QALITA pack uploaded.</param>
/// <param name="SourceId">The source's id.</param>
/// <param name="Source">The source's name.</param>
/// <param name="DatasetId">The dataset's id; null for the whole source.</param>
/// <param name="Dataset">The dataset's name; null for the whole source.</param>
/// <param name="Dimension">The quality dimension; null for all checks.</param>
/// <param name="Value">Passed / (total + errors), 0..1.</param>
/// <param name="Passed">Checks that passed.</param>
/// <param name="Total">Checks judged.</param>
/// <param name="DataTimestamp">The scan's data timestamp (or the upload's time).</param>
/// <param name="Errors">Checks the scan could not evaluate because of an error (they count as not passed).</param>
internal sealed record HubScore(int? ScanId, int SourceId, string? Source, int? DatasetId, string? Dataset, string? Dimension, double Value, int Passed, int Total,
    DateTimeOffset DataTimestamp, int Errors = 0)
{
    /// <summary>The checks the score counts: those judged and those the scan could not evaluate.</summary>
    public int Counted => Total + Errors;
}
