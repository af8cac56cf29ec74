using System.Globalization;
using System.Text.Json;

namespace Sodalite.Engine.DataSources.ClickHouse;

/// <summary>ClickHouse type names → CLR values, for the types JSONCompact writes.</summary>
public static class ClickHouseTypes
{
    /// <summary>Nullable(T) and LowCardinality(T) are T to a reader (and to a schema check).</summary>
    public static string Unwrap(string type)
    {
        string t = type.Trim();
        while (true)
        {
            if (t.StartsWith("Nullable(", StringComparison.Ordinal) && t.EndsWith(')')) t = t["Nullable(".Length..^1];
            else if (t.StartsWith("LowCardinality(", StringComparison.Ordinal) && t.EndsWith(')')) t = t["LowCardinality(".Length..^1];
            else return t;
        }
    }

    private static string Base(string inner) => inner.IndexOf('(') is int i and > 0 ? inner[..i] : inner;

    public static Type ClrType(string inner) => Base(inner) switch
    {
        "Int8" or "Int16" or "Int32" or "Int64" or "UInt8" or "UInt16" or "UInt32" => typeof(long),
        "UInt64" => typeof(ulong),
        "Float32" or "Float64" => typeof(double),
        "Decimal" or "Decimal32" or "Decimal64" or "Decimal128" => typeof(decimal),
        "Date" => typeof(DateOnly),
        "DateTime" or "DateTime64" => typeof(DateTime),
        _ => typeof(string),
    };

    /// <param name="serverZone">The server's time zone, in which a DateTime without a zone of its own is shown.</param>
    public static object? Read(JsonElement cell, string inner, TimeZoneInfo? serverZone = null)
    {
        if (cell.ValueKind == JsonValueKind.Null) return null;
        string text = cell.ValueKind == JsonValueKind.String ? cell.GetString()! : cell.GetRawText();
        var inv = CultureInfo.InvariantCulture;
        switch (Base(inner))
        {
            case "Int8" or "Int16" or "Int32" or "Int64" or "UInt8" or "UInt16" or "UInt32":
                return long.Parse(text, inv);
            case "UInt64":
                return ulong.Parse(text, inv);
            case "Float32" or "Float64":
                // nan and inf are written as null (output_format_json_quote_denormals=0) or as text by newer servers.
                return double.TryParse(text, NumberStyles.Float, inv, out double d) && double.IsFinite(d) ? d : null;
            case "Decimal" or "Decimal32" or "Decimal64" or "Decimal128":
                return decimal.Parse(text, NumberStyles.Float, inv);
            case "Date":
                return DateOnly.ParseExact(text, "yyyy-MM-dd", inv);
            case "DateTime" or "DateTime64":
                {
                    var local = DateTime.Parse(text, inv, DateTimeStyles.AllowWhiteSpaces);
                    // DateTime('Europe/Paris') is an instant shown in that zone: as UTC it is the instant, as a timestamptz is.
                    // A DateTime without a zone is an instant too, shown in the server's zone: it becomes the UTC wall-clock time
                    // without a zone (a timestamp, which Sodalite reads as UTC), so results do not depend on the server's zone.
                    local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
                    if (TimeZoneOf(inner) is { } zone) return TimeZoneInfo.ConvertTimeToUtc(local, zone);
                    return serverZone is null ? local : DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(local, serverZone), DateTimeKind.Unspecified);
                }
            default:
                return cell.ValueKind == JsonValueKind.String ? text : cell.GetRawText();
        }
    }

    /// <summary>The zone of DateTime('Zone') or DateTime64(3, 'Zone'); null without one.</summary>
    public static TimeZoneInfo? TimeZoneOf(string inner)
    {
        int q = inner.IndexOf('\'');
        if (q < 0) return null;
        string id = inner[(q + 1)..inner.LastIndexOf('\'')];
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
