namespace Sodalite.Hub.Endpoints;

/// <summary>
/// The answer of POST /api/v2/integrations/soda/samples (Soda Core appends its text to the sample's message).
/// </summary>
/// <param name="Status">"stored" (kept as the check's sample in its scan), "pending" (kept until the scan's results arrive),
/// "duplicate" (that scan's check has a sample already), "ignored" (a sample without a check name: a dataset sample) or "off"
/// (the hub keeps no samples).</param>
/// <param name="ScanId">The scan it was stored with, when stored.</param>
/// <param name="CheckId">The check it was stored for, when stored.</param>
/// <param name="StoredRows">How many rows were kept.</param>
/// <param name="Truncated">True when the hub's limits cut rows.</param>
public sealed record SampleReceived(string Status, int? ScanId, int? CheckId, int StoredRows, bool Truncated);
