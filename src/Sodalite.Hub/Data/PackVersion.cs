namespace Sodalite.Hub.Data;

/// <summary>A version of a <see cref="Pack"/>: QALITA uploads name one (<c>pack_version_id</c>).</summary>
public sealed class PackVersion
{
    /// <summary>Database id; QALITA's <c>pack_version_id</c>.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Pack"/> it versions.</summary>
    public int PackId { get; set; }
    /// <summary>The version as written, e.g. 1.0.0 (QALITA's <c>sem_ver_id</c>).</summary>
    public required string SemVer { get; set; }
    /// <summary>The <see cref="Asset"/> holding the version's archive (PUT /api/v1/packs/{id}/version); workers fetch it to run the pack.</summary>
    public int? AssetId { get; set; }
}
