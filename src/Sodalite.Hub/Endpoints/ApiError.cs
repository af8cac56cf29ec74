using System.Text.Json.Serialization;

namespace Sodalite.Hub.Endpoints;

/// <summary>
/// The body of every error the hub answers (400, 401, 403, 404, 409, 413): what went wrong, in words, and the field at fault when
/// one is (a JSON path such as <c>$.checks[0].outcome</c>, a form field or a query parameter).
/// </summary>
/// <param name="Detail">What went wrong and, where it helps, what to do.</param>
/// <param name="Field">The field, form part or query parameter at fault, when one is.</param>
public sealed record ApiError(string Detail, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null);
