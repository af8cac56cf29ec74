namespace Sodalite.Hub.Endpoints;

/// <summary>The JSON body of PUT /api/v2/sources/{id} (snake_case fields); a null field keeps the stored value.</summary>
/// <param name="Description">Free text.</param>
/// <param name="Visibility">QALITA's visibility (private, public, ...).</param>
/// <param name="Sensitive">QALITA's sensitive flag.</param>
/// <param name="Reference">QALITA's reference flag.</param>
public sealed record SourceUpdate(string? Description, string? Visibility, bool? Sensitive, bool? Reference);
