// The body a push sends to the hub is the -srf document plus one top-level key, "failedRowSamples" (the rows Soda's format
// has no room for). These byte-level operations add that key to a document and take it out again, so that what a store
// identifies a scan by (its idempotency key) is the same whether the scan came with its samples or as its -srf file.
using System.Text;
using System.Text.Json;
using Sodalite.Results.Model;

namespace Sodalite.Results.Soda;

public static class SodaPushBody
{
    /// <summary>The top-level key that holds the failed-row samples in a pushed body: <c>failedRowSamples</c>.</summary>
    public const string SamplesKey = "failedRowSamples";

    /// <summary>
    /// <paramref name="body"/> without its top-level <c>failedRowSamples</c> member(s), every other byte kept: for a body written
    /// by <see cref="SodaJsonWriter.WritePushBody"/> or <see cref="Splice"/>, the document it was made from, byte for byte. The
    /// member may be anywhere among the top-level members (its name may be written with escapes): a member after another goes
    /// with the comma before it, a first member with the comma and blanks after it. Members of that name inside other values stay.
    /// Bytes that are not a JSON object, or have no such member, are returned unchanged (as a copy); so are bytes that stop being
    /// JSON before the member is found.
    /// </summary>
    public static byte[] Strip(ReadOnlySpan<byte> body)
    {
        byte[] current = body.ToArray();
        // One member at a time: a repeated key is removed occurrence by occurrence, each removal leaving valid JSON.
        while (FindMember(current) is var (start, end))
            current = [.. current.AsSpan(0, start), .. current.AsSpan(end)];
        return current;
    }

    /// <summary>
    /// <paramref name="document"/> (a JSON object, such as a -srf file's bytes) with <c>"failedRowSamples": [...]</c> (<see
    /// cref="SodaJsonWriter.WriteFailedRowSamples"/>, UTF-8) as its last member, spliced in just before the object's closing brace,
    /// after <c>", "</c> when the object has members; any <c>failedRowSamples</c> it had is taken out first. With no samples, the
    /// document without that member (<see cref="Strip"/>). Every other byte is kept, so <c>Strip(Splice(d, s)) == Strip(d)</c>.
    /// Throws <see cref="JsonException"/> when <paramref name="document"/> is not JSON, <see cref="ArgumentException"/> when it
    /// is JSON but not an object.
    /// </summary>
    public static byte[] Splice(ReadOnlySpan<byte> document, IReadOnlyList<FailedRowSample> samples)
    {
        byte[] stripped = Strip(document);
        if (ClosingBrace(stripped) is not var (closingBrace, hasMembers))
            throw new ArgumentException("The document is not a JSON object.", nameof(document));
        if (samples.Count == 0) return stripped;
        byte[] member = Encoding.UTF8.GetBytes((hasMembers ? ", \"" : "\"") + SamplesKey + "\": " + SodaJsonWriter.WriteFailedRowSamples(samples));
        return [.. stripped.AsSpan(0, closingBrace), .. member, .. stripped.AsSpan(closingBrace)];
    }

    /// <summary>Where the top-level object's closing brace is, and whether the object has members; null when the JSON is not an object.</summary>
    private static (int ClosingBrace, bool HasMembers)? ClosingBrace(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        bool hasMembers = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            hasMembers = true;
            reader.Read();
            reader.Skip();
        }
        int closingBrace = (int)reader.TokenStartIndex;
        // Reading on checks that nothing but blanks follows the object.
        while (reader.Read()) { }
        return (closingBrace, hasMembers);
    }

    /// <summary>The byte range [start, end) to remove for the first top-level failedRowSamples member; null when there is none.</summary>
    private static (int Start, int End)? FindMember(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            int previousEnd = -1;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int nameStart = (int)reader.TokenStartIndex;
                bool found = reader.ValueTextEquals(SamplesKey);
                reader.Read();
                reader.Skip();
                int valueEnd = (int)reader.BytesConsumed;
                if (found)
                {
                    // After another member: from the comma that separates it (only blanks and that comma lie in between).
                    if (previousEnd >= 0) return (previousEnd + json[previousEnd..nameStart].IndexOf((byte)','), valueEnd);
                    // The first member: up to the next member's name, or to its own value's end when it is the only one.
                    reader.Read();
                    return (nameStart, reader.TokenType == JsonTokenType.PropertyName ? (int)reader.TokenStartIndex : valueEnd);
                }
                previousEnd = valueEnd;
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
