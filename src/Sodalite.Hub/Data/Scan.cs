namespace Sodalite.Hub.Data;

/// <summary>One stored scan: a pushed Soda results document (or the check results of a Soda Cloud webhook).</summary>
public sealed class Scan
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Source"/> it was pushed for.</summary>
    public int SourceId { get; set; }
    /// <summary>The source, when loaded.</summary>
    public Source? Source { get; set; }
    /// <summary>
    /// SHA-256 (hex) of the source name and posted document, or <c>key:source:Idempotency-Key header</c>: the same scan is stored once.
    /// </summary>
    public required string IdempotencyKey { get; set; }
    /// <summary>The document's <c>definitionName</c> ("" when absent).</summary>
    public required string DefinitionName { get; set; }
    /// <summary>The document's <c>defaultDataSource</c> ("" when absent).</summary>
    public required string DataSourceName { get; set; }
    /// <summary>The document's <c>dataTimestamp</c>: the instant the data is as of, which orders scans for issues and history.</summary>
    public DateTimeOffset DataTimestamp { get; set; }
    /// <summary>The document's <c>scanStartTimestamp</c>, in UTC.</summary>
    public DateTimeOffset? ScanStart { get; set; }
    /// <summary>The document's <c>scanEndTimestamp</c>, in UTC.</summary>
    public DateTimeOffset? ScanEnd { get; set; }
    /// <summary>The document's <c>hasErrors</c>.</summary>
    public bool HasErrors { get; set; }
    /// <summary>The document's <c>hasWarnings</c>.</summary>
    public bool HasWarnings { get; set; }
    /// <summary>The document's <c>hasFailures</c>.</summary>
    public bool HasFailures { get; set; }
    /// <summary>How many error records the document's <c>logs[]</c> has (see <see cref="ScanLog"/>).</summary>
    public int ErrorCount { get; set; }
    /// <summary>How many checks the logs name as not evaluated because of an error.</summary>
    public int ErroredChecks { get; set; }
    /// <summary>When the hub stored it (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
