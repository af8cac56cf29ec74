namespace Sodalite.Hub.Data;

/// <summary>
/// A failed-row sample posted by Soda Core's HTTP sampler (<c>sampler: storage: type: http</c>) that waits for its scan: Soda
/// Core posts samples while it scans, before its results reach the hub. It names its check by data source, dataset, check name
/// and the scan's data timestamp; the scan with those becomes its owner (a <see cref="CheckSample"/>), and the pending row goes.
/// </summary>
public sealed class PendingSample
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The hub source named by the sampler's URL (<c>?source=</c>); null to match any source with that data source.</summary>
    public string? SourceName { get; set; }
    /// <summary>The sampler's <c>datasource</c>: the scan's data source name.</summary>
    public required string DataSourceName { get; set; }
    /// <summary>The sampler's <c>dataset</c>: the table; null for a data-source-level check.</summary>
    public string? DatasetName { get; set; }
    /// <summary>The sampler's <c>check_name</c>: the check's name as the results document has it.</summary>
    public required string CheckName { get; set; }
    /// <summary>The sampler's <c>scan_time</c>: the scan's data timestamp.</summary>
    public DateTimeOffset DataTimestamp { get; set; }
    /// <summary>The columns, JSON <c>[{"name", "type"}]</c>.</summary>
    public required string ColumnsJson { get; set; }
    /// <summary>The rows, JSON <c>[[value, ...], ...]</c>, at most <see cref="HubOptions.SampleRowsPerCheck"/> of them.</summary>
    public required string RowsJson { get; set; }
    /// <summary>The sampler's <c>count</c>: how many rows the sample had.</summary>
    public long TotalRowCount { get; set; }
    /// <summary>When the hub received it (pending samples older than a day are dropped).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
