using Microsoft.OpenApi;

namespace Sodalite.Hub.OpenApi;

/// <summary>One field of a form request body, for the OpenAPI document (<see cref="OperationDocs.AcceptsForm"/>).</summary>
/// <param name="Name">The field's name.</param>
/// <param name="Type">Its JSON schema type (a file part is a string with format binary).</param>
/// <param name="Description">What it is.</param>
/// <param name="Required">Whether the endpoint refuses a form without it.</param>
/// <param name="Format">The schema format, e.g. binary for a file part.</param>
public sealed record FormField(string Name, JsonSchemaType Type, string Description, bool Required = false, string? Format = null);
