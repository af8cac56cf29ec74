namespace Sodalite.Hub.Endpoints;

/// <summary>The JSON body of PATCH /api/v2/issues/{id}: one change by a person, recorded as an issue event.</summary>
/// <remarks>Not to be confused with <see cref="Ingestion.IssueChange"/>, what an observed outcome did to an issue.</remarks>
/// <param name="Action">acknowledge (an open issue only), assign, mute, unmute, resolve or comment; anything else is a 400.</param>
/// <param name="Assignee">Who to assign to (required by assign).</param>
/// <param name="Note">Why: required by resolve and comment, kept with acknowledge, mute and unmute (assign records the assignee instead).</param>
public sealed record IssueChange(string Action, string? Assignee, string? Note);
