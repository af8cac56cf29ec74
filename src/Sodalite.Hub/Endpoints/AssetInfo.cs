namespace Sodalite.Hub.Endpoints;

/// <summary>A file of the registry (a job's logs, a pack's archive), without its bytes: read those at <paramref name="Url"/>.</summary>
/// <param name="Id">The asset's id (a job's logs_id, a pack version's asset_id).</param>
/// <param name="RegistryId">Its registry (1).</param>
/// <param name="Bucket">logs, packs, ...</param>
/// <param name="Name">Its name in the bucket.</param>
/// <param name="Version">Its version.</param>
/// <param name="Type">QALITA's asset type (log, pack, ...), as uploaded.</param>
/// <param name="Description">As uploaded.</param>
/// <param name="UserId">The user_id sent with the upload, else the uploader's id.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of its bytes, lowercase hex.</param>
/// <param name="Url">The absolute URL of its bytes (GET /api/v1/assets/{id}/fetch, with a token), as QALITA's asset url.</param>
/// <param name="CreatedAt">When it was uploaded (UTC).</param>
public sealed record AssetInfo(int Id, int RegistryId, string Bucket, string Name, string Version, string? Type, string? Description, int? UserId,
    string FileName, long Size, string Sha256, string Url, DateTimeOffset CreatedAt);
