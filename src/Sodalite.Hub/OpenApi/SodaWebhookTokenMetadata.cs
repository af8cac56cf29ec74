namespace Sodalite.Hub.OpenApi;

/// <summary>
/// Endpoint metadata for the OpenAPI document: the endpoint is anonymous to the hub's bearer authentication and checks the Soda
/// Cloud webhook's bearer token itself, so the document asks for that scheme (<see cref="HubOpenApi.WebhookScheme"/>). It
/// enforces nothing.
/// </summary>
public sealed class SodaWebhookTokenMetadata;
