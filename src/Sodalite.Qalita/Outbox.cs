// Pushes that could not reach their server wait here, one file each, until `sodalite push --retry-outbox` sends them.
// Tokens are never written: the retry uses the token configured at that time.
using System.Text.Json;
using System.Text.Json.Serialization;
using Sodalite.Results;

namespace Sodalite.Qalita;

/// <summary>One pending request: to the hub (a scan) or to QALITA (an artifact upload), with what makes it idempotent.</summary>
public sealed record OutboxEntry(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("path")] string PathAndQuery,
    [property: JsonPropertyName("idempotency_key")] string? IdempotencyKey,
    [property: JsonPropertyName("file_name")] string? FileName,
    [property: JsonPropertyName("content")] byte[] Content,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);

public sealed class Outbox(string folder)
{
    // Per outbox: entries this instance adds in the same millisecond keep their order (the GUID keeps names unique across processes).
    private int _sequence;

    public string Folder { get; } = folder;

    public static string DefaultFolder(Func<string, string?> env) => env("SODALITE_OUTBOX") is { Length: > 0 } f ? f
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "sodalite", "outbox");

    public string Add(OutboxEntry entry)
    {
        Directory.CreateDirectory(Folder);
        // Time, then a sequence number, so entries made in the same millisecond keep their order.
        string name = $"{entry.CreatedAt.UtcDateTime:yyyyMMddHHmmssfff}-{Interlocked.Increment(ref _sequence):D8}-{entry.Target}-{Guid.NewGuid():N}.json";
        string path = Path.Combine(Folder, name);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(entry));
        return path;
    }

    /// <summary>The pending entries, oldest first.</summary>
    public IReadOnlyList<(string Path, OutboxEntry Entry)> Pending() =>
        !Directory.Exists(Folder) ? []
        : [.. Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(p => (p, JsonSerializer.Deserialize<OutboxEntry>(File.ReadAllText(p))!))];

    public static void Remove(string path) => File.Delete(path);
}
