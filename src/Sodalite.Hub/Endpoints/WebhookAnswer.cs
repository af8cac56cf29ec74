using System.Text.Json.Serialization;

namespace Sodalite.Hub.Endpoints;

/// <summary>
/// The answer of POST /api/v2/integrations/soda/webhook; which fields it has depends on the event: <c>{"status": "ok"}</c> for
/// validate, <c>{"ignored": EVENT}</c> for an event the hub does not handle, else event, results, issues_opened and issues_resolved,
/// and for incidentCreated the link Soda Cloud attaches to the incident (the hub's issue page) when the hub has an issue for it.
/// </summary>
/// <param name="Status">"ok", for validate.</param>
/// <param name="Ignored">The event's name, for an event the hub does not handle.</param>
/// <param name="Event">checkEvaluation, incidentCreated or incidentUpdated.</param>
/// <param name="Results">How many check results were stored.</param>
/// <param name="IssuesOpened">How many issues were opened or reopened.</param>
/// <param name="IssuesResolved">How many issues were resolved.</param>
/// <param name="Link">For incidentCreated: the hub's issue page, which Soda Cloud shows on the incident.</param>
public sealed record WebhookAnswer(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ignored,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Event,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Results,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? IssuesOpened,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? IssuesResolved,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WebhookLink? Link = null);
