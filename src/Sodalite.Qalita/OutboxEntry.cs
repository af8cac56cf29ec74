using System.Text.Json.Serialization;

namespace Sodalite.Qalita;

/// <summary>
/// One pending request: to the hub (a scan) or to QALITA (an artifact upload), with what makes it idempotent. Stored as JSON
/// (snake_case names).
/// </summary>
/// <param name="Target">hub or qalita: which token the retry uses.</param>
/// <param name="Endpoint">The server's base URL.</param>
/// <param name="PathAndQuery">The request's path and query; for a QALITA upload whose ids were not resolved yet,
/// <c>resolve?kind=...&amp;source_id=...[&amp;pack_id=...][&amp;pack_name=...]</c>.</param>
/// <param name="IdempotencyKey">The hub's Idempotency-Key header; null for QALITA.</param>
/// <param name="FileName">The uploaded file's name (metrics.json, ...); null for the hub.</param>
/// <param name="Content">The body: the results document, or the artifact file's bytes (base64 in the JSON).</param>
/// <param name="CreatedAt">When the push was first tried; orders the entries.</param>
public sealed record OutboxEntry(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("path")] string PathAndQuery,
    [property: JsonPropertyName("idempotency_key")] string? IdempotencyKey,
    [property: JsonPropertyName("file_name")] string? FileName,
    [property: JsonPropertyName("content")] byte[] Content,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);
