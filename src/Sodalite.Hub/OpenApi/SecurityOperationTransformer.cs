// Each operation's security requirement, from the endpoint's own authorization metadata: the hub's bearer scheme for endpoints
// that require a policy (with 401, and 403 when a role may be refused), the webhook scheme for the Soda Cloud webhook, none for
// anonymous ones.
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sodalite.Hub.OpenApi;

internal sealed class SecurityOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        if (metadata.OfType<SodaWebhookTokenMetadata>().Any())
        {
            Require(operation, HubOpenApi.WebhookScheme, document);
            ErrorResponses.Add(operation, 401, "No bearer token, or not the webhook token the hub was started with (SODALITE_SODA_WEBHOOK_TOKEN).", document);
            return Task.CompletedTask;
        }
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToHashSet();
        if (metadata.OfType<IAllowAnonymous>().Any() || policies.Count == 0)
        {
            operation.Security = []; // explicitly none
            return Task.CompletedTask;
        }
        Require(operation, HubOpenApi.BearerScheme, document);
        ErrorResponses.Add(operation, 401, "No token, or a token that is unknown, revoked or expired.", document);
        string roles;
        if (policies.Contains(Policies.Admin)) roles = "the admin role";
        else if (policies.Contains(Policies.Write)) roles = "the admin or dataengineer role";
        else roles = "any role (viewer, dataengineer or admin)";
        if (policies.Contains(Policies.Admin) || policies.Contains(Policies.Write))
            ErrorResponses.Add(operation, 403, $"The token's role may not do this: it needs {roles}.", document);
        string needs = $"Needs a token with {roles}.";
        operation.Description = operation.Description is { Length: > 0 } d ? $"{d}\n\n{needs}" : needs;
        return Task.CompletedTask;
    }

    private static void Require(OpenApiOperation operation, string scheme, OpenApiDocument? document)
    {
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
    }
}
