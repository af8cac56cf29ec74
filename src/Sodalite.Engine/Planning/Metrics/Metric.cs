// One metric to compute: its Soda identity, where it is measured, and (by its type) what computes it. What the scan measured
// for it is its Measurement, kept apart in the scan's Measurements.
namespace Sodalite.Engine.Planning;

/// <summary>
/// A metric of the plan, immutable. Its type says which statement computes it (an expression of the dataset's aggregation, a
/// duplicate query, a reference join, the catalog, a user's query, ...): the planner batches metrics by type, the executor fills
/// their measurements. Two metrics with the same <see cref="Identity"/> are one metric (the planner keeps the first).
/// </summary>
public abstract class Metric
{
    /// <summary>Soda's metric identity (spec/sodacl.md §5.2): <c>metric-[definition-]dataSource-[table-][partition-][column-]name[-hash]</c>.</summary>
    public required string Identity { get; init; }

    /// <summary>The metric's name as Soda reports it (row_count, missing_count, schema, a user's name).</summary>
    public required string Name { get; init; }

    /// <summary>The dataset it is measured on; null for a data-source-level query.</summary>
    public required string? Table { get; init; }

    /// <summary>The named filter (partition) of the dataset it is measured on, or null.</summary>
    public string? Partition { get; init; }

    /// <summary>The column it is measured on, or null for a dataset metric.</summary>
    public string? Column { get; init; }

    /// <summary>The check's own 'filter' condition, or null.</summary>
    public string? Filter { get; init; }

    /// <summary>Whether its value is a count of rows (read as a whole number).</summary>
    public bool IsCount { get; init; }
}
