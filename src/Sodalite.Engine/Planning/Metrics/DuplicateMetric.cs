namespace Sodalite.Engine.Planning;

/// <summary>duplicate_count: a statement of its own counting the duplicated key tuples of <see cref="Columns"/>.</summary>
public sealed class DuplicateMetric : Metric
{
    /// <summary>The key columns, as written.</summary>
    public required IReadOnlyList<string> Columns { get; init; }
}
