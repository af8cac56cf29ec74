namespace Sodalite.Engine.Planning;

/// <summary>A group evolution check's groups: the non-null values of its query's first column (Soda's "group evolution" metric).</summary>
public sealed class GroupEvolutionMetric : Metric
{
    /// <summary>The check's query, as written.</summary>
    public required string Sql { get; init; }
}
