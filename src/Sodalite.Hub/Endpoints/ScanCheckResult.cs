namespace Sodalite.Hub.Endpoints;

/// <summary>One check result of a scan (in ScanDetail.results).</summary>
/// <param name="CheckId">The check's id.</param>
/// <param name="Name">The check's name.</param>
/// <param name="Identity">Soda's check identity.</param>
/// <param name="Outcome">pass, warn or fail; error for a known check the scan could not evaluate.</param>
/// <param name="Value">The value the check judged, if any.</param>
/// <param name="Error">For an error result, the error the scan logged about the check.</param>
public sealed record ScanCheckResult(int CheckId, string Name, string Identity, string Outcome, double? Value, string? Error);
