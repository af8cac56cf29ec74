namespace Sodalite.Engine.Planning;

public enum QueryKind { Aggregation, Duplicate, Schema, Reference, UserQuery, FailedRowsQuery, GroupBy }

/// <summary>One SQL statement of the plan and the metrics it fills.</summary>
public sealed class PlannedQuery
{
    public required string Name { get; init; }
    public required QueryKind Kind { get; init; }
    public required string? Table { get; init; }
    public string? Partition { get; init; }
    public required string Sql { get; init; }
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <summary>For a duplicate count on an engine that keeps duplicated keys: the statements that do so, and the table.</summary>
    public (string Create, string Count, string Table)? KeepKeys { get; init; }
}
