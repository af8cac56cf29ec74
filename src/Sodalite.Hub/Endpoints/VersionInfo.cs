namespace Sodalite.Hub.Endpoints;

/// <summary>The answer of GET /api/v1/version, as QALITA's CLI reads it.</summary>
/// <param name="Version">The hub's version, e.g. 0.1.0.</param>
public sealed record VersionInfo(string Version);
