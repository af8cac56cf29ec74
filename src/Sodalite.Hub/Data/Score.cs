namespace Sodalite.Hub.Data;

/// <summary>
/// A quality score: the share of passed checks of a scan (or a QALITA pack's uploaded score), for a source or dataset, overall or
/// for one dimension.
/// </summary>
public sealed class Score
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The scan it scores, or null for a score uploaded by a QALITA pack (then UploadId).</summary>
    public int? ScanId { get; set; }
    /// <summary>The scan, when loaded.</summary>
    public Scan? Scan { get; set; }
    /// <summary>The <see cref="Upload"/> it came in, for a QALITA pack's score.</summary>
    public int? UploadId { get; set; }
    /// <summary>The <see cref="Source"/> scored.</summary>
    public int SourceId { get; set; }
    /// <summary>Null: the score of the whole source for that scan.</summary>
    public int? DatasetId { get; set; }
    /// <summary>Null: all checks; else one quality dimension.</summary>
    public string? Dimension { get; set; }
    /// <summary>Checks that passed; for an uploaded score, the upload's check_passed metric (0 without one).</summary>
    public int Passed { get; set; }
    /// <summary>Checks judged (pass, warn or fail); for an uploaded score, check_passed + check_failed.</summary>
    public int Total { get; set; }
    /// <summary>Checks the scan could not evaluate because of an error (they count as not passed); 0 for an uploaded score.</summary>
    public int Errors { get; set; }
    /// <summary>Passed / (Total + Errors) in 0..1, rounded to 4 decimals; for an uploaded score the pack's value as sent.</summary>
    public double Value { get; set; }
    /// <summary>The scan's data timestamp, or the upload's time.</summary>
    public DateTimeOffset DataTimestamp { get; set; }
}
