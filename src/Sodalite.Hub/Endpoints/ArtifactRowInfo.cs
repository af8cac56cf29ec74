using System.Text.Json.Nodes;

namespace Sodalite.Hub.Endpoints;

/// <summary>One entry of an uploaded metrics.json, recommendations.json or schemas.json, as GET /api/v2/{metrics,recommendations,schemas} answers.</summary>
/// <param name="Id">The row's id.</param>
/// <param name="Key">The entry's key (its type when it has none).</param>
/// <param name="Value">The entry's value, as text (JSON text when it is not a string).</param>
/// <param name="Content">A recommendation's content.</param>
/// <param name="Type">The entry's type.</param>
/// <param name="Level">A recommendation's level (info, warning, high).</param>
/// <param name="Scope">The entry's scope object, as uploaded (perimeter, value, parent_scope).</param>
/// <param name="SourceId">The upload's source id.</param>
/// <param name="SourceVersionId">The upload's source version id.</param>
/// <param name="PackId">The upload's pack id.</param>
/// <param name="PackVersionId">The upload's pack version id.</param>
/// <param name="CreatedAt">When it was uploaded (UTC).</param>
public sealed record ArtifactRowInfo(int Id, string Key, string? Value, string? Content, string? Type, string? Level, JsonNode? Scope, int SourceId,
    int? SourceVersionId, int? PackId, int? PackVersionId, DateTimeOffset CreatedAt);
