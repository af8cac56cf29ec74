namespace Sodalite.Hub.Endpoints;

/// <summary>A version of a source (in SourceInfo.versions).</summary>
/// <param name="Id">The version's id (an upload's source_version_id).</param>
/// <param name="SemVerId">The version, e.g. 1.0.0.</param>
public sealed record SourceVersionInfo(int Id, string SemVerId);
