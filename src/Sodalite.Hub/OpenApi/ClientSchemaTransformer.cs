// Schemas as clients should see them. Numbers: the hub reads numbers given as JSON strings too (the web defaults of System.Text.Json),
// which the generator writes as "integer or string" with a digits pattern; the hub writes numbers as numbers, so the document says
// number or integer only. Fields left out when null (JsonIgnore WhenWritingNull) are not required. A JsonNode is any JSON value.
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sodalite.Hub.OpenApi;

internal sealed class ClientSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        if (context.JsonTypeInfo.Type == typeof(System.Text.Json.Nodes.JsonNode)) schema.Description ??= "Any JSON value.";
        if (schema.Required is { Count: > 0 } required)
            foreach (var property in context.JsonTypeInfo.Properties)
                if (property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).OfType<JsonIgnoreAttribute>()
                        .Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault) == true)
                    required.Remove(property.Name);
        return Task.CompletedTask;
    }
}
