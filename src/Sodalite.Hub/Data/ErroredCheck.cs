namespace Sodalite.Hub.Data;

/// <summary>
/// A check a stored <see cref="Data.Scan"/> could not evaluate: Soda leaves such checks out of <c>checks[]</c>, and names them in
/// the log's scan summary ("N/M checks NOT EVALUATED:", the dataset, then "NAME [NOT EVALUATED]") and in error records
/// ("Metrics 'm' were not computed for check 'LINE'"). It counts as not passed in the scores.
/// </summary>
public sealed class ErroredCheck
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Scan"/> that could not evaluate it.</summary>
    public int ScanId { get; set; }
    /// <summary>The scan, when loaded.</summary>
    public Scan? Scan { get; set; }
    /// <summary>The dataset the summary lists it under; null when only an error record names it.</summary>
    public int? DatasetId { get; set; }
    /// <summary>The check's name as the log gives it (its custom name or its check line).</summary>
    public required string Name { get; set; }
    /// <summary>The stored <see cref="Data.Check"/> it is, when an earlier scan evaluated it; its strip then shows an "error" result.</summary>
    public int? CheckId { get; set; }
    /// <summary>The error record that names the check, when one does; null when only the summary lists it.</summary>
    public string? Error { get; set; }
}
