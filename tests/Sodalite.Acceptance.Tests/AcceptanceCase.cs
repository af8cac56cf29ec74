// One recorded Soda Core run from ../shared/acceptance/soda-v3, and the comparison rules of its README.
using System.Text.Json.Nodes;
using Sodalite.Results.Json;
using Sodalite.TestSupport;

namespace Sodalite.Acceptance.Tests;

public static class AcceptanceCase
{
    public static string CasesDir => Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases");

    /// <summary>The cases recorded from public Soda bug reports (../shared/acceptance/soda-v3-reports), named "reports/&lt;case&gt;".</summary>
    public static string ReportsDir => Path.Combine(RepoPaths.Acceptance, "soda-v3-reports", "cases");

    /// <summary>Prefix of a bug-report case's name.</summary>
    public const string ReportsPrefix = "reports/";

    /// <summary>Every case of soda-v3-reports, whatever it holds: a case added there is replayed without a change here.</summary>
    public static string[] Reports =>
        Directory.Exists(ReportsDir) ? [.. Directory.GetDirectories(ReportsDir).Select(d => ReportsPrefix + Path.GetFileName(d)).Order(StringComparer.Ordinal)] : [];

    /// <summary>A case's folder: soda-v3's, or soda-v3-reports' for a name starting with "reports/".</summary>
    public static string CaseDir(string name) =>
        name.StartsWith(ReportsPrefix, StringComparison.Ordinal) ? Path.Combine(ReportsDir, name[ReportsPrefix.Length..]) : Path.Combine(CasesDir, name);

    /// <summary>Cases whose check types Sodalite runs: replayed on PostgreSQL and DuckDB.</summary>
    public static readonly string[] Replayed =
    [
        "attributes_identity", "bad_sql_error", "change_over_time_no_cloud", "duplicates_filter", "duplicates_multi", "duplicates_single",
        "invalid_default_no_cfg", "invalid_email_format", "invalid_include_null", "invalid_nonexisting_format",
        "invalid_pct_missing_and_format", "invalid_percent_filtered", "invalid_regex", "invalid_valid_min_max",
        "invalid_valid_values_colcfg", "invalid_values_and_max_length", "lengths", "metric_filter", "min_max_avg_sum",
        "missing_check_and_column_cfg", "missing_default", "missing_format", "no_checks", "null_metric_value",
        "numeric_metric_on_text", "parse_errors", "percentages", "row_count_fail_ops", "row_count_pass_ops", "row_count_vars",
        "stats_postgres", "udm_expression", "valid_length_colcfg", "warn_fail_thresholds", "yaml_error",
        "freshness_date_col", "freshness_no_rows", "freshness_pass", "freshness_user_var_fail", "freshness_var_missing", "freshness_warn",
        "schema_forbidden_wildcard", "schema_index_fail", "schema_mismatching_optional", "schema_required_missing_fail", "schema_types_warn",
        "missing_table", "reference_fail", "reference_multi_fail", "reference_not_fail",
        "row_count_same_as_filters", "table_filter", "udm_query", "failed_rows_condition", "failed_rows_query", "failed_rows_threshold",
        "for_each_dataset", "group_by",
    ];

    /// <summary>Cases of check types not implemented yet (issue 3: schema, reference, ...).</summary>
    public static readonly string[] NotYetReplayed = [];

