// One metric to compute: its Soda identity and where it comes from. What the scan measured for it is its Measurement.
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Planning;

/// <summary>A metric of the plan, immutable: identity, name, kind, dataset, and what computes it (see <see cref="MetricKind"/>).</summary>
public sealed class Metric
{
    public required string Identity { get; init; }
    public required string Name { get; init; }
    public required MetricKind Kind { get; init; }
    public required string? Table { get; init; }
    public string? Partition { get; init; }
    public string? Column { get; init; }
    /// <summary>The select expression of an aggregate metric.</summary>
    public string? Sql { get; init; }
    public IReadOnlyList<string> Columns { get; init; } = [];
    public string? Filter { get; init; }
    public MissingValidConfig Mvc { get; init; } = MissingValidConfig.Empty;
    /// <summary>Failing/passing row conditions for samples (missing, invalid); null when not sampled.</summary>
    public string? FailingWhere { get; init; }
    public string? PassingWhere { get; init; }
    public bool IsCount { get; init; }
    public bool IsOrderedSet { get; init; }
    /// <summary>For derived percentages: the count metric and the row count.</summary>
    public Metric? CountMetric { get; init; }
    public Metric? RowCountMetric { get; init; }

    /// <summary>A row count on another configured data source (row_count same as T in DS).</summary>
    public string? DataSourceName { get; init; }

    /// <summary>Reference metrics: the target table and columns, and whether values must not exist there.</summary>
    public string? TargetTable { get; init; }
    public IReadOnlyList<string> TargetColumns { get; init; } = [];
    public bool MustNotExist { get; init; }

}
