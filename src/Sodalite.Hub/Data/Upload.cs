namespace Sodalite.Hub.Data;

/// <summary>One uploaded artifact file (metrics, recommendations or schemas) with the four ids it was sent with.</summary>
public sealed class Upload
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>metrics, recommendations or schemas.</summary>
    public required string Kind { get; set; }
    /// <summary>The <see cref="Source"/> it was uploaded for.</summary>
    public int SourceId { get; set; }
    /// <summary>The <see cref="SourceVersion"/> id, when sent.</summary>
    public int? SourceVersionId { get; set; }
    /// <summary>The <see cref="Pack"/> id, when sent.</summary>
    public int? PackId { get; set; }
    /// <summary>The <see cref="PackVersion"/> id, when sent (not checked against the pack when the pack is not given).</summary>
    public int? PackVersionId { get; set; }
    /// <summary>SHA-256 of kind, ids and file bytes: the same upload twice is a 409 "already exists".</summary>
    public required string ContentHash { get; set; }
    /// <summary>When the hub received it (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