    /// <summary>
    /// Scans a recorded case's checks against the data source "pg" of <paramref name="configPath"/> and compares the results with
    /// Soda's; <paramref name="normalize"/> (expected, actual) applies an engine's listed differences first. Returns the
    /// differences followed by the scan's logs, or null when the results match.
    /// </summary>
    public static async Task<string?> ReplayAsync(string name, string configPath, Action<JsonObject, JsonObject>? normalize = null, bool sampleColumnTypes = true)
    {
        string dir = CaseDir(name);
        var expected = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")))!;
        int expectedExit = int.Parse(File.ReadAllText(Path.Combine(dir, "exit_code")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var (actual, exit, logs) = await ScanWithLogsAsync(name, configPath);
        normalize?.Invoke(expected, actual);
        var diffs = Compare(expected, actual, expectedExit, exit, sampleColumnTypes);
        return diffs.Count == 0 ? null : string.Join("\n", diffs) + "\nlogs:\n" + logs;
    }

    /// <summary>Scans a recorded case's checks against the data source "pg" of <paramref name="configPath"/>: the results document, exit code and logs.</summary>
    public static async Task<(JsonObject Document, int ExitCode, string Logs)> ScanWithLogsAsync(string name, string configPath)
    {
        var run = await new Sodalite.Engine.Scanner(TimeProvider.System).RunAsync(new Sodalite.Engine.ScanOptions
        {
            DataSourceName = "pg",
            ConfigurationFiles = [configPath],
            CheckPaths = [Path.Combine(CaseDir(name), "checks.yml")],
            Variables = Vars(name),
        });
        var doc = (JsonObject)JsonNode.Parse(PyJson.Serialize(Sodalite.Engine.Output.ResultsDocument.Build(run)))!;
        return (doc, run.ExitCode, string.Join("\n", run.Logs.Select(l => $"{l.Level}: {l.Message}")));
    }

    public static Dictionary<string, string> Vars(string caseName)
    {
        string path = Path.Combine(CaseDir(caseName), "vars.json");
        if (!File.Exists(path)) return [];
        var o = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        return o.ToDictionary(p => p.Key, p => p.Value!.ToString());
    }

    /// <summary>Differences between our document and Soda's, under the README's rules; empty when equal.</summary>
    public static List<string> Compare(JsonObject expected, JsonObject actual, int expectedExit, int actualExit, bool sampleColumnTypes = true)
    {
        var diffs = new List<string>();
        if (expectedExit != actualExit) diffs.Add($"exit code {actualExit}, expected {expectedExit}");
        foreach (var k in new[] { "hasErrors", "hasWarnings", "hasFailures" })
            if (!JsonNode.DeepEquals(expected[k], actual[k])) diffs.Add($"{k} {actual[k]}, expected {expected[k]}");

        var eChecks = ((JsonArray)expected["checks"]!).OfType<JsonObject>().ToDictionary(c => (string)c["identity"]!);
        var aChecks = ((JsonArray)actual["checks"]!).OfType<JsonObject>().GroupBy(c => (string)c["identity"]!).ToDictionary(g => g.Key, g => g.First());
        foreach (var id in eChecks.Keys.Except(aChecks.Keys)) diffs.Add($"missing check {id} ({eChecks[id]["name"]})");
        foreach (var id in aChecks.Keys.Except(eChecks.Keys)) diffs.Add($"extra check {id} ({aChecks[id]["name"]}, definition {aChecks[id]["definition"]})");
        foreach (var id in eChecks.Keys.Intersect(aChecks.Keys))
        {
            var e = eChecks[id];
            var a = aChecks[id];
            foreach (var k in new[] { "name", "type", "definition", "table", "column", "outcome", "identities", "resourceAttributes" })
                if (!JsonNode.DeepEquals(e[k], a[k])) diffs.Add($"check {id} {k}: {a[k]?.ToJsonString()} expected {e[k]?.ToJsonString()}");
            foreach (var k in new[] { "line", "col" })
                if (!JsonNode.DeepEquals(e["location"]![k], a["location"]![k])) diffs.Add($"check {id} location.{k}: {a["location"]![k]} expected {e["location"]![k]}");
            var em = ((JsonArray)e["metrics"]!).Select(x => (string)x!).ToHashSet();
            var am = ((JsonArray)a["metrics"]!).Select(x => (string)x!).ToHashSet();
            if (!em.SetEquals(am)) diffs.Add($"check {id} metrics: {string.Join(",", am)} expected {string.Join(",", em)}");
            var ed = (JsonObject)e["diagnostics"]!;
            var ad = (JsonObject)a["diagnostics"]!;
            if (!ValueEquals(ed["value"], ad["value"])) diffs.Add($"check {id} diagnostics.value: {ad["value"]?.ToJsonString()} expected {ed["value"]?.ToJsonString()}");
            foreach (var k in new[] { "fail", "warn" })
                if (!ThresholdEquals(ed[k], ad[k])) diffs.Add($"check {id} diagnostics.{k}: {ad[k]?.ToJsonString()} expected {ed[k]?.ToJsonString()}");
            // Other diagnostics (freshness timestamps, schema events, ...) must be equal too, and none may be extra.
            foreach (var (k, ev) in ed.Where(p => p.Key is not ("blocks" or "value" or "fail" or "warn")))
            {
                bool same = ad.ContainsKey(k) && (ev is JsonObject or JsonArray ? JsonNode.DeepEquals(ev, ad[k]) : ValueEquals(ev, ad[k]));
                if (!same) diffs.Add($"check {id} diagnostics.{k}: {ad[k]?.ToJsonString() ?? "(absent)"} expected {ev?.ToJsonString()}");
            }
            foreach (var k in ad.Select(p => p.Key).Where(k => !ed.ContainsKey(k))) diffs.Add($"check {id} diagnostics.{k}: extra");
            var eb = ed["blocks"] as JsonArray ?? [];
            var ab = ad["blocks"] as JsonArray ?? [];
            if (eb.Count != ab.Count) diffs.Add($"check {id} blocks: {ab.Count} expected {eb.Count}");
            else
                for (int i = 0; i < eb.Count; i++)
                {
                    if ((string?)eb[i]!["type"] != (string?)ab[i]!["type"]) diffs.Add($"check {id} block {i} type {ab[i]!["type"]} expected {eb[i]!["type"]}");
                    var ef = eb[i]!["file"];
                    var af = ab[i]!["file"];
                    if (ef is not null && !JsonNode.DeepEquals(ef["totalRowCount"], af?["totalRowCount"]))
                        diffs.Add($"check {id} block {i} rows {af?["totalRowCount"]} expected {ef["totalRowCount"]}");
                    if (ef is not null && !JsonNode.DeepEquals(ColumnsOf(ef["columns"], sampleColumnTypes), ColumnsOf(af?["columns"], sampleColumnTypes)))
                        diffs.Add($"check {id} block {i} columns {af?["columns"]?.ToJsonString()} expected {ef["columns"]?.ToJsonString()}");
                }
        }

        var eMetrics = ((JsonArray)expected["metrics"]!).OfType<JsonObject>().Select(m => ((string)m["identity"]!, (string)m["metricName"]!, m["value"])).ToList();
        var aMetrics = ((JsonArray)actual["metrics"]!).OfType<JsonObject>().Select(m => ((string)m["identity"]!, (string)m["metricName"]!, m["value"])).ToList();
        foreach (var em in eMetrics)
        {
            var match = aMetrics.Where(a => a.Item1 == em.Item1 && a.Item2 == em.Item2).ToList();
            if (match.Count == 0) diffs.Add($"missing metric {em.Item1} = {em.Item3?.ToJsonString()}");
            else if (!ValueEquals(em.Item3, match[0].Item3))
                diffs.Add($"metric {em.Item1} = {match[0].Item3?.ToJsonString()} expected {em.Item3?.ToJsonString()}");
        }
        foreach (var am in aMetrics.Where(a => !eMetrics.Any(e => e.Item1 == a.Item1 && e.Item2 == a.Item2)))
            diffs.Add($"extra metric {am.Item1} = {am.Item3?.ToJsonString()}");

        bool eErr = ((JsonArray)expected["logs"]!).Any(l => (string?)l!["level"] == "error");
        bool aErr = ((JsonArray)actual["logs"]!).Any(l => (string?)l!["level"] == "error");
        if (eErr != aErr) diffs.Add($"error logs present: {aErr}, expected {eErr}");
        return diffs;
    }

    /// <summary>
    /// Maps an engine's catalog type names (schema metrics, schema type mismatches) to PostgreSQL's. A type name that stands for
    /// more than one PostgreSQL type (<paramref name="ambiguous"/>) is mapped back by the column's type in Soda's document.
    /// </summary>
    public static void RenameCatalogTypes(JsonObject actual, JsonObject expected, IReadOnlyDictionary<string, string> postgresNames, string? ambiguous = null)
    {
        var pgTypes = new Dictionary<string, string>();
        foreach (var m in ((JsonArray)expected["metrics"]!).OfType<JsonObject>().Where(m => m["value"] is JsonArray))
            foreach (var c in ((JsonArray)m["value"]!).OfType<JsonObject>().Where(c => c["columnName"] is not null && c["sourceDataType"] is not null))
                pgTypes[(string)c["columnName"]!] = (string)c["sourceDataType"]!;
        void Walk(JsonNode? node, string? column)
        {
            switch (node)
            {
                case JsonObject o:
                    string? col = o["columnName"] is JsonValue cv && cv.TryGetValue<string>(out var cn) ? cn : column;
                    foreach (var key in new[] { "sourceDataType", "actual_type" })
                        if (o[key] is JsonValue v && v.TryGetValue<string>(out var t))
                            o[key] = postgresNames.TryGetValue(t, out var pg) ? pg : t == ambiguous && col is not null && pgTypes.TryGetValue(col, out var byColumn) ? byColumn : t;
                    foreach (var (k, child) in o.ToList()) Walk(child, k is "column_type_mismatches" ? null : col);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child, column);
                    break;
            }
        }
        Walk(actual, null);
    }

    /// <summary>A group by query without ORDER BY returns its groups in the engine's order: compare them in any order.</summary>
    public static void SortGroupByRows(JsonObject doc)
    {
        foreach (var m in ((JsonArray)doc["metrics"]!).OfType<JsonObject>().Where(m => (string?)m["metricName"] == "group by" && m["value"] is JsonArray))
            m["value"] = new JsonArray([.. ((JsonArray)m["value"]!).Select(r => r!.DeepClone()).OrderBy(r => r.ToJsonString(), StringComparer.Ordinal)]);
    }

    /// <summary>A sample's column list; with types or, across engines whose type names differ, names only.</summary>
    private static JsonNode? ColumnsOf(JsonNode? columns, bool withTypes) =>
        withTypes || columns is not JsonArray a ? columns : new JsonArray([.. a.Select(c => (JsonNode?)JsonValue.Create((string?)c!["name"]))]);

    private static bool ValueEquals(JsonNode? e, JsonNode? a)
    {
        if (e is null || a is null) return e is null && a is null;
        var ed = PyJson.AsDouble(e);
        var ad = PyJson.AsDouble(a);
        if (ed is double x && ad is double y) return x == y || Math.Abs(x - y) <= 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y));
        // Rows of values (group by results): the same shape, each value within the tolerance.
        if (e is JsonArray ea && a is JsonArray aa) return ea.Count == aa.Count && ea.Zip(aa).All(p => ValueEquals(p.First, p.Second));
        if (e is JsonObject eo && a is JsonObject ao)
            return eo.Count == ao.Count && eo.All(p => ao.ContainsKey(p.Key) && ValueEquals(p.Value, ao[p.Key]));
        return JsonNode.DeepEquals(e, a) || e.ToString() == a.ToString();
    }

    private static bool ThresholdEquals(JsonNode? e, JsonNode? a)
    {
        if (e is null || a is null) return e is null && a is null;
        var eo = (JsonObject)e;
        var ao = (JsonObject)a;
        return eo.Count == ao.Count && eo.All(p => ao.ContainsKey(p.Key) && ValueEquals(p.Value, ao[p.Key]));
    }
}
