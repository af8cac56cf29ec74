namespace Sodalite.Hub.Endpoints;

/// <summary>A version of a pack (in PackInfo.versions).</summary>
/// <param name="Id">The version's id (an upload's pack_version_id).</param>
/// <param name="SemVerId">The version, e.g. 1.0.0.</param>
/// <param name="AssetId">QALITA's asset id of the version's archive, if set.</param>
public sealed record PackVersionInfo(int Id, string SemVerId, int? AssetId);
