namespace Sodalite.Hub.Endpoints;

/// <summary>The answer of GET /healthz: the hub is up.</summary>
/// <param name="Status">Always "ok".</param>
/// <param name="Version">The hub's version, e.g. 0.1.0.</param>
public sealed record HealthStatus(string Status, string Version);
