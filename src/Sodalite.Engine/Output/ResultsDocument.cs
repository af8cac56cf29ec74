// Builds the Soda -srf results document: keys, key order and value types of spec/sodacl.md §4.
using System.Globalization;
using System.Text.Json.Nodes;
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.Results.Json;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Output;

public static class ResultsDocument
{
    public static string Timestamp(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";

    public static JsonObject Build(ScanRun run)
    {
        var doc = new JsonObject
        {
            ["definitionName"] = run.DefinitionName,
            ["defaultDataSource"] = run.DataSourceName,
            ["dataTimestamp"] = Timestamp(run.DataTimestamp),
            ["scanStartTimestamp"] = Timestamp(run.Start),
            ["scanEndTimestamp"] = Timestamp(run.End),
            ["hasErrors"] = run.Logs.Any(l => l.Level == ScanLogLevel.Error),
            ["hasWarnings"] = run.Results.Any(r => r.Outcome == CheckOutcome.Warn),
            ["hasFailures"] = run.Results.Any(r => r.Outcome == CheckOutcome.Fail),
            ["metrics"] = new JsonArray([.. run.Metrics.Select(m => (JsonNode)(m.Kind == MetricKind.Schema ? SchemaMetric(m, run) : new JsonObject
            {
                ["identity"] = m.Identity,
                ["metricName"] = m.Name,
                ["value"] = Value(m.Value),
            }))]),
            ["checks"] = new JsonArray([.. run.Results.Where(r => r.Outcome is not null && !r.Local).Select(r => (JsonNode)Check(r, run))]),
            ["queries"] = new JsonArray([.. run.Queries.Select(q => (JsonNode)new JsonObject
            {
                ["name"] = q.Name,
                ["dataSource"] = q.DataSource,
                ["table"] = q.Table,
                ["partition"] = q.Partition,
                ["column"] = q.Column,
                ["sql"] = q.Sql,
                ["exception"] = q.Exception,
                ["duration"] = q.Duration is { } d ? PyTimedelta(d) : null,
            })]),
            ["automatedMonitoringChecks"] = new JsonArray(),
            ["profiling"] = new JsonArray(),
            ["metadata"] = new JsonArray(),
            ["logs"] = new JsonArray([.. run.Logs.Where(l => l.Level != ScanLogLevel.Debug || run.Verbose).Select((l, i) => (JsonNode)Log(l, i + 1))]),
            ["sourceOwner"] = "soda-core",
        };
        return doc;
    }

    /// <summary>Python str(timedelta): [N day[s], ]H:MM:SS[.ffffff], days floored (so -1h is "-1 day, 23:00:00").</summary>
    public static string PyTimedelta(TimeSpan t)
    {
        long micros = t.Ticks / 10;
        const long microsPerDay = 86_400_000_000L;
        long days = (long)Math.Floor((double)micros / microsPerDay);
        long rest = micros - days * microsPerDay;
        long seconds = rest / 1_000_000, fraction = rest % 1_000_000;
        string s = $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}";
        if (fraction != 0) s += "." + fraction.ToString("000000", CultureInfo.InvariantCulture);
        return days == 0 ? s : $"{days} day{(Math.Abs(days) == 1 ? "" : "s")}, {s}";
    }

