namespace Sodalite.Hub.Endpoints;

/// <summary>
/// The JSON body of POST /api/v1/packs/publish and PUT /api/v2/packs/{id} (QALITA's <c>qalita pack push</c>, snake_case fields, spec/qalita.md §2.6);
/// a null field keeps the stored value.
/// </summary>
/// <param name="Name">The pack's name: required by publish (the key), ignored by PUT.</param>
/// <param name="Type">The quality dimension the pack's scores feed (validity, completeness, ...).</param>
/// <param name="Avatar">The pack's icon (QALITA sends icon.png in base64).</param>
/// <param name="Visibility">QALITA's visibility (private, public, ...).</param>
/// <param name="Config">The pack's configuration (QALITA sends pack_conf.json as a JSON string).</param>
/// <param name="Description">Free text.</param>
/// <param name="Url">A link.</param>
/// <param name="Readme">The pack's readme (QALITA sends README.md in base64).</param>
/// <param name="CompatibleSources">The source types the pack runs on; replaces the stored list.</param>
/// <param name="Version">PUT only: a version to add when the pack lacks it (publish ignores it).</param>
public sealed record PackPublish(string Name, string? Type, string? Avatar, string? Visibility, string? Config, string? Description, string? Url, string? Readme,
    string[]? CompatibleSources, string? Version);
