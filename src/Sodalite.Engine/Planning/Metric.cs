// One metric to compute: its Soda identity, where it comes from, and (once run) its value.
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Planning;

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

    public object? Value { get; set; }

    /// <summary>
    /// A derived percentage whose count or row count was not computed: Soda's formula takes the missing value as 0, so the
    /// percentage is 0.0. This is the metric that was not computed; null when both were.
    /// </summary>
    public Metric? FromUncomputed { get; set; }
    public bool Computed { get; set; }
    public bool Failed { get; set; }
    public Sample? Sample { get; set; }
    public string? SampleQueryName { get; set; }

    /// <summary>Group by: how many rows (groups) the query returned, once run; may exceed the rows kept in <see cref="Value"/>.</summary>
    public long GroupCount { get; set; }

    /// <summary>A row count on another configured data source (row_count same as T in DS).</summary>
    public string? DataSourceName { get; init; }

    /// <summary>Reference metrics: the target table and columns, and whether values must not exist there.</summary>
    public string? TargetTable { get; init; }
    public IReadOnlyList<string> TargetColumns { get; init; } = [];
    public bool MustNotExist { get; init; }

    /// <summary>A failed-rows sample has no failing/passing queries: Soda shows it as a plain "Failed Rows" file block.</summary>
    public bool SampleIsFile { get; set; }

    /// <summary>A temporary table holding this duplicate metric's duplicated key tuples, once computed.</summary>
    public string? DuplicateKeysTable { get; set; }
}
