namespace Sodalite.Hub.Data;

/// <summary>A version of a <see cref="Source"/>: QALITA uploads name one (<c>source_version_id</c>).</summary>
public sealed class SourceVersion
{
    /// <summary>Database id; QALITA's <c>source_version_id</c>.</summary>
    public int Id { get; set; }
    /// <summary>The <see cref="Source"/> it versions.</summary>
    public int SourceId { get; set; }
    /// <summary>The version as written, e.g. 1.0.0 (QALITA's <c>sem_ver_id</c>).</summary>
    public required string SemVer { get; set; }
}
