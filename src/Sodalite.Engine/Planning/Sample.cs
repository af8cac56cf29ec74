using Sodalite.Results.Model;

namespace Sodalite.Engine.Planning;

/// <summary>
/// Failed rows collected for a metric: their columns (name and type as the sample lists them) and the rows the bounded sample
/// query returned (at most its <c>samples limit</c>), each value as <see cref="Execution.SampleValues.From"/> converts it.
/// </summary>
public sealed record Sample(IReadOnlyList<(string Name, string Type)> Columns, IReadOnlyList<IReadOnlyList<ResultValue?>> Rows)
{
    /// <summary>How many rows the sample query returned.</summary>
    public int RowCount => Rows.Count;

    /// <summary>
    /// Soda's total for the sample's "Failed Rows" file block, when known apart from the (limited) sample (a failed rows check's
    /// count); null when it is <see cref="RowCount"/>, which Soda writes then.
    /// </summary>
    public long? TotalRowCount { get; init; }

    /// <summary>
    /// How many rows failed in all, when known: the count of a missing, invalid or reference metric or of a failed rows check,
    /// else the sample's own row count when it returned fewer rows than its limit (so it holds them all); null otherwise (a
    /// duplicate count counts groups, a user metric's value need not count rows).
    /// </summary>
    public long? FailedRowCount { get; init; }
}
