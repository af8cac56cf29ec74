namespace Sodalite.Qalita;

/// <summary>What the hub answered to a pushed scan (POST /api/v2/scans).</summary>
/// <param name="ScanId">The stored scan's id (the earlier one for a duplicate).</param>
/// <param name="Duplicate">True when the hub had stored this document before and stored nothing new.</param>
/// <param name="Results">Check results stored.</param>
/// <param name="Opened">Issues opened.</param>
/// <param name="Updated">Open issues updated.</param>
/// <param name="Resolved">Issues resolved.</param>
/// <param name="Reopened">Resolved issues reopened.</param>
/// <param name="Score">The source's overall score for the scan (0..1), null when no check was judged.</param>
public sealed record HubPushResult(int ScanId, bool Duplicate, int Results, int Opened, int Updated, int Resolved, int Reopened, double? Score);
