// dbt test results as a Soda results document, as `soda ingest dbt` (soda-core-dbt 3.5.6) builds it from manifest.json and
// run_results.json: one check per generic dbt test that ran (a node with resource_type test and test_metadata), on the model,
// seed, snapshot or source it is attached to; identity = the test's unique_id; outcome pass / warn, and fail for every other
// status (fail, error, skipped), as Soda maps them; metrics [dbt_metric = 0], diagnostics {"value": 0}, source "dbt".
using System.Text.Json;
using Sodalite.Results.Model;

namespace Sodalite.Results.Dbt;

/// <summary>Reads dbt's manifest.json and run_results.json into the results document `soda ingest dbt` sends.</summary>
public static class DbtIngest
{
    /// <summary>The scan definition name of an ingestion, as Soda's <c>f"Ingest - {tool}"</c>.</summary>
    public const string DefinitionName = "Ingest - dbt";

    /// <summary>The one metric every dbt check lists, as Soda hard-codes it.</summary>
    public const string MetricName = "dbt_metric";

    private static readonly string[] DatasetTypes = ["model", "seed", "snapshot"];

    /// <summary>
    /// The results document of the dbt tests in <paramref name="runResultsPath"/>, described by <paramref name="manifestPath"/>,
    /// for data source <paramref name="dataSource"/>, dated when dbt wrote the run results (metadata.generated_at; else <paramref name="now"/>); <paramref name="verbose"/> adds Soda's debug line per test. Throws <see cref="DbtArtifactException"/> naming the file and field when
    /// an artifact is missing, is not JSON, or lacks what dbt's documented format has.
    /// </summary>
    public static ScanResult Read(string manifestPath, string runResultsPath, string dataSource, DateTimeOffset now, bool verbose = false)
    {
        var logs = new List<ScanLogEntry>();
        void Log(LogEntryLevel level, string message) => logs.Add(new ScanLogEntry(level, message, now, logs.Count));
        using var manifest = Load(manifestPath, "manifest");
        using var runResults = Load(runResultsPath, "run results");
        string mf = Path.GetFileName(manifestPath), rf = Path.GetFileName(runResultsPath);
        // The results are dated when dbt ran (run_results' metadata.generated_at), so ingesting the same files twice is one scan.
        if (runResults.RootElement.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && Text(metadata, "generated_at", rf, "metadata") is { } generated
            && DateTimeOffset.TryParse(generated, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var ran))
            now = ran;
        Log(LogEntryLevel.Info, "Ingesting local dbt artifacts.");

        // Datasets: models, seeds and snapshots (their alias, else name) and sources (their name, as Soda names them).
        var datasets = new Dictionary<string, string>(StringComparer.Ordinal);
        var tests = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var nodes = Member(manifest.RootElement, "nodes", JsonValueKind.Object, mf, "nodes");
        foreach (var node in nodes.EnumerateObject())
        {
            string where = $"nodes[\"{node.Name}\"]";
            if (node.Value.ValueKind != JsonValueKind.Object) throw new DbtArtifactException($"{mf}: {where} is not an object. Pass the manifest.json dbt wrote in target/.");
            string type = Text(node.Value, "resource_type", mf, where) ?? throw Missing(mf, $"{where}.resource_type");
            if (type == "test")
            {
                if (node.Value.TryGetProperty("test_metadata", out var meta) && meta.ValueKind == JsonValueKind.Object) tests[node.Name] = node.Value;
                else Log(LogEntryLevel.Info, $"Ignoring unsupported test node '{node.Name}'. Missing 'test_metadata'.");
            }
            else if (DatasetTypes.Contains(type))
                datasets[node.Name] = Text(node.Value, "alias", mf, where) ?? Text(node.Value, "name", mf, where) ?? throw Missing(mf, $"{where}.name");
        }
        if (manifest.RootElement.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Object)
            foreach (var source in sources.EnumerateObject())
                if (source.Value.ValueKind == JsonValueKind.Object)
                    datasets[source.Name] = Text(source.Value, "name", mf, $"sources[\"{source.Name}\"]") ?? throw Missing(mf, $"sources[\"{source.Name}\"].name");
        if (tests.Count == 0)
            throw new DbtArtifactException($"{mf}: no dbt tests found (no node with resource_type \"test\" and test_metadata). " +
                                           "Write tests in the dbt project, run `dbt test` or `dbt build`, and pass the manifest.json it wrote.");

        var results = Member(runResults.RootElement, "results", JsonValueKind.Array, rf, "results");
        if (results.GetArrayLength() > 0 && results.EnumerateArray().All(r => r.ValueKind == JsonValueKind.Object && !(r.TryGetProperty("failures", out var f) && f.ValueKind == JsonValueKind.Number)))
            throw new DbtArtifactException($"{rf}: no result has a test's \"failures\" count: these are the results of a dbt command that ran no tests " +
                                           "(dbt run, dbt docs generate). Pass the run_results.json of `dbt test` or `dbt build`.");

        var checks = new List<ScanCheck>();
        int index = 0;
        foreach (var result in results.EnumerateArray())
        {
            string where = $"results[{index++}]";
            if (result.ValueKind != JsonValueKind.Object) throw new DbtArtifactException($"{rf}: {where} is not an object.");
            string id = Text(result, "unique_id", rf, where) ?? throw Missing(rf, $"{where}.unique_id");
            if (!tests.TryGetValue(id, out var test)) continue;
            string status = Text(result, "status", rf, where) ?? throw Missing(rf, $"{where}.status");
            string testWhere = $"nodes[\"{id}\"]";
            string name = Text(test, "name", mf, testWhere) ?? throw Missing(mf, $"{testWhere}.name");
            if (Dataset(test, datasets, mf, testWhere) is not { } table)
            {
                Log(LogEntryLevel.Warning, $"dbt test '{name}' is not about a model, seed, snapshot or source of {mf}: not ingested.");
                continue;
            }
            string? column = Text(test, "column_name", mf, testWhere)
                ?? (test.GetProperty("test_metadata").TryGetProperty("kwargs", out var kwargs) && kwargs.ValueKind == JsonValueKind.Object
                    ? Text(kwargs, "column_name", mf, $"{testWhere}.test_metadata.kwargs") : null);
            var outcome = status switch { "pass" => Outcome.Pass, "warn" => Outcome.Warn, _ => Outcome.Fail };
            if (verbose) Log(LogEntryLevel.Debug, $"Ingesting test node '{name}' (id: '{id}').");
            if (status != "pass")
            {
                long? failures = result.TryGetProperty("failures", out var f) && f.ValueKind == JsonValueKind.Number && f.TryGetInt64(out long n) ? n : null;
                string? message = Text(result, "message", rf, where);
                Log(status is "fail" or "warn" ? LogEntryLevel.Info : LogEntryLevel.Warning,
                    $"dbt test '{name}' on {table}{(column is null ? "" : $".{column}")}: {status}" +
                    (failures is long count ? $" ({count} {(count == 1 ? "failure" : "failures")})" : "") +
                    (message is { Length: > 0 } ? $": {message}" : "") +
                    (status is "fail" or "warn" ? "" : " (counted as failed, as Soda counts every status but pass and warn)"));
            }
            checks.Add(new ScanCheck
            {
                Identity = id,
                Identities = new CheckIdentityVersions(id, id, id),
                Name = name,
                Definition = name,
                Location = new ResultLocation(Text(test, "original_file_path", mf, testWhere), 0, 0),
                DataSource = dataSource,
                Table = table.Replace("\"", "").Replace("`", ""),
                Column = column,
                Metrics = [MetricName],
                Outcome = outcome,
                Diagnostics = new OtherDiagnostics(new ObjectValue([new("value", new IntegerValue(0))])),
                Source = "dbt",
            });
        }
        if (checks.Count == 0)
            Log(LogEntryLevel.Warning, $"{rf} has no result of a test of {mf}: nothing to ingest. Check that both files come from the same dbt run.");
        return new ScanResult
        {
            DefinitionName = DefinitionName,
            DefaultDataSource = dataSource,
            DataTimestamp = now,
            ScanStartTimestamp = now,
            ScanEndTimestamp = now,
            HasErrors = false,
            HasWarnings = checks.Any(c => c.Outcome == Outcome.Warn),
            HasFailures = checks.Any(c => c.Outcome == Outcome.Fail),
            Metrics = [new ScanMetric { Identity = MetricName, MetricName = MetricName, Value = new IntegerValue(0) }],
            Checks = checks,
            Logs = logs,
            SourceOwner = "soda-core",
        };
    }

