// Writes JSON byte for byte as Python's json.dump does: ensure_ascii escapes with lowercase hex,
// float repr, and either the one-line default separators or indent=N.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sodalite.Results.Json;

public static class PyJson
{
    /// <summary>One line, separators ", " and ": " (json.dump defaults).</summary>
    public static string Serialize(JsonNode? node) => Serialize(node, null);

    /// <summary>A scan's results as Soda writes its -srf file (see <see cref="Soda.SodaJsonWriter"/>): one line.</summary>
    public static string Serialize(Model.ScanResult result) => Soda.SodaJsonWriter.Write(result);

    /// <summary>The same JSON document in json.dump's one-line layout (throws <see cref="JsonException"/> for text that is not JSON).</summary>
    public static string Reformat(string json) => Serialize(JsonNode.Parse(json));

    /// <summary>The same UTF-8 JSON document in json.dump's one-line layout (throws <see cref="JsonException"/> for bytes that are not JSON).</summary>
    public static string Reformat(ReadOnlySpan<byte> utf8Json) => Serialize(JsonNode.Parse(utf8Json));

    /// <summary>With <paramref name="indent"/> set: json.dump(indent=N) layout, no trailing newline.</summary>
    public static string Serialize(JsonNode? node, int? indent)
    {
        var sb = new StringBuilder();
        Write(sb, node, indent, 0);
        return sb.ToString();
    }

    /// <summary>A number node that serializes as a Python int.</summary>
    public static JsonNode Int(long value) => JsonValue.Create(value);

    /// <summary>A number node that serializes as a Python float (NaN/Inf become null).</summary>
    public static JsonNode? Float(double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? null : JsonValue.Create(value);

    private static void Write(StringBuilder sb, JsonNode? node, int? indent, int level)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                return;
            case JsonObject obj:
                if (obj.Count == 0) { sb.Append("{}"); return; }
                sb.Append('{');
                bool first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first) sb.Append(indent is null ? ", " : ",");
                    first = false;
                    NewLine(sb, indent, level + 1);
                    WriteString(sb, key);
                    sb.Append(": ");
                    Write(sb, value, indent, level + 1);
                }
                NewLine(sb, indent, level);
                sb.Append('}');
                return;
            case JsonArray arr:
                if (arr.Count == 0) { sb.Append("[]"); return; }
                sb.Append('[');
                for (int i = 0; i < arr.Count; i++)
                {
                    if (i > 0) sb.Append(indent is null ? ", " : ",");
                    NewLine(sb, indent, level + 1);
                    Write(sb, arr[i], indent, level + 1);
                }
                NewLine(sb, indent, level);
                sb.Append(']');
                return;
            case JsonValue value:
                WriteValue(sb, value);
                return;
        }
    }

    private static void NewLine(StringBuilder sb, int? indent, int level)
    {
        if (indent is null) return;
        sb.Append('\n');
        sb.Append(' ', indent.Value * level);
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var el))
        {
            switch (el.ValueKind)
            {
                case JsonValueKind.String: WriteString(sb, el.GetString()!); return;
                case JsonValueKind.True: sb.Append("true"); return;
                case JsonValueKind.False: sb.Append("false"); return;
                case JsonValueKind.Null: sb.Append("null"); return;
                case JsonValueKind.Number:
                    string raw = el.GetRawText();
                    if (IsIntegerText(raw)) sb.Append(raw);
                    else sb.Append(FloatText(el.GetDouble()));
                    return;
                default:
                    Write(sb, JsonNode.Parse(el.GetRawText()), null, 0);
                    return;
            }
        }
        if (value.TryGetValue<string>(out var s)) { WriteString(sb, s); return; }
        if (value.TryGetValue<bool>(out var b)) { sb.Append(b ? "true" : "false"); return; }
        if (value.TryGetValue<double>(out var d)) { sb.Append(FloatText(d)); return; }
        if (value.TryGetValue<float>(out var f)) { sb.Append(FloatText(f)); return; }
        if (value.TryGetValue<decimal>(out var m)) { sb.Append(FloatText(DecimalToDouble(m))); return; }
        if (value.TryGetValue<long>(out var l)) { sb.Append(l.ToString(CultureInfo.InvariantCulture)); return; }
        if (value.TryGetValue<int>(out var i)) { sb.Append(i.ToString(CultureInfo.InvariantCulture)); return; }
        // other CLR values (ints of other widths, DateTime...) go through their JSON text
        var text = value.ToJsonString();
        var reparsed = JsonNode.Parse(text);
        if (reparsed is JsonValue rv && rv.TryGetValue<JsonElement>(out var e2) && e2.ValueKind == JsonValueKind.Number)
        {
            sb.Append(IsIntegerText(text) ? text : FloatText(e2.GetDouble()));
            return;
        }
        Write(sb, reparsed, null, 0);
    }

    /// <summary>True when a JSON number's text is an integer (Python reads it as int).</summary>
    public static bool IsIntegerText(string raw) => raw.AsSpan().IndexOfAny(NotInteger) < 0;

    private static readonly System.Buffers.SearchValues<char> NotInteger = System.Buffers.SearchValues.Create(".eE");

    /// <summary>A float as json.dump writes it: repr, or NaN, Infinity, -Infinity.</summary>
    internal static string FloatText(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        return PyFloat.Repr(d);
    }

    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Is this node a number that Python would read as a float?</summary>
    public static bool IsFloat(JsonNode? node)
    {
        if (node is not JsonValue v) return false;
        if (v.TryGetValue<JsonElement>(out var el))
            return el.ValueKind == JsonValueKind.Number && !IsIntegerText(el.GetRawText());
        return v.TryGetValue<double>(out _) || v.TryGetValue<float>(out _) || v.TryGetValue<decimal>(out _);
    }

    /// <summary>The double nearest to a decimal, as Python's float(Decimal): a (double) cast of a decimal is not correctly rounded.</summary>
    private static double DecimalToDouble(decimal m) => double.Parse(m.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A number node's value as double, or null.</summary>
    public static double? AsDouble(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        if (v.TryGetValue<JsonElement>(out var el))
            return el.ValueKind == JsonValueKind.Number ? el.GetDouble() : null;
        if (v.TryGetValue<double>(out var d)) return d;
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<decimal>(out var m)) return DecimalToDouble(m);
        if (v.TryGetValue<float>(out var f)) return f;
        return null;
    }
}
