using Microsoft.OpenApi;
using Sodalite.Hub.Endpoints;

namespace Sodalite.Hub.OpenApi;

/// <summary>Adds error responses with the shared <see cref="ApiError"/> schema to operations of the OpenAPI document.</summary>
internal static class ErrorResponses
{
    /// <summary>The name of the <see cref="ApiError"/> schema among the document's components.</summary>
    public const string SchemaId = nameof(ApiError);

    /// <summary>Adds the response for <paramref name="status"/> unless the operation declares it already.</summary>
    public static void Add(OpenApiOperation operation, int status, string description, OpenApiDocument? document)
    {
        operation.Responses ??= [];
        string code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(code)) return;
        operation.Responses[code] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(SchemaId, document) },
            },
        };
    }
}
