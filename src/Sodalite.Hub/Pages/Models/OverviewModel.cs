namespace Sodalite.Hub.Pages.Models;

/// <summary>What the overview (<c>/</c>) shows: one row per dataset, filtered, sorted and cut to one page.</summary>
/// <param name="Rows">The datasets of this page.</param>
/// <param name="Total">How many datasets match the filter (all pages).</param>
/// <param name="Query">The filter, sort and page asked for.</param>
/// <param name="Sources">Every source name, for the source filter.</param>
public sealed record OverviewModel(IReadOnlyList<OverviewModel.Row> Rows, int Total, ListQuery Query, IReadOnlyList<string> Sources)
{
    /// <summary>A dataset as the overview lists it.</summary>
    /// <param name="SourceId">Its source's id.</param>
    /// <param name="Source">Its source's name.</param>
    /// <param name="DatasetId">Its id.</param>
    /// <param name="Dataset">Its name.</param>
    /// <param name="Score">Its latest overall score in 0..1; null before any scored scan.</param>
    /// <param name="Dimensions">Its latest score per quality dimension, in 0..1.</param>
    /// <param name="Trend">Its overall scores, oldest first (the last 30).</param>
    /// <param name="OpenIssues">Issues not resolved (open or acknowledged).</param>
    /// <param name="ResolvedIssues">Issues resolved.</param>
    /// <param name="LastScan">The latest scan that judged it: its id, data timestamp and whether it logged errors; null when none did.</param>
    /// <param name="Outcomes">Its checks' outcomes in that scan.</param>
    public sealed record Row(int SourceId, string Source, int DatasetId, string Dataset, double? Score, IReadOnlyDictionary<string, double> Dimensions,
        IReadOnlyList<double> Trend, int OpenIssues, int ResolvedIssues, ScanRef? LastScan, OutcomeCounts Outcomes);
}
