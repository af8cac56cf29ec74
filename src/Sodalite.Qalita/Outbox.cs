// Pushes that could not reach their server wait here, one file each, until `sodalite push --retry-outbox` sends them.
// Tokens are never written: the retry uses the token configured at that time. Entries are written durably (fsync of the file and
// the folder before and after the rename); an entry that cannot be read is moved to quarantine/, one the server refuses for good to
// dead-letter/ with the server's answer beside it, so neither jams the others.
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
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(entry), durable: true);
        return path;
    }

    /// <summary>Where entries that cannot be read are moved: <c>quarantine/</c> in the outbox.</summary>
    public string QuarantineFolder => Path.Combine(Folder, "quarantine");

    /// <summary>Where entries the server refused for good are moved, each with its <c>.answer.txt</c>: <c>dead-letter/</c> in the outbox.</summary>
    public string DeadLetterFolder => Path.Combine(Folder, "dead-letter");

    /// <summary>
    /// The pending entries with their files' paths, oldest first; none when the folder does not exist. A file that is not a whole entry
    /// (truncated, corrupt, another program's) is moved to <see cref="QuarantineFolder"/> and its new path added to
    /// <paramref name="quarantined"/>; the others are still answered. Throws <see cref="IOException"/> only when the folder itself
    /// cannot be read.
    /// </summary>
    public IReadOnlyList<(string Path, OutboxEntry Entry)> Pending(List<string>? quarantined = null)
    {
        if (!Directory.Exists(Folder)) return [];
        var entries = new List<(string, OutboxEntry)>();
        foreach (string path in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            OutboxEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<OutboxEntry>(File.ReadAllBytes(path));
                if (entry is null || string.IsNullOrEmpty(entry.Target) || string.IsNullOrEmpty(entry.Endpoint) || entry.PathAndQuery is null || entry.Content is null)
                    throw new JsonException("a field of the entry is missing");
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or FormatException)
            {
                string moved = MoveAside(path, QuarantineFolder, $"Not a whole outbox entry: {e.Message}");
                quarantined?.Add(moved);
                continue;
            }
            catch (FileNotFoundException)
            {
                continue;   // sent and removed by another retry meanwhile
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file this user cannot read (permissions, a disk error): moved aside when it can be, skipped and named either way.
                try
                {
                    quarantined?.Add(MoveAside(path, QuarantineFolder, $"Could not be read: {e.Message}"));
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                    quarantined?.Add(path);
                }
                continue;
            }
            entries.Add((path, entry));
        }
        return entries;
    }

    /// <summary>
    /// Moves the entry at <paramref name="path"/> to <see cref="DeadLetterFolder"/>, with <paramref name="answer"/> (why the server
    /// refused it) in a <c>.answer.txt</c> beside it, and answers its new path. Put the file back in the outbox folder to send it again.
    /// </summary>
    public string DeadLetter(string path, string answer) => MoveAside(path, DeadLetterFolder, answer);

    private static string MoveAside(string path, string folder, string why)
    {
        Directory.CreateDirectory(folder);
        string target = Path.Combine(folder, Path.GetFileName(path));
        AtomicFile.WriteAllText(Path.ChangeExtension(target, ".answer.txt"), why + "\n", durable: true);
        File.Move(path, target, overwrite: true);
        AtomicFile.FlushFolder(folder);
        AtomicFile.FlushFolder(Path.GetDirectoryName(path)!);
        return target;
    }

    /// <summary>Writes <paramref name="entry"/> over the entry at <paramref name="path"/> (atomically), keeping its place in the order.</summary>
    public static void Replace(string path, OutboxEntry entry) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(entry), durable: true);

    /// <summary>Deletes an entry's file once it is sent; a file already gone is no error.</summary>
    public static void Remove(string path) => File.Delete(path);
}
