namespace Sodalite.Engine.Planning;

/// <summary>The number of rows a failed rows check's query returns ('fail query', or 'fail condition' made into a query).</summary>
public sealed class FailedRowsQueryMetric : Metric
{
    /// <summary>The query selecting the failing rows; the database counts them.</summary>
    public required string Sql { get; init; }
}
