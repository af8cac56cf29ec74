namespace Sodalite.Hub.Endpoints;

/// <summary>A QALITA pack with its versions, as GET /api/v2/packs answers.</summary>
/// <param name="Id">The pack's id.</param>
/// <param name="Name">The pack's name (the hub ships one named soda).</param>
/// <param name="Type">The quality dimension its scores feed (validity, completeness, ...).</param>
/// <param name="Description">Free text.</param>
/// <param name="Visibility">QALITA's visibility (private, public, ...).</param>
/// <param name="Avatar">The pack's icon (base64), as published.</param>
/// <param name="Config">The pack's configuration, as published.</param>
/// <param name="Url">A link.</param>
/// <param name="Readme">The pack's readme (base64), as published.</param>
/// <param name="CompatibleSources">The source types the pack runs on.</param>
/// <param name="Versions">The pack's versions, oldest first.</param>
public sealed record PackInfo(int Id, string Name, string Type, string? Description, string Visibility, string? Avatar, string? Config, string? Url,
    string? Readme, IReadOnlyList<string?>? CompatibleSources, IReadOnlyList<PackVersionInfo> Versions);