    /// <summary>
    /// The dataset a test is about: its attached_node (dbt 1.5+), else the one model, seed, snapshot or source it depends on, else
    /// the first of them (a relationships test without attached_node depends on two; Soda lists it under each).
    /// </summary>
    private static string? Dataset(JsonElement test, Dictionary<string, string> datasets, string file, string where)
    {
        if (Text(test, "attached_node", file, where) is { } attached && datasets.TryGetValue(attached, out var table)) return table;
        if (!test.TryGetProperty("depends_on", out var dependsOn) || dependsOn.ValueKind != JsonValueKind.Object) return null;
        var nodes = Member(dependsOn, "nodes", JsonValueKind.Array, file, $"{where}.depends_on.nodes");
        foreach (var n in nodes.EnumerateArray())
            if (n.ValueKind == JsonValueKind.String && datasets.TryGetValue(n.GetString()!, out var t)) return t;
        return null;
    }

    private static JsonDocument Load(string path, string what)
    {
        if (Directory.Exists(path)) throw new DbtArtifactException($"dbt {what} {path} is a folder: pass the JSON file (or the folder with --dbt-artifacts).");
        if (!File.Exists(path)) throw new DbtArtifactException($"dbt {what} file not found: {path}. Run dbt (dbt test or dbt build) first; it writes target/{(what == "manifest" ? "manifest.json" : "run_results.json")}.");
        try
        {
            var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 256 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                throw new DbtArtifactException($"{path}: not a dbt {what} document (the top level is not a JSON object).");
            }
            return doc;
        }
        catch (JsonException e)
        {
            throw new DbtArtifactException($"{path} is not valid JSON: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DbtArtifactException($"cannot read {path}: {e.Message}");
        }
    }

    private static JsonElement Member(JsonElement parent, string name, JsonValueKind kind, string file, string where)
    {
        if (!parent.TryGetProperty(name, out var value)) throw Missing(file, where);
        if (value.ValueKind != kind)
            throw new DbtArtifactException($"{file}: {where} is {Kind(value.ValueKind)}, not {Kind(kind)} as in dbt's documented format.");
        return value;
    }

    private static string? Text(JsonElement parent, string name, string file, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new DbtArtifactException($"{file}: {where}.{name} is {Kind(value.ValueKind)}, not a string.");
        return value.GetString();
    }

    private static DbtArtifactException Missing(string file, string where) =>
        new($"{file}: {where} is missing. Pass the files dbt wrote in target/ (manifest.json and run_results.json of the same run).");

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
