namespace Sodalite.Hub.Data;

/// <summary>
/// One error or warning record of a stored <see cref="Data.Scan"/>'s <c>logs[]</c>, kept so that errors never vanish (the scan
/// page shows them). Info and debug records are not kept, and at most <see cref="MaxPerScan"/> per scan.
/// </summary>
public sealed class ScanLog
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Scan"/> that logged it.</summary>
    public int ScanId { get; set; }
    /// <summary>The scan, when loaded.</summary>
    public Scan? Scan { get; set; }
    /// <summary>The record's <c>index</c> in the document (1-based), which orders the records.</summary>
    public int Index { get; set; }
    /// <summary>"error" or "warning".</summary>
    public required string Level { get; set; }
    /// <summary>The message, cut to <see cref="MaxMessageLength"/> characters.</summary>
    public required string Message { get; set; }
    /// <summary>Where in a checks file it points, "file:line:col"; null when the record has no location.</summary>
    public string? Location { get; set; }

    /// <summary>The longest message kept, in characters (a query error carries its whole SQL).</summary>
    public const int MaxMessageLength = 8000;

    /// <summary>The most records kept per scan; the rest are counted in <see cref="Scan.ErrorCount"/> only.</summary>
    public const int MaxPerScan = 500;
}
