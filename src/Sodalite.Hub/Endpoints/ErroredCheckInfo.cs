namespace Sodalite.Hub.Endpoints;

/// <summary>A check a scan could not evaluate (in ScanDetail.errored_checks).</summary>
/// <param name="Name">The check's name as the scan's logs give it.</param>
/// <param name="DatasetId">The dataset the scan summary lists it under; null when only an error record names it.</param>
/// <param name="CheckId">The stored check it is, when an earlier scan evaluated it.</param>
/// <param name="Error">The error record that names it, if one does.</param>
public sealed record ErroredCheckInfo(string Name, int? DatasetId, int? CheckId, string? Error);
