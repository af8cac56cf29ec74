namespace Sodalite.Engine.Planning;

/// <summary>A percentage computed from a count and a row count after the statements ran (Soda's formula, rounded to 2 places).</summary>
public sealed class DerivedMetric : Metric
{
    /// <summary>The count (missing_count, invalid_count, duplicate_count) the percentage is of.</summary>
    public required Metric CountMetric { get; init; }

    /// <summary>The row count it is a percentage of.</summary>
    public required Metric RowCountMetric { get; init; }
}
