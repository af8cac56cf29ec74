// Pushes that could not reach their server wait here, one file each, until `sodalite push --retry-outbox` sends them.
// Tokens are never written: the retry uses the token configured at that time.
using System.Text.Json;
using Sodalite.Results;

namespace Sodalite.Qalita;

/// <summary>A folder of pending pushes, one JSON file per <see cref="OutboxEntry"/>, named so that file name order is creation order.</summary>
/// <param name="folder">The folder; created by the first <see cref="Add"/>.</param>
public sealed class Outbox(string folder)
{
    // Per outbox: entries this instance adds in the same millisecond keep their order (the GUID keeps names unique across processes).
    private int _sequence;

    /// <summary>The outbox's folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>SODALITE_OUTBOX when set, else sodalite/outbox in the user's local application data folder.</summary>
    /// <param name="env">Looks a variable up by name; null when unset.</param>
    public static string DefaultFolder(Func<string, string?> env) => env("SODALITE_OUTBOX") is { Length: > 0 } f ? f
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "sodalite", "outbox");

    /// <summary>
    /// Writes the entry to a new file (atomically) and returns its path:
    /// <c>yyyyMMddHHmmssfff-sequence-target-guid.json</c> from its UTC creation time. Throws <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/> when the folder cannot be written.
    /// </summary>
    public string Add(OutboxEntry entry)
    {
        Directory.CreateDirectory(Folder);
        // Time, then a sequence number, so entries made in the same millisecond keep their order.
        string name = $"{entry.CreatedAt.UtcDateTime:yyyyMMddHHmmssfff}-{Interlocked.Increment(ref _sequence):D8}-{entry.Target}-{Guid.NewGuid():N}.json";
        string path = Path.Combine(Folder, name);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(entry));
        return path;
    }

    /// <summary>
    /// The pending entries with their files' paths, oldest first; none when the folder does not exist. Throws
    /// <see cref="JsonException"/> for a file that is not an entry, <see cref="IOException"/> when one cannot be read.
    /// </summary>
    public IReadOnlyList<(string Path, OutboxEntry Entry)> Pending() =>
        !Directory.Exists(Folder) ? []
        : [.. Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(p => (p, JsonSerializer.Deserialize<OutboxEntry>(File.ReadAllText(p))!))];

    /// <summary>Writes <paramref name="entry"/> over the entry at <paramref name="path"/> (atomically), keeping its place in the order.</summary>
    public static void Replace(string path, OutboxEntry entry) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(entry));

    /// <summary>Deletes an entry's file once it is sent; a file already gone is no error.</summary>
    public static void Remove(string path) => File.Delete(path);
}
