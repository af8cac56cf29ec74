namespace Sodalite.Hub.Data;

/// <summary>
/// A file in the hub's registry (POST /api/v1/assets/upload): a job's logs (bucket <c>logs</c>) or a pack version's archive
/// (bucket <c>packs</c>), as QALITA keeps them in its S3 registry (spec/qalita.md §2.3, §2.6). The bytes are in the database, so every
/// hub process on one database serves them.
/// </summary>
public sealed class Asset
{
    /// <summary>Database id: the asset's <c>id</c> (a job's <c>logs_id</c>, a pack version's <c>asset_id</c>).</summary>
    public int Id { get; set; }
    /// <summary>The registry it was uploaded to (the hub has one, id 1).</summary>
    public int RegistryId { get; set; }
    /// <summary>Its bucket: logs, packs, or another the uploader names.</summary>
    public required string Bucket { get; set; }
    /// <summary>Its name in the bucket: the job name for logs, the pack name for packs.</summary>
    public required string Name { get; set; }
    /// <summary>Its version (1.0.0 for logs; the pack's version for packs). (bucket, name, version) is unique.</summary>
    public required string Version { get; set; }
    /// <summary>QALITA's asset type (log, pack, ...), as sent.</summary>
    public string? Type { get; set; }
    /// <summary>Free text, as sent.</summary>
    public string? Description { get; set; }
    /// <summary>The <c>user_id</c> sent with the upload, else the uploader's.</summary>
    public int? UserId { get; set; }
    /// <summary>The uploaded part's file name (e.g. logs.txt, sodalite_pack.tar.gz).</summary>
    public required string FileName { get; set; }
    /// <summary>Size of <see cref="Content"/>, in bytes.</summary>
    public long Size { get; set; }
    /// <summary>SHA-256 of <see cref="Content"/>, lowercase hex: the same upload again is recognised by it.</summary>
    public required string Sha256 { get; set; }
    /// <summary>The file's bytes.</summary>
    public required byte[] Content { get; set; }
    /// <summary>When it was uploaded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
