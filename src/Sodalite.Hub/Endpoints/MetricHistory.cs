namespace Sodalite.Hub.Endpoints;

/// <summary>The answer of GET /api/v2/metrics/history: the stored values of each asked metric identity, newest first.</summary>
/// <param name="Series">By metric identity (only identities the hub has values of), the values, newest data timestamp first.</param>
public sealed record MetricHistory(IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> Series);
