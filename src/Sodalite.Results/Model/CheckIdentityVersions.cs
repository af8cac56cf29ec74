namespace Sodalite.Results.Model;

/// <summary>
/// A check's identities <c>{"v1", "v2", "v3"[, "v4"]}</c> (spec/sodacl.md §5.1): 8-hex-digit BLAKE2b hashes of the check
/// (v1), plus its data source (v2), plus its file's name (v3); v4 is the custom <c>identity:</c> text, written only when set.
/// </summary>
public sealed record CheckIdentityVersions(string V1, string V2, string V3, string? V4 = null);
