// The document as a whole: title, version and description, the tags, the security schemes, the ApiError schema, the errors every
// operation with a body or a typed query parameter can give (400 for a body or parameter that does not bind, 413 for a body that
// is too large), and request bodies whose nullable fields may be left out.
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Sodalite.Hub.Endpoints;

namespace Sodalite.Hub.OpenApi;

internal sealed class HubDocumentTransformer(HubOptions options) : IOpenApiDocumentTransformer
{
    private const string Description = """
        The API of a Sodalite hub (`sodalite serve`): push Soda scan results; read sources, datasets, checks, scans, issues, scores and
        metric history; change issues; and the QALITA-compatible calls (sign-in, tokens, workers, registries and assets, sources, packs,
        jobs, artifact uploads) that QALITA's CLI and workers make.

        **Tokens.** Send `Authorization: Bearer <token>` with either an API token (POST /api/v1/tokens/create; a JWT valid a year)
        or a session token (a JWT from POST /api/v1/auth/signin, form fields `username` and `password`). Roles: `viewer` reads,
        `dataengineer` also writes (pushes scans, changes issues, QALITA writes), `admin` also manages users. The Soda Cloud
        webhook takes its own bearer token, the one the hub was started with (`SODALITE_SODA_WEBHOOK_TOKEN`).

        **Errors** answer JSON `{"detail": "...", "field": "..."}` (schema `ApiError`; `field` names the body field, form part or
        query parameter at fault when one is). JSON fields are snake_case, except inside Soda documents and the metric history.
        """;

    private static readonly (string Name, string Description)[] Tags =
    [
        ("hub", "Health and version."),
        ("auth", "Sign in, API tokens and users."),
        ("scans", "Push Soda scan results documents; read the stored scans."),
        ("catalog", "Datasets, checks, and a check's results over time."),
        ("issues", "Issues the hub opens, updates and resolves from check outcomes, and people's changes to them."),
        ("scores", "The share of passed checks per scan, for a dataset or a whole source, overall or per quality dimension."),
        ("history", "Metric values by identity, for history-aware checks (sodalite scan --history https://HUB)."),
        ("qalita", "QALITA-compatible sources, packs, jobs and artifact uploads (metrics, recommendations, schemas)."),
        ("webhooks", "The Soda Cloud webhook."),
    ];

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = "Sodalite hub API", Version = HubServer.Version, Description = Description };
        // The server URL comes from the request (http://host:port/); without its trailing slash, clients that append a path
        // (/api/v2/...) do not get a double slash.
        foreach (var server in document.Servers ?? [])
            if (server.Url is { Length: > 1 } url && url.EndsWith('/')) server.Url = url.TrimEnd('/');

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[HubOpenApi.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An API token from POST /api/v1/tokens/create (a JWT whose type claim is api; tokens sdl_... of earlier hubs too), or a session token (JWT) from POST /api/v1/auth/signin. QALITA's CLI reads the user id from the sub claim.",
        };
        document.Components.SecuritySchemes[HubOpenApi.WebhookScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The Soda Cloud webhook's token: the value of SODALITE_SODA_WEBHOOK_TOKEN, set as the Authorization: Bearer header of the Soda Cloud webhook integration. A hub started with SODALITE_SODA_WEBHOOK_HEADER (\"Name: value\") requires that custom header instead (or as well).",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ErrorResponses.SchemaId))
            document.Components.Schemas[ErrorResponses.SchemaId] = await context.GetOrCreateSchemaAsync(typeof(ApiError), null, cancellationToken);

        var known = Tags.Select(t => t.Name).ToHashSet();
        var tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        foreach (var other in document.Tags ?? new HashSet<OpenApiTag>())
            if (other.Name is { } n && !known.Contains(n)) tags.Add(other);
        document.Tags = tags;

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations ?? []).Select(o => o.Value))
        {
            if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query && p.Schema?.Type is { } t
                    && (t & (JsonSchemaType.Integer | JsonSchemaType.Number | JsonSchemaType.Boolean)) != 0) == true)
                ErrorResponses.Add(operation, 400, "A query parameter does not have its type (a number, or true or false).", document);
            if (operation.RequestBody?.Content is not { Count: > 0 } content) continue;
            // A JSON body's null field may be left out (the hub reads a missing field as null): only non-null fields are required.
            foreach (var media in content.Values)
                if (media.Schema is OpenApiSchemaReference { Reference.Id: { } id } && document.Components.Schemas.TryGetValue(id, out var body)
                    && body is OpenApiSchema { Required: { Count: > 0 } required, Properties: { } properties })
                    foreach (string name in required.Where(n => properties.TryGetValue(n, out var p) && p.Type is { } t && (t & JsonSchemaType.Null) != 0).ToList())
                        required.Remove(name);
            ErrorResponses.Add(operation, 413, $"The body is larger than the hub accepts ({options.MaxBodyBytes:N0} bytes).", document);
            if (content.ContainsKey("application/json"))
                ErrorResponses.Add(operation, 400, "The body is not JSON, or does not match what the endpoint takes; field names the JSON path at fault.", document);
        }
    }
}
