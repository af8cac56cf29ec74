namespace Sodalite.Hub.Endpoints;

/// <summary>
/// The JSON body of POST /api/v1/sources/publish (QALITA's <c>qalita source push</c>, snake_case fields, spec/qalita.md §2.6):
/// creates the source named name or updates it; a null field keeps the stored value.
/// </summary>
/// <param name="Name">The source's name (required; the key).</param>
/// <param name="Type">QALITA's source type (database, file, ...).</param>
/// <param name="Description">Free text.</param>
/// <param name="Reference">QALITA's reference flag.</param>
/// <param name="Sensitive">QALITA's sensitive flag.</param>
/// <param name="Visibility">QALITA's visibility (private, public, ...).</param>
/// <param name="Version">A version to add when the source lacks it; 1.0.0 when null.</param>
public sealed record SourcePublish(string Name, string? Type, string? Description, bool? Reference, bool? Sensitive, string? Visibility, string? Version);
