namespace Sodalite.Hub.Endpoints;

/// <summary>One result of a check, as GET /api/v2/checks/{id}/results answers (oldest data first).</summary>
/// <param name="ScanId">The scan that produced it.</param>
/// <param name="Outcome">pass, warn or fail.</param>
/// <param name="Value">The value the check judged, if any.</param>
/// <param name="DataTimestamp">The scan's data timestamp.</param>
public sealed record CheckResultPoint(int ScanId, string Outcome, double? Value, DateTimeOffset DataTimestamp);
