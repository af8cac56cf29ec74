// What the hub refuses before anything is stored (issue 18: never a 500 for bad input). Text must be storable the same way on SQLite
// and PostgreSQL: PostgreSQL's text holds no NUL character, UTF-8 cannot encode an unpaired UTF-16 surrogate, and a btree index entry
// holds at most about 2,700 bytes; numbers must be finite, since JSON has no Infinity to answer them with later.
using System.Globalization;
using System.Text.Json;

namespace Sodalite.Hub.Ingestion;

/// <summary>Checks request input for what no store can keep: the first problem, with the JSON path or field it is at.</summary>
public static class InputGuard
{
    /// <summary>The longest text, in characters, kept in an indexed column (names, identities, keys): 1,000.</summary>
    public const int MaxKeyLength = 1000;

    /// <summary>
    /// What is wrong with <paramref name="text"/> for storage, or null: "holds a NUL character", "holds an unpaired UTF-16 surrogate".
    /// </summary>
    public static string? TextProblem(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\0') return "holds a NUL character (\\u0000), which the hub cannot store";
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else return $"holds an unpaired UTF-16 surrogate (\\u{(int)c:x4}), which is not text";
            }
            else if (char.IsLowSurrogate(c)) return $"holds an unpaired UTF-16 surrogate (\\u{(int)c:x4}), which is not text";
        }
        return null;
    }

    /// <summary>The text with each NUL and unpaired surrogate replaced by U+FFFD (the replacement character); other text as it is.</summary>
    public static string Sanitize(string text)
    {
        if (TextProblem(text) is null) return text;
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\0') chars[i] = '\uFFFD';
            else if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>What is wrong with a name or identity the hub indexes (<see cref="TextProblem"/>, or longer than <see cref="MaxKeyLength"/>), or null.</summary>
    public static string? KeyProblem(string text) =>
        TextProblem(text) ?? (text.Length > MaxKeyLength ? $"is {text.Length:N0} characters long; the hub keeps names and identities of at most {MaxKeyLength:N0}" : null);

    /// <summary>
    /// The first value of the JSON tree that cannot be read back, as (path, what is wrong): a number beyond the range of a double (1e400:
    /// it would be kept as Infinity, which JSON cannot answer with), or a string that is not Unicode text (invalid UTF-8, or an escaped
    /// unpaired surrogate, which .NET cannot read as a string). A NUL is not refused here: names and identities with one are refused where
    /// they are stored, other text keeps U+FFFD in its place (<see cref="Sanitize"/>), so a log line or a sample row never costs a scan. Paths are written from <paramref name="root"/>:
    /// <c>$.checks[0].diagnostics.value</c>, <c>file[2].value</c>.
    /// </summary>
    public static (string Path, string Problem)? Find(JsonElement element, string root = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (Find(property.Value, $"{root}.{property.Name}") is { } found) return found;
                }
                return null;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{root}[{i}]") is { } found) return found;
                    i++;
                }
                return null;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return (root, "is not valid Unicode text (invalid UTF-8, or an unpaired UTF-16 surrogate such as \\ud800)");
                }
            case JsonValueKind.Number:
                string raw = element.GetRawText();
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
                    ? null : (root, $"is {raw}, beyond the range of a double (about ±1.8e308)");
            default:
                return null;
        }
    }
}
