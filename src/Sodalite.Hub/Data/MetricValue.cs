namespace Sodalite.Hub.Data;

/// <summary>One metric of one <see cref="Data.Scan"/>, as the results document's <c>metrics[]</c> gave it.</summary>
public sealed class MetricValue
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Scan"/> that measured it.</summary>
    public int ScanId { get; set; }
    /// <summary>The scan, when loaded.</summary>
    public Scan? Scan { get; set; }
    /// <summary>The <see cref="Dataset"/> of the first check that uses the metric; null when no check does.</summary>
    public int? DatasetId { get; set; }
    /// <summary>The Soda metric identity.</summary>
    public required string Identity { get; set; }
    /// <summary>The metric's name (row_count, missing_count, ...).</summary>
    public required string MetricName { get; set; }
    /// <summary>The value when it is a number (for history-aware checks), and as JSON in any case.</summary>
    public double? Value { get; set; }
    /// <summary>The value as JSON, whatever its type.</summary>
    public required string ValueJson { get; set; }
    /// <summary>The scan's data timestamp (copied, for history queries).</summary>
    public DateTimeOffset DataTimestamp { get; set; }
}
