namespace Sodalite.Engine.Planning;

/// <summary>A group by check's rows (one per group), from its query; its nested checks read their values from them.</summary>
public sealed class GroupByMetric : Metric
{
    /// <summary>The group by's query, as written.</summary>
    public required string Sql { get; init; }
}
