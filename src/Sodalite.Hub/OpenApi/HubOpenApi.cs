// The hub's API documentation: the OpenAPI document at /openapi/v1.json and the interactive page at /api/docs, both anonymous.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Sodalite.Hub.OpenApi;

/// <summary>Registers and maps the OpenAPI document and the Scalar API reference page.</summary>
public static class HubOpenApi
{
    /// <summary>Where the OpenAPI document is served (the document name is v1).</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Where the interactive API reference page is served.</summary>
    public const string DocsPath = "/api/docs";

    /// <summary>The security scheme's name in the document for the hub's bearer tokens (an API token or a session JWT).</summary>
    public const string BearerScheme = "bearer";

    /// <summary>The security scheme's name in the document for the Soda Cloud webhook's own bearer token.</summary>
    public const string WebhookScheme = "sodaWebhook";

    /// <summary>Adds the OpenAPI document with the hub's title, description, tags, security schemes and error responses.</summary>
    public static IServiceCollection AddHubOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer<ClientSchemaTransformer>();
            o.AddOperationTransformer<SecurityOperationTransformer>();
            o.AddDocumentTransformer<HubDocumentTransformer>();
        });

    /// <summary>
    /// Maps GET <see cref="DocumentPath"/> and the Scalar page under <see cref="DocsPath"/>, both without a token. The page loads its
    /// script from the package's bundled copy (served under the page's path) and no web fonts, so it works offline.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(DocsPath, o =>
            {
                o.WithTitle("Sodalite hub API")
                    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                    .DisableDefaultFonts()
                    .AddPreferredSecuritySchemes(BearerScheme);
                // A self-hosted hub's page calls nobody else: no telemetry, no AI chat, no hosted developer tools or deploy button.
                o.Telemetry = false;
                o.Agent = new ScalarAgentOptions { Disabled = true };
                o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
                o.DotNetFlag = false;
            })
            .AllowAnonymous();
    }
}
