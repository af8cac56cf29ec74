// Maps a scan's results (ours, or read from a Soda results file) to the files a QALITA pack uploads (spec/qalita.md §1.8
// and §6): metrics.json, recommendations.json and schemas.json, serialized as Python's json.dump(indent=4).
using System.Text.Json.Nodes;
using Sodalite.Results.Json;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Results.Qalita;

public sealed record QalitaArtifacts(JsonArray Metrics, JsonArray Recommendations, JsonArray Schemas)
{
    public const string MetricsFile = "metrics.json";
    public const string RecommendationsFile = "recommendations.json";
    public const string SchemasFile = "schemas.json";
    public const string SodaResultsFile = "soda_results.json";

    /// <summary>Builds the artifacts. <paramref name="rowsAnalyzed"/> null means: take the unfiltered
    /// row_count metric of the dataset; <paramref name="columns"/> null means: the columns named by checks.
    /// Throws <see cref="ArtifactException"/> when rows analyzed is neither given nor in the results.</summary>
    public static QalitaArtifacts Build(ScanResult results, string label, string? dataset = null,
        long? rowsAnalyzed = null, IReadOnlyList<string>? columns = null)
    {
        dataset ??= label;
        var checks = results.Checks;

        var outMetrics = new JsonArray();
        long? rowCountMetric = null;
        foreach (var metric in results.Metrics)
        {
            if (SodaMetricIdentity.IsTableMetric(results, metric, dataset, "row_count") && metric.Value?.AsDouble() is double rc)
                rowCountMetric ??= (long)rc;
            // Fix 2: a metric listed by a column check keeps that column; else the soda pack's reading of its identity.
            string? column = results.ChecksOf(metric.Identity).Select(c => c.Column).FirstOrDefault(c => c is not null)
                ?? SodaMetricIdentity.ColumnIn(results, metric, dataset);
            outMetrics.Add(Entry("key", metric.MetricName, SodaJsonWriter.ToNode(metric.Value),
                column is null ? DatasetScope(label) : ColumnScope(column.Replace("\"", ""), label)));
        }

        if (rowsAnalyzed is null && rowCountMetric is null)
            throw new ArtifactException(
                $"rows_analyzed is unknown: the results have no unfiltered row_count metric for dataset '{dataset}'. " +
                "Pass --rows-analyzed N, or add a 'row_count' check to the scan.");
        long rows = rowsAnalyzed ?? rowCountMetric!.Value;

        int total = checks.Count;
        int passed = checks.Count(c => c.Outcome == Outcome.Pass);
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
            string? column = check.Column?.Replace("\"", "");
            int idx = groups.FindIndex(g => g.Column == column);
            bool pass = check.Outcome == Outcome.Pass;
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
        foreach (var check in checks.Where(c => c.Outcome != Outcome.Pass))
        {
            string? column = check.Column?.Replace("\"", "");
            recs.Add(column is null
                ? Rec(check.Definition, "Checks Failed", DatasetScope(label), "high")
                : Rec(check.Definition, check.Name, ColumnScope(column, label), "high"));
        }

        var schemas = new JsonArray();
        var cols = columns ?? SchemaColumns(results);
        foreach (var c in cols) schemas.Add(Entry("key", "column", c, ColumnScope(c, label)));
        schemas.Add(Entry("key", "dataset", label, DatasetScope(label)));

        return new QalitaArtifacts(outMetrics, recs, schemas);
    }

    /// <summary>qalita_core's determine_recommendation_level, fed the failure rate (Fix 1).</summary>
    public static string Level(double badness) => badness > 0.7 ? "high" : badness > 0.3 ? "warning" : "info";

    /// <summary>Writes each file whole or not at all, and <paramref name="sodaResults"/> (a results document's JSON text)
    /// as soda_results.json when given; returns the paths written.</summary>
    public IReadOnlyList<string> WriteTo(string directory, string? sodaResults = null)
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
        if (sodaResults is not null) W(SodaResultsFile, sodaResults);
        return written;
    }

    private static List<string> SchemaColumns(ScanResult results)
    {
        var fromSchema = results.Metrics
            .Where(m => m.MetricName == "schema" && m.Value is ListValue)
            .SelectMany(m => ((ListValue)m.Value!).Items.OfType<ObjectValue>().Select(c => c["columnName"]?.AsText()))
            .OfType<string>().Distinct().ToList();
        if (fromSchema.Count > 0) return fromSchema;
        return results.Checks.Select(c => c.Column?.Replace("\"", "")).OfType<string>().Distinct().ToList();
    }

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
