namespace Sodalite.Hub.Data;

/// <summary>
/// The failed-row sample of one <see cref="Data.Check"/> in one <see cref="Data.Scan"/>, as the pushed document's
/// <c>failedRowSamples[]</c> carried it, bounded by <see cref="HubOptions.SampleRowsPerCheck"/> and
/// <see cref="HubOptions.SampleBytesPerScan"/>; none are kept when <see cref="HubOptions.StoreSamples"/> is off.
/// </summary>
public sealed class CheckSample
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Scan"/> that collected it.</summary>
    public int ScanId { get; set; }
    /// <summary>The <see cref="Data.Check"/> whose failing rows these are.</summary>
    public int CheckId { get; set; }
    /// <summary>The columns, JSON <c>[{"name", "type"}]</c>.</summary>
    public required string ColumnsJson { get; set; }
    /// <summary>The rows kept, JSON <c>[[value, ...], ...]</c> in column order.</summary>
    public required string RowsJson { get; set; }
    /// <summary>How many rows are kept in <see cref="RowsJson"/>.</summary>
    public int StoredRowCount { get; set; }
    /// <summary>How many rows failed in all, when the scan knew it.</summary>
    public long? TotalRowCount { get; set; }
    /// <summary>True when the hub's limits cut rows from what was sent.</summary>
    public bool Truncated { get; set; }
}