    public static JsonNode? Value(object? value) => value switch
    {
        null => null,
        long l => PyJson.Int(l),
        double d => PyJson.Float(d),
        bool b => JsonValue.Create(b),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => Timestamp(dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dt, TimeSpan.Zero) : new DateTimeOffset(dt)),
        DateTimeOffset o => Timestamp(o),
        TimeSpan ts => PyTimedelta(ts),
        // A group by metric: its rows, each a mapping of column to value.
        IEnumerable<IReadOnlyList<(string Column, object? Value)>> rows =>
            new JsonArray([.. rows.Select(row => (JsonNode)new JsonObject(row.Select(c => KeyValuePair.Create(c.Column, Value(c.Value)))))]),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A schema metric carries its table (Soda's schema metric dict) and the columns as value.</summary>
    private static JsonObject SchemaMetric(Metric m, ScanRun run) => new()
    {
        ["identity"] = m.Identity,
        ["metricName"] = m.Name,
        ["dataSourceName"] = run.DataSourceName,
        ["tableName"] = m.Table,
        ["partitionName"] = m.Partition,
        ["columnName"] = null,
        ["value"] = m.Value is IReadOnlyList<(string Name, string Type)> cols
            ? new JsonArray([.. cols.Select(c => (JsonNode)new JsonObject { ["columnName"] = c.Name, ["sourceDataType"] = c.Type })])
            : null,
    };

    private static JsonObject SchemaDiagnosticsJson(SchemaDiagnostics s)
    {
        var blocks = new JsonArray(new JsonObject
        {
            ["type"] = "csv",
            ["text"] = "Column,Type\n" + string.Join("\n", s.Measured.Select(c => $"{c.Name},{c.Type}")),
            ["title"] = "Schema",
        });
        int events = s.Fail.Count + s.Warn.Count;
        if (events > 0)
            blocks.Add(new JsonObject
            {
                ["type"] = "csv",
                ["text"] = "Column,Event,Details\n" + string.Join("\n", SchemaEvaluation.EventLines(s.Fail, "fail")) + "\n"
                    + string.Join("\n", SchemaEvaluation.EventLines(s.Warn, "warn")),
                ["title"] = "Diagnostics",
            });
        // Soda appends the warn level's findings, then the fail level's (lists keep repeats; a column in both keeps the fail detail).
        SchemaEvents[] levels = [s.Warn, s.Fail];
        var types = new JsonObject();
        foreach (var (c, expected, actual) in levels.SelectMany(l => l.TypeMismatches))
            types[c] = new JsonObject { ["expected_type"] = expected, ["actual_type"] = actual };
        var indexes = new JsonObject();
        foreach (var (c, expected, actual, on) in levels.SelectMany(l => l.IndexMismatches))
            indexes[c] = new JsonObject { ["expected_index"] = expected, ["actual_index"] = actual, ["column_on_expected_index"] = on };
        JsonArray Names(IEnumerable<string> names) => new([.. names.Select(n => (JsonNode)n)]);
        JsonObject Series(string label, int value) => new() { ["label"] = label, ["value"] = value, ["outcome"] = label };
        return new JsonObject
        {
            ["blocks"] = blocks,
            ["column_additions"] = new JsonArray(),
            ["column_deletions"] = new JsonArray(),
            ["column_index_changes"] = new JsonObject(),
            ["column_index_mismatches"] = indexes,
            ["column_type_changes"] = new JsonObject(),
            ["column_type_mismatches"] = types,
            ["missing_column_names"] = Names(levels.SelectMany(l => l.Missing)),
            ["present_column_names"] = Names(levels.SelectMany(l => l.Present)),
            ["preferredChart"] = "bars",
            ["valueLabel"] = $"{events} schema event(s)",
            ["valueSeries"] = new JsonObject
            {
                ["values"] = new JsonArray(Series("fail", s.Fail.Count), Series("warn", s.Warn.Count), Series("pass", s.Measured.Count - events)),
            },
        };
    }

    private static JsonObject Check(CheckResult r, ScanRun run)
    {
        var def = r.Check.Definition;
        var ids = r.Check.Identities;
        var identities = new JsonObject { ["v1"] = ids.V1, ["v2"] = ids.V2, ["v3"] = ids.V3 };
        if (ids.V4 is not null) identities["v4"] = ids.V4;
        var metric = r.Check.Metric!;
        var diagnostics = r.Schema is { } schema ? SchemaDiagnosticsJson(schema)
            // A row count comparison's diagnostics are only the difference and both counts (no blocks).
            : r.Check.OtherMetric is { } other ? new JsonObject { ["value"] = Value(r.Value), ["rowCount"] = Value(metric.Value), ["otherRowCount"] = Value(other.Value) }
            : new JsonObject { ["blocks"] = Blocks(metric), ["value"] = Value(r.Value) };
        if (r.FailZone is not null) diagnostics["fail"] = r.FailZone.ToDiagnostics();
        if (r.WarnZone is not null) diagnostics["warn"] = r.WarnZone.ToDiagnostics();
        if (r.Freshness is { } f)
        {
            diagnostics["measure"] = "time";
            diagnostics["maxColumnTimestamp"] = f.MaxColumnTimestamp;
            diagnostics["maxColumnTimestampUtc"] = f.MaxColumnTimestampUtc;
            diagnostics["nowVariableName"] = f.NowVariableName;
            diagnostics["nowTimestamp"] = f.NowTimestamp;
            diagnostics["nowTimestampUtc"] = f.NowTimestampUtc;
            diagnostics["freshness"] = f.Freshness;
        }
        var check = new JsonObject();
        if (r.Group is { } g) check["group"] = new JsonObject { ["identity"] = g.Identity, ["name"] = g.Name, ["distinctLabel"] = g.DistinctLabel };
        foreach (var (k, v) in new JsonObject
        {
            ["identity"] = ids.V3,
            ["identities"] = identities,
            ["migratedIdentities"] = null,
            ["name"] = r.Name,
            ["type"] = "generic",
            ["definition"] = def.Definition,
            ["resourceAttributes"] = new JsonArray([.. def.Attributes.Select(a => (JsonNode)new JsonObject { ["name"] = a.Name, ["value"] = AttributeValue(a) })]),
            ["location"] = new JsonObject { ["filePath"] = def.Location.FilePath, ["line"] = def.Location.Line, ["col"] = def.Location.Col },
            ["dataSource"] = run.DataSourceName,
            ["table"] = def.Table?.Trim('"', '[', ']', '`'),
            ["column"] = def.Column,
            ["metrics"] = r.Check.OtherMetric is { } o ? new JsonArray(metric.Identity, o.Identity) : new JsonArray(metric.Identity),
            ["outcome"] = r.Outcome switch { CheckOutcome.Pass => "pass", CheckOutcome.Warn => "warn", _ => "fail" },
            ["diagnostics"] = diagnostics,
            ["source"] = "soda-core",
        }.ToList())
            check[k] = v?.DeepClone();
        return check;
    }

    /// <summary>Soda's resourceAttributes value: a top-level number becomes its text, a bool stays, lists and mappings keep their items' types.</summary>
    private static JsonNode? AttributeValue(CheckAttribute a) => a.Value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => PyFloat.Repr(d),
        _ => Nested(a.Value),
    };

