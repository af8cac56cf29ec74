// What the OpenAPI generator cannot see in a handler that reads the request itself (HttpRequest): query parameters, headers,
// raw JSON and form bodies. Each helper only adds to the document; none changes how the endpoint behaves.
using Microsoft.AspNetCore.Builder;
using Microsoft.OpenApi;

namespace Sodalite.Hub.OpenApi;

/// <summary>Documentation-only conventions for endpoints whose handlers read the request themselves.</summary>
public static class OperationDocs
{
    /// <summary>Declares a query parameter the handler reads from <c>Request.Query</c>.</summary>
    public static TBuilder WithQueryParameter<TBuilder>(this TBuilder builder, string name, JsonSchemaType type, string description, bool required = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithParameter(ParameterLocation.Query, name, type, description, required);

    /// <summary>Declares a request header the handler reads.</summary>
    public static TBuilder WithHeaderParameter<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithParameter(ParameterLocation.Header, name, JsonSchemaType.String, description, required: false);

    /// <summary>Declares a required JSON request body that is an object the handler parses itself (no fixed schema beyond that).</summary>
    public static TBuilder AcceptsJsonDocument<TBuilder>(this TBuilder builder, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = description,
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema() } },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>Declares a required form request body (urlencoded or multipart) with the given fields.</summary>
    public static TBuilder AcceptsForm<TBuilder>(this TBuilder builder, string contentType, string description, params FormField[] fields)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)new OpenApiSchema { Type = f.Type, Format = f.Format, Description = f.Description }),
                Required = fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(),
            };
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = description,
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = schema } },
            };
            return Task.CompletedTask;
        });

    /// <summary>
    /// Marks the endpoint as guarded by the Soda Cloud webhook's own bearer token (see <see cref="SodaWebhookTokenMetadata"/>);
    /// documentation only.
    /// </summary>
    public static TBuilder RequiresSodaWebhookTokenInDocs<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SodaWebhookTokenMetadata());

    private static TBuilder WithParameter<TBuilder>(this TBuilder builder, ParameterLocation location, string name, JsonSchemaType type, string description, bool required)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(p => p.Name == name && p.In == location)) return Task.CompletedTask;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = location,
                Description = description,
                Required = required,
                Schema = new OpenApiSchema { Type = type },
            });
            return Task.CompletedTask;
        });
}
