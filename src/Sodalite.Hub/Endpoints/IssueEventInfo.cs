namespace Sodalite.Hub.Endpoints;

/// <summary>One event of an issue (in IssueDetail.events).</summary>
/// <param name="Kind">opened, updated, resolved, reopened, acknowledged, assigned, muted, unmuted or commented.</param>
/// <param name="Actor">Who: a user's name, "hub" for what scans did, "soda-cloud" for webhook notes.</param>
/// <param name="Note">Why, or the assignee of an assign.</param>
/// <param name="ScanId">The scan that caused it, if one did.</param>
/// <param name="At">When (UTC).</param>
public sealed record IssueEventInfo(string Kind, string Actor, string? Note, int? ScanId, DateTimeOffset At);
