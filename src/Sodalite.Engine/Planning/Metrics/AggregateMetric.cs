using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Planning;

/// <summary>A metric computed by one expression of its dataset's aggregation statement (row_count, counts, aggregates, user expressions).</summary>
public sealed class AggregateMetric : Metric
{
    /// <summary>The select expression, in the engine's dialect.</summary>
    public required string Sql { get; init; }

    /// <summary>The missing and valid configuration the expression applies (part of the identity).</summary>
    public MissingValidConfig Mvc { get; init; } = MissingValidConfig.Empty;

    /// <summary>Whether the expression is an ordered-set aggregate (percentile), which some dialects batch apart.</summary>
    public bool IsOrderedSet { get; init; }

    /// <summary>The condition of a failing row (missing or invalid) for samples; null when the metric is not sampled.</summary>
    public string? FailingWhere { get; init; }

    /// <summary>The condition of a passing row, for the listed passing query; set with <see cref="FailingWhere"/>.</summary>
    public string? PassingWhere { get; init; }
}
