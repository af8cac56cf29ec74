// A Soda scan results document as the hub reads it: ours, real Soda Core's -srf file, or its get_scan_results() dict
// (the same keys). Validation names the field that is wrong, so a client can fix its document.
using System.Globalization;
using System.Text.Json;

namespace Sodalite.Hub.Ingestion;

public sealed record ScanCheck(string Identity, string Name, string? Table, string? Column, string Definition, string? Outcome,
    double? Value, IReadOnlyList<string> MetricIdentities, string DiagnosticsJson, IReadOnlyDictionary<string, string> Attributes);

public sealed record ScanMetric(string Identity, string MetricName, double? Value, string ValueJson);

public sealed record ScanDocument(string DefinitionName, string DataSource, DateTimeOffset DataTimestamp, DateTimeOffset? ScanStart,
    DateTimeOffset? ScanEnd, bool HasErrors, bool HasWarnings, bool HasFailures, IReadOnlyList<ScanCheck> Checks, IReadOnlyList<ScanMetric> Metrics);

/// <summary>A document the hub cannot store, with the JSON path of the field at fault.</summary>
public sealed class ScanDocumentException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

public static class ScanDocumentReader
{
    public static ScanDocument Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new ScanDocumentException("$", "The body must be a JSON object: a Soda scan results document (soda scan -srf).");
        var checksEl = Required(root, "checks", "$", JsonValueKind.Array);
        var checks = new List<ScanCheck>();
        int i = 0;
        foreach (var c in checksEl.EnumerateArray())
        {
            string at = $"checks[{i++}]";
            if (c.ValueKind != JsonValueKind.Object) throw new ScanDocumentException(at, $"{at} must be an object.");
            string identity = String(c, "identity", at, required: true)!;
            string? outcome = String(c, "outcome", at, required: false);
            if (outcome is not (null or "pass" or "warn" or "fail"))
                throw new ScanDocumentException($"{at}.outcome", $"{at}.outcome must be pass, warn, fail or null, not \"{outcome}\".");
            var diagnostics = c.TryGetProperty("diagnostics", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            double? value = diagnostics.ValueKind == JsonValueKind.Object && diagnostics.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            var metrics = c.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Array
                ? m.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : [];
            var attributes = new Dictionary<string, string>();
            if (c.TryGetProperty("resourceAttributes", out var ra) && ra.ValueKind == JsonValueKind.Array)
                foreach (var a in ra.EnumerateArray())
                    if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("name", out var an) && an.ValueKind == JsonValueKind.String)
                        attributes[an.GetString()!] = a.TryGetProperty("value", out var av) ? (av.ValueKind == JsonValueKind.String ? av.GetString()! : av.GetRawText()) : "";
            checks.Add(new ScanCheck(identity, String(c, "name", at, required: true)!, String(c, "table", at, required: false),
                String(c, "column", at, required: false), String(c, "definition", at, required: false) ?? "", outcome, value, metrics,
                diagnostics.ValueKind == JsonValueKind.Object ? diagnostics.GetRawText() : "{}", attributes));
        }
        var metricList = new List<ScanMetric>();
        if (root.TryGetProperty("metrics", out var ms) && ms.ValueKind == JsonValueKind.Array)
        {
            int j = 0;
            foreach (var m in ms.EnumerateArray())
            {
                string at = $"metrics[{j++}]";
                if (m.ValueKind != JsonValueKind.Object) throw new ScanDocumentException(at, $"{at} must be an object.");
                var value = m.TryGetProperty("value", out var v) ? v : default;
                metricList.Add(new ScanMetric(String(m, "identity", at, required: true)!, String(m, "metricName", at, required: true)!,
                    value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null, value.ValueKind == JsonValueKind.Undefined ? "null" : value.GetRawText()));
            }
        }
        string definitionName = String(root, "definitionName", "$", required: false) ?? "";
        string dataSource = String(root, "defaultDataSource", "$", required: false) ?? "";
        var dataTimestamp = Timestamp(root, "dataTimestamp", required: true)!.Value;
        return new ScanDocument(definitionName, dataSource, dataTimestamp, Timestamp(root, "scanStartTimestamp", false), Timestamp(root, "scanEndTimestamp", false),
            Bool(root, "hasErrors"), Bool(root, "hasWarnings"), Bool(root, "hasFailures"), checks, metricList);
    }

    private static JsonElement Required(JsonElement o, string name, string at, JsonValueKind kind)
    {
        if (!o.TryGetProperty(name, out var v)) throw new ScanDocumentException(Path(at, name), $"{Path(at, name)} is missing.");
        if (v.ValueKind != kind) throw new ScanDocumentException(Path(at, name), $"{Path(at, name)} must be {(kind == JsonValueKind.Array ? "an array" : kind.ToString().ToLowerInvariant())}.");
        return v;
    }

    private static string? String(JsonElement o, string name, string at, bool required)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return required ? throw new ScanDocumentException(Path(at, name), $"{Path(at, name)} is missing.") : null;
        if (v.ValueKind != JsonValueKind.String) throw new ScanDocumentException(Path(at, name), $"{Path(at, name)} must be a string.");
        return v.GetString();
    }

    private static bool Bool(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static DateTimeOffset? Timestamp(JsonElement o, string name, bool required)
    {
        string? text = String(o, name, "$", required);
        if (text is null) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            throw new ScanDocumentException($"$.{name}", $"$.{name} must be an ISO 8601 timestamp such as 2024-01-31T12:00:00+00:00, not \"{text}\".");
        return t.ToUniversalTime();
    }

    private static string Path(string at, string name) => at == "$" ? $"$.{name}" : $"{at}.{name}";
}
