using System.Globalization;
using System.Text.Json;

namespace Sodalite.Hub.Pages.Models;

/// <summary>
/// A check's fail and warn zones as its diagnostics state them (<c>{"fail": {"greaterThan": 0.0}, "warn": {...}}</c>; keys
/// greaterThanOrEqual, greaterThan, lessThan, lessThanOrEqual; Soda's format, spec/sodacl.md §4.3); each zone's bounds in that order.
/// </summary>
public sealed record Thresholds(IReadOnlyList<(string Op, double Bound)> Fail, IReadOnlyList<(string Op, double Bound)> Warn)
{
    /// <summary>No thresholds.</summary>
    public static Thresholds None { get; } = new([], []);

    /// <summary>The zones of a diagnostics object as JSON; <see cref="None"/> when it is not JSON or has none.</summary>
    public static Thresholds FromDiagnostics(string? json)
    {
        if (string.IsNullOrEmpty(json)) return None;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return None;
            return new Thresholds(Zone(doc.RootElement, "fail"), Zone(doc.RootElement, "warn"));
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static List<(string, double)> Zone(JsonElement root, string name)
    {
        var list = new List<(string, double)>();
        if (!root.TryGetProperty(name, out var zone) || zone.ValueKind != JsonValueKind.Object) return list;
        foreach (var (key, op) in new[] { ("greaterThanOrEqual", ">="), ("greaterThan", ">"), ("lessThan", "<"), ("lessThanOrEqual", "<=") })
            if (zone.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number) list.Add((op, v.GetDouble()));
        return list;
    }

    /// <summary>
    /// True when a zone lies outside a range (its lower bound is at or above its upper bound, as Soda writes <c>= 0</c>'s fail zone:
    /// greaterThan 0 and lessThan 0): a value is in it when it meets either bound.
    /// </summary>
    public static bool IsOutside(IReadOnlyList<(string Op, double Bound)> zone) =>
        zone.Any(b => b.Op is ">" or ">=") && zone.Any(b => b.Op is "<" or "<=")
        && zone.Where(b => b.Op is ">" or ">=").Max(b => b.Bound) >= zone.Where(b => b.Op is "<" or "<=").Min(b => b.Bound);

    /// <summary>"fail when &gt; 0 or &lt; 0; warn when &gt;= 10", or "" without zones.</summary>
    public override string ToString()
    {
        static string Z(string word, IReadOnlyList<(string Op, double Bound)> z) =>
            z.Count == 0 ? "" : $"{word} when {string.Join(IsOutside(z) ? " or " : " and ", z.Select(b => $"{b.Op} {b.Bound.ToString("G6", CultureInfo.InvariantCulture)}"))}";
        return string.Join("; ", new[] { Z("fail", Fail), Z("warn", Warn) }.Where(s => s.Length > 0));
    }
}
