namespace Sodalite.Hub.Data;

/// <summary>The outcome of one <see cref="Data.Check"/> in one <see cref="Data.Scan"/>; one per (scan, check).</summary>
public sealed class CheckResult
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Scan"/> that reported it.</summary>
    public int ScanId { get; set; }
    /// <summary>The scan, when loaded.</summary>
    public Scan? Scan { get; set; }
    /// <summary>The <see cref="Data.Check"/> judged.</summary>
    public int CheckId { get; set; }
    /// <summary>The check, when loaded.</summary>
    public Check? Check { get; set; }
    /// <summary>pass, warn or fail; "error" for a check the scan did not evaluate because of an error (see <see cref="Error"/>).</summary>
    public required string Outcome { get; set; }
    /// <summary>The check's <c>diagnostics.value</c>, when a number.</summary>
    public double? Value { get; set; }
    /// <summary>The scan's data timestamp (copied, for history queries).</summary>
    public DateTimeOffset DataTimestamp { get; set; }
    /// <summary>The check's diagnostics object as the results document had it.</summary>
    public required string DiagnosticsJson { get; set; }
    /// <summary>For an "error" result, the error the scan logged for the check; null otherwise.</summary>
    public string? Error { get; set; }
}
