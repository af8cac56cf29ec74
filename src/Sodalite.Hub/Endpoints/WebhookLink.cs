namespace Sodalite.Hub.Endpoints;

/// <summary>
/// The external link Soda Cloud attaches to an incident when a webhook receiver answers <c>incidentCreated</c> with
/// <c>{"link": {"url", "text"}}</c> (spec/sodacl.md §8): here, the hub's page of the check's issue.
/// </summary>
/// <param name="Url">The absolute URL of the issue page, <c>/issues/{id}</c>.</param>
/// <param name="Text">The link's text.</param>
public sealed record WebhookLink(string Url, string Text);
