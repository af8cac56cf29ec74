// Maps a Soda scan-results document to the files a QALITA pack uploads (spec/qalita.md §1.8 and §6):
// metrics.json, recommendations.json and schemas.json, serialized as Python's json.dump(indent=4).
using System.Globalization;
using System.Text.Json.Nodes;
using Sodalite.Results.Json;

namespace Sodalite.Results.Qalita;

public sealed record QalitaArtifacts(JsonArray Metrics, JsonArray Recommendations, JsonArray Schemas)
{
    public const string MetricsFile = "metrics.json";
    public const string RecommendationsFile = "recommendations.json";
    public const string SchemasFile = "schemas.json";
    public const string SodaResultsFile = "soda_results.json";

    /// <summary>Builds the artifacts. <paramref name="rowsAnalyzed"/> null means: take the unfiltered
    /// row_count metric of the dataset; <paramref name="columns"/> null means: the columns named by checks.</summary>
    public static QalitaArtifacts Build(JsonObject results, string label, string? dataset = null,
        long? rowsAnalyzed = null, IReadOnlyList<string>? columns = null)
    {
        dataset ??= label;
        var checks = (results["checks"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var metrics = (results["metrics"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        string? definitionName = results["definitionName"]?.GetValue<string>();
        string? defaultDs = results["defaultDataSource"]?.GetValue<string>();

        string Prefix(JsonObject metric)
        {
            string? ds = metric["dataSourceName"]?.GetValue<string>() ?? defaultDs;
            var parts = new List<string> { "metric" };
            if (!string.IsNullOrEmpty(definitionName)) parts.Add(definitionName);
            if (!string.IsNullOrEmpty(ds)) parts.Add(ds);
            parts.Add(dataset);
            return string.Join("-", parts) + "-";
        }

        // Fix 2: a metric listed by a column check keeps that column.
        var columnByMetric = new Dictionary<string, string>();
        foreach (var check in checks)
        {
            string? column = Str(check["column"]);
            if (column is null) continue;
            foreach (var id in (check["metrics"] as JsonArray ?? []).Select(Str).OfType<string>())
                columnByMetric.TryAdd(id, column);
        }

        var outMetrics = new JsonArray();
        long? rowCountMetric = null;
        foreach (var metric in metrics)
        {
            string identity = Str(metric["identity"]) ?? "";
            string name = Str(metric["metricName"]) ?? "";
            string prefix = Prefix(metric);
            if (identity == prefix + "row_count" && PyJson.AsDouble(metric["value"]) is double rc)
                rowCountMetric ??= (long)rc;
            string? column = columnByMetric.GetValueOrDefault(identity);
            if (column is null && identity.StartsWith(prefix, StringComparison.Ordinal)
                && identity.EndsWith("-" + name, StringComparison.Ordinal))
            {
                int start = prefix.Length, end = identity.Length - name.Length - 1;
                if (end > start) column = identity[start..end];
            }
            outMetrics.Add(Entry("key", name, metric["value"]?.DeepClone(),
                column is null ? DatasetScope(label) : ColumnScope(column.Replace("\"", ""), label)));
        }

        if (rowsAnalyzed is null && rowCountMetric is null)
            throw new ArtifactException(
                $"rows_analyzed is unknown: the results have no unfiltered row_count metric for dataset '{dataset}'. " +
                "Pass --rows-analyzed N, or add a 'row_count' check to the scan.");
        long rows = rowsAnalyzed ?? rowCountMetric!.Value;

        int total = checks.Count;
        int passed = checks.Count(c => Str(c["outcome"]) == "pass");
        double score = total == 0 ? 0 : (double)passed / total;
        JsonNode scoreNode = total == 0 ? PyJson.Int(0) : PyJson.Float(PyFloat.Round(score, 2))!;
        outMetrics.Add(Entry("key", "score", scoreNode, DatasetScope(label)));
        outMetrics.Add(Entry("key", "score_method", "exact", DatasetScope(label)));
        outMetrics.Add(Entry("key", "check_passed", PyJson.Int(passed), DatasetScope(label)));
        outMetrics.Add(Entry("key", "check_failed", PyJson.Int(total - passed), DatasetScope(label)));
        outMetrics.Add(Entry("key", "rows_analyzed", PyJson.Int(rows), DatasetScope(label)));

        var groups = new List<(string? Column, int Pass, int Total)>();
        foreach (var check in checks)
        {
            string? column = Str(check["column"])?.Replace("\"", "");
            int idx = groups.FindIndex(g => g.Column == column);
            bool pass = Str(check["outcome"]) == "pass";
            if (idx < 0) groups.Add((column, pass ? 1 : 0, 1));
            else groups[idx] = (column, groups[idx].Pass + (pass ? 1 : 0), groups[idx].Total + 1);
        }
        foreach (var g in groups)
        {
            outMetrics.Add(g.Column is null
                ? Entry("key", "check_completion_score", scoreNode.DeepClone(), DatasetScope(label))
                : Entry("key", "check_completion_score", PyJson.Float(PyFloat.Round((double)g.Pass / g.Total, 2)), ColumnScope(g.Column, label)));
        }

        var recs = new JsonArray();
        if (total == 0 || score < 1)
        {
            string pct = total == 0 ? "0" : PyFloat.Repr(score * 100);
            recs.Add(Rec($"The dataset '{label}' has PASSED {passed}/{total} checks giving a score of {pct}%.",
                "Checks Failed", DatasetScope(label), Level(1 - score)));
        }
        foreach (var check in checks.Where(c => Str(c["outcome"]) != "pass"))
        {
            string definition = Str(check["definition"]) ?? "";
            string? column = Str(check["column"])?.Replace("\"", "");
            recs.Add(column is null
                ? Rec(definition, "Checks Failed", DatasetScope(label), "high")
                : Rec(definition, Str(check["name"]) ?? "", ColumnScope(column, label), "high"));
        }

        var schemas = new JsonArray();
        var cols = columns ?? SchemaColumns(results, checks);
        foreach (var c in cols) schemas.Add(Entry("key", "column", c, ColumnScope(c, label)));
        schemas.Add(Entry("key", "dataset", label, DatasetScope(label)));

        return new QalitaArtifacts(outMetrics, recs, schemas);
    }

    /// <summary>qalita_core's determine_recommendation_level, fed the failure rate (Fix 1).</summary>
    public static string Level(double badness) => badness > 0.7 ? "high" : badness > 0.3 ? "warning" : "info";

    /// <summary>Writes each file whole or not at all; returns the paths written.</summary>
    public IReadOnlyList<string> WriteTo(string directory, JsonObject? sodaResults = null)
    {
        var written = new List<string>();
        void W(string name, string text)
        {
            string p = Path.Combine(directory, name);
            AtomicFile.WriteAllText(p, text);
            written.Add(p);
        }
        W(RecommendationsFile, PyJson.Serialize(Recommendations, 4));
        W(MetricsFile, PyJson.Serialize(Metrics, 4));
        W(SchemasFile, PyJson.Serialize(Schemas, 4));
        if (sodaResults is not null) W(SodaResultsFile, PyJson.Serialize(sodaResults));
        return written;
    }

    private static List<string> SchemaColumns(JsonObject results, List<JsonObject> checks)
    {
        var fromSchema = (results["metrics"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(m => Str(m["metricName"]) == "schema" && m["value"] is JsonArray)
            .SelectMany(m => ((JsonArray)m["value"]!).OfType<JsonObject>().Select(c => Str(c["columnName"])))
            .OfType<string>().Distinct().ToList();
        if (fromSchema.Count > 0) return fromSchema;
        return checks.Select(c => Str(c["column"])?.Replace("\"", "")).OfType<string>().Distinct().ToList();
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s
        : node is JsonValue v2 && v2.TryGetValue<System.Text.Json.JsonElement>(out var e) && e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString()
        : null;

    private static JsonObject DatasetScope(string label) => new() { ["perimeter"] = "dataset", ["value"] = label };

    private static JsonObject ColumnScope(string column, string label) => new()
    {
        ["perimeter"] = "column",
        ["value"] = column,
        ["parent_scope"] = DatasetScope(label),
    };

    private static JsonObject Entry(string keyName, string key, JsonNode? value, JsonObject scope) => new()
    {
        [keyName] = key,
        ["value"] = value,
        ["scope"] = scope,
    };

    private static JsonObject Rec(string content, string type, JsonObject scope, string level) => new()
    {
        ["content"] = content,
        ["type"] = type,
        ["scope"] = scope,
        ["level"] = level,
    };
}
