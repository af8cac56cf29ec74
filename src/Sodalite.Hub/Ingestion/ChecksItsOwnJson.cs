namespace Sodalite.Hub.Ingestion;

/// <summary>
/// Endpoint metadata: the endpoint parses its JSON body itself and runs <see cref="InputGuard.Find"/> on it, so the hub's body guard
/// does not parse it a second time (the scan push, the hub's busiest route).
/// </summary>
public sealed class ChecksItsOwnJson;
