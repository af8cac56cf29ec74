namespace Sodalite.Engine.Planning;

/// <summary>
/// One statement of the plan and the metrics it fills, rendered by the dialect when the plan is made; execution runs it and
/// never cuts its text apart. An aggregation also keeps its parts (<see cref="Source"/>, <see cref="Where"/>, the metrics'
/// select expressions), so a failing batch can be re-rendered in smaller batches by the same dialect.
/// </summary>
public sealed record PlannedQuery
{
    /// <summary>Soda's query name as written in the results' <c>queries[]</c>, e.g. <c>1.pg.orders.aggregation[0]</c>.</summary>
    public required string Name { get; init; }
    /// <summary>What the statement computes; the executor reads its result by kind.</summary>
    public required QueryKind Kind { get; init; }
    /// <summary>The dataset the statement reads as the checks name it; null for user queries outside a dataset.</summary>
    public required string? Table { get; init; }
    /// <summary>The filter (partition) name of the dataset, when the checks' section names one.</summary>
    public string? Partition { get; init; }
    /// <summary>The statement as it runs (before Jinja rendering, which the executor applies to every statement, as Soda does).</summary>
    public required string Sql { get; init; }
    /// <summary>The metrics the statement fills: for an aggregation one per select expression, in order; otherwise one.</summary>
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <summary>Aggregations: the qualified table the statement reads (the FROM clause as rendered).</summary>
    public string? Source { get; init; }
    /// <summary>Aggregations: the partition's WHERE condition, or null.</summary>
    public string? Where { get; init; }

    /// <summary>
    /// A duplicate count on an engine that keeps duplicated keys for the failed-rows sample: the statement that keeps them
    /// (listed as <c>NAME.keep_keys</c>), the count over them, and the temporary table. Null when the keys are not kept (the
    /// engine cannot, or the metric's failed rows are not sampled). When the keys cannot be kept at run time, <see cref="Sql"/> runs instead.
    /// </summary>
    public (string Create, string Count, string Table)? KeepKeys { get; init; }

    /// <summary>Another configured data source the statement runs on (<c>row_count same as T in OTHER</c>); null for the scan's own.</summary>
    public string? DataSourceName { get; init; }
}
