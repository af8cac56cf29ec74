namespace Sodalite.Hub.Data;

/// <summary>A row of an uploaded artifact: a metric, recommendation or schema entry, as QALITA stores them.</summary>
public sealed class ArtifactRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Data.Upload"/> the row came in.</summary>
    public int UploadId { get; set; }
    /// <summary>The upload, when loaded.</summary>
    public Upload? Upload { get; set; }
    /// <summary>metrics, recommendations or schemas (the upload's kind).</summary>
    public required string Kind { get; set; }
    /// <summary>The entry's <c>key</c>, else its <c>type</c>, else "".</summary>
    public required string Key { get; set; }
    /// <summary>The value as text (QALITA's metric value column is text): a JSON string's text, any other JSON value as JSON.</summary>
    public string? Value { get; set; }
    /// <summary>The entry's <c>content</c> (a recommendation's text).</summary>
    public string? Content { get; set; }
    /// <summary>The entry's <c>type</c>.</summary>
    public string? Type { get; set; }
    /// <summary>The entry's <c>level</c> (a recommendation of level high opens an issue).</summary>
    public string? Level { get; set; }
    /// <summary>The entry's <c>scope</c> object as JSON (perimeter, value, parent_scope).</summary>
    public required string ScopeJson { get; set; }
    /// <summary>When the row was stored (UTC; the upload's time).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