    private static JsonNode? Nested(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        IReadOnlyList<KeyValuePair<string, object?>> map => new JsonObject(map.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Nested(p.Value)))),
        System.Collections.IEnumerable list and not string => new JsonArray([.. list.Cast<object?>().Select(Nested)]),
        _ => JsonValue.Create(value.ToString()),
    };

    private static JsonArray Blocks(Metric metric)
    {
        var sampled = metric.Sample is not null ? metric : metric.CountMetric?.Sample is not null ? metric.CountMetric : null;
        if (sampled?.Sample is not { } s) return [];
        var file = new JsonObject
        {
            ["columns"] = new JsonArray([.. s.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type })]),
            ["totalRowCount"] = s.TotalRowCount ?? s.RowCount,
            ["storedRowCount"] = s.RowCount,
            ["reference"] = new JsonObject
            {
                ["type"] = "noFile",
                ["message"] = "Samples are not sent to Soda Cloud",
                ["link"] = new JsonObject { ["href"] = null, ["text"] = null },
                ["fileId"] = "",
            },
        };
        if (sampled.SampleIsFile) return [new JsonObject { ["type"] = "file", ["title"] = "Failed Rows", ["file"] = file }];
        return
        [
            new JsonObject
            {
                ["type"] = "failedRowsAnalysis",
                ["title"] = "Failed Rows Analysis",
                ["file"] = file,
                ["failingRowsQueryName"] = sampled.SampleQueryName + ".failing_sql",
                ["passingRowsQueryName"] = sampled.SampleQueryName + ".passing_sql",
                ["totalFailingRows"] = Value(sampled.Value),
                ["sampleRowCount"] = s.RowCount,
            },
        ];
    }

    private static JsonObject Log(ScanLog l, int index)
    {
        var o = new JsonObject
        {
            ["level"] = l.Level.ToString().ToLowerInvariant(),
            ["message"] = l.Message,
            ["timestamp"] = Timestamp(l.Timestamp),
            ["index"] = index,
        };
        if (l.Location is { } loc)
        {
            o["errorLocation"] = new JsonObject { ["filePath"] = loc.FilePath, ["line"] = loc.Line, ["col"] = loc.Col };
            o["location"] = new JsonObject { ["filePath"] = loc.FilePath, ["line"] = loc.Line, ["col"] = loc.Col };
        }
        if (l.Doc is not null) o["doc"] = l.Doc;
        return o;
    }
}
