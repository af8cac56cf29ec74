namespace Sodalite.Hub.Endpoints;

/// <summary>A QALITA source with its versions, as GET /api/v2/sources answers.</summary>
/// <param name="Id">The source's id.</param>
/// <param name="Name">The source's name (the key scans are pushed under).</param>
/// <param name="Type">QALITA's source type (database, file, ...).</param>
/// <param name="Description">Free text.</param>
/// <param name="Reference">QALITA's reference flag.</param>
/// <param name="Sensitive">QALITA's sensitive flag.</param>
/// <param name="Visibility">QALITA's visibility (private, public, ...).</param>
/// <param name="Versions">The source's versions, oldest first.</param>
public sealed record SourceInfo(int Id, string Name, string Type, string? Description, bool Reference, bool Sensitive, string Visibility,
    IReadOnlyList<SourceVersionInfo> Versions);
