namespace Sodalite.Results.Model;

/// <summary>
/// One metrics[] entry: <c>{"identity", "metricName", "value"}</c>, or Soda's schema metric
/// <c>{"identity", "metricName", "dataSourceName", "tableName", "partitionName", "columnName", "value"}</c>.
/// </summary>
public sealed record ScanMetric
{
    /// <summary>identity: <c>metric-[definition-]dataSource-[table-][partition-][column-]metricName[-hash]</c> (spec/sodacl.md §5.2); empty when a document lacks it (a lenient read).</summary>
    public required string Identity { get; init; }

    /// <summary>metricName, e.g. <c>row_count</c>, <c>missing_count</c>, <c>schema</c>; empty when a document lacks it.</summary>
    public required string MetricName { get; init; }

    /// <summary>
    /// value: a count is an <see cref="IntegerValue"/>, an average or a SQL decimal a <see cref="FloatValue"/>, a date or time
    /// a <see cref="TextValue"/>; a group by's rows are a list of dicts (column → value); the schema metric's are its columns,
    /// a list of <c>{"columnName", "sourceDataType"}</c>; null when not computed.
    /// </summary>
    public ResultValue? Value { get; init; }

    /// <summary>
    /// Written in Soda's schema-metric form, with dataSourceName, tableName, partitionName and columnName before the value.
    /// </summary>
    public bool IsSchema { get; init; }

    /// <summary>dataSourceName as a document states it (the schema metric; every metric of get_scan_results()); null otherwise.</summary>
    public string? DataSourceName { get; init; }

    /// <summary>The table measured, as written in the checks file: known for every metric the engine computed, and for a read schema metric (tableName).</summary>
    public string? Table { get; init; }

    /// <summary>The partition (a dataset filter's name, <c>checks for T [daily]</c>); known where <see cref="Table"/> is.</summary>
    public string? Partition { get; init; }

    /// <summary>The column measured, as written in the checks file; null for a table metric, and unknown (null) for a metric read from a file.</summary>
    public string? Column { get; init; }
}
