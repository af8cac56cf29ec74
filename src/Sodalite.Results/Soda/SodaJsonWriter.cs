// Writes a ScanResult as Soda Core writes its -srf file (spec/sodacl.md §4): Python json.dump's default layout
// (one line, ", " and ": ", ensure_ascii, float repr), Soda's keys in Soda's order.
using System.Globalization;
using System.Text.Json.Nodes;
using Sodalite.Results.Json;
using Sodalite.Results.Model;

namespace Sodalite.Results.Soda;

public static class SodaJsonWriter
{
    /// <summary>
    /// The -srf document: one line, no trailing newline. Null text and timestamps are written as null. Soda's format has no
    /// rows, so <see cref="ScanResult.FailedRowSamples"/> are left out (<see cref="WritePushBody"/> adds them).
    /// </summary>
    public static string Write(ScanResult result)
    {
        var w = new PyJsonWriter();
        w.StartObject();
        w.Name("definitionName").String(result.DefinitionName);
        w.Name("defaultDataSource").String(result.DefaultDataSource);
        w.Name("dataTimestamp").String(Timestamp(result.DataTimestamp));
        w.Name("scanStartTimestamp").String(Timestamp(result.ScanStartTimestamp));
        w.Name("scanEndTimestamp").String(Timestamp(result.ScanEndTimestamp));
        w.Name("hasErrors").Bool(result.HasErrors);
        w.Name("hasWarnings").Bool(result.HasWarnings);
        w.Name("hasFailures").Bool(result.HasFailures);
        w.Name("metrics").StartArray();
        foreach (var m in result.Metrics) Metric(w, m);
        w.EndArray();
        w.Name("checks").StartArray();
        foreach (var c in result.Checks) Check(w, c);
        w.EndArray();
        w.Name("queries").StartArray();
        foreach (var q in result.Queries) Query(w, q);
        w.EndArray();
        Values(w.Name("automatedMonitoringChecks"), result.AutomatedMonitoringChecks);
        Values(w.Name("profiling"), result.Profiling);
        Values(w.Name("metadata"), result.Metadata);
        w.Name("logs").StartArray();
        foreach (var l in result.Logs) Log(w, l);
        w.EndArray();
        w.Name("sourceOwner").String(result.SourceOwner);
        w.EndObject();
        return w.ToString();
    }

    /// <summary>
    /// The body a push to the hub sends (<c>sodalite scan --push hub</c>): the -srf document <see cref="Write(ScanResult)"/> writes,
    /// and, when the scan has failed-row samples, the key <c>"failedRowSamples"</c> (<see cref="WriteFailedRowSamples"/>) as its
    /// last member, spliced in just before the final brace: <c>…, "sourceOwner": "soda-core", "failedRowSamples": [...]}</c>.
    /// Without samples it is the -srf document itself; <see cref="SodaPushBody.Strip"/> of it is the -srf document byte for byte.
    /// </summary>
    public static string WritePushBody(ScanResult result)
    {
        string srf = Write(result);
        if (result.FailedRowSamples.Count == 0) return srf;
        // The -srf document is one line ending in the top level's closing brace, after at least one member.
        return srf[..^1] + ", \"" + SodaPushBody.SamplesKey + "\": " + WriteFailedRowSamples(result.FailedRowSamples) + "}";
    }

    /// <summary>
    /// The failed-row samples as the push body holds them, in Python's one-line layout: <c>[{"check": "…", "columns": [{"name":
    /// "id", "type": "integer"}], "rows": [[1, "a"], [2, null]], "totalRowCount": 12}]</c>, <c>totalRowCount</c> left out when
    /// unknown. The result is strict JSON: a float value that is not finite is written as its text (<c>"NaN"</c>,
    /// <c>"Infinity"</c>, <c>"-Infinity"</c>). Throws <see cref="ArgumentOutOfRangeException"/> for a value that is not a
    /// <see cref="ResultValue"/> shape.
    /// </summary>
    public static string WriteFailedRowSamples(IReadOnlyList<FailedRowSample> samples)
    {
        var w = new PyJsonWriter();
        w.StartArray();
        foreach (var s in samples)
        {
            w.StartObject();
            w.Name("check").String(s.Check);
            w.Name("columns").StartArray();
            foreach (var c in s.Columns)
            {
                w.StartObject();
                w.Name("name").String(c.Name);
                w.Name("type").String(c.Type);
                w.EndObject();
            }
            w.EndArray();
            w.Name("rows").StartArray();
            foreach (var row in s.Rows)
            {
                w.StartArray();
                foreach (var v in row)
                {
                    if (v is FloatValue { Value: var f } && !double.IsFinite(f)) w.String(PyJson.FloatText(f));
                    else Value(w, v);
                }
                w.EndArray();
            }
            w.EndArray();
            if (s.TotalRowCount is long total) w.Name("totalRowCount").Int(total);
            w.EndObject();
        }
        w.EndArray();
        return w.ToString();
    }

    /// <summary>A check's diagnostics object, as it appears in the document.</summary>
    public static string Write(CheckDiagnostics diagnostics)
    {
        var w = new PyJsonWriter();
        Diagnostics(w, diagnostics);
        return w.ToString();
    }

    /// <summary>A value as it appears in the document (<c>null</c> for null).</summary>
    public static string Write(ResultValue? value)
    {
        var w = new PyJsonWriter();
        Value(w, value);
        return w.ToString();
    }

    /// <summary>A value as a JSON node that <see cref="PyJson"/> serializes to the same text (for documents built as trees, such as the QALITA artifacts).</summary>
    public static JsonNode? ToNode(ResultValue? value) => value switch
    {
        null => null,
        IntegerValue i when i.Value >= long.MinValue && i.Value <= long.MaxValue => PyJson.Int((long)i.Value),
        IntegerValue i => JsonNode.Parse(i.Value.ToString(CultureInfo.InvariantCulture)),
        FloatValue f => JsonValue.Create(f.Value),
        TextValue t => JsonValue.Create(t.Text),
        BooleanValue b => JsonValue.Create(b.Value),
        ListValue l => new JsonArray([.. l.Items.Select(ToNode)]),
        ObjectValue o => ToObject(o),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a results value"),
    };

    private static JsonObject ToObject(ObjectValue o)
    {
        var node = new JsonObject();
        foreach (var (k, v) in o.Members) node[k] = ToNode(v);
        return node;
    }

    /// <summary>Soda's timestamp text: UTC to the second, <c>2024-01-31T12:00:00+00:00</c>.</summary>
    public static string Timestamp(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";

    private static string? Timestamp(DateTimeOffset? t) => t is { } v ? Timestamp(v) : null;

    private static void Metric(PyJsonWriter w, ScanMetric m)
    {
        w.StartObject();
        w.Name("identity").String(m.Identity);
        w.Name("metricName").String(m.MetricName);
        if (m.IsSchema)
        {
            w.Name("dataSourceName").String(m.DataSourceName);
            w.Name("tableName").String(m.Table);
            w.Name("partitionName").String(m.Partition);
            w.Name("columnName").String(m.Column);
        }
        Value(w.Name("value"), m.Value);
        w.EndObject();
    }

    private static void Check(PyJsonWriter w, ScanCheck c)
    {
        w.StartObject();
        if (c.Group is { } g)
        {
            w.Name("group").StartObject();
            w.Name("identity").String(g.Identity);
            w.Name("name").String(g.Name);
            w.Name("distinctLabel").String(g.DistinctLabel);
            w.EndObject();
        }
        w.Name("identity").String(c.Identity);
        w.Name("identities");
        if (c.Identities is { } ids)
        {
            w.StartObject();
            w.Name("v1").String(ids.V1);
            w.Name("v2").String(ids.V2);
            w.Name("v3").String(ids.V3);
            if (ids.V4 is not null) w.Name("v4").String(ids.V4);
            w.EndObject();
        }
        else w.Null();
        Value(w.Name("migratedIdentities"), c.MigratedIdentities);
        w.Name("name").String(c.Name);
        w.Name("type").String(c.Type);
        w.Name("definition").String(c.Definition);
        w.Name("resourceAttributes").StartArray();
        foreach (var a in c.ResourceAttributes)
        {
            w.StartObject();
            w.Name("name").String(a.Name);
            Value(w.Name("value"), a.Value);
            w.EndObject();
        }
        w.EndArray();
        Location(w.Name("location"), c.Location);
        w.Name("dataSource").String(c.DataSource);
        w.Name("table").String(c.Table);
        w.Name("column").String(c.Column);
        w.Name("metrics").StartArray();
        foreach (var id in c.Metrics) w.String(id);
        w.EndArray();
        w.Name("outcome").String(OutcomeText(c.Outcome));
        w.Name("diagnostics");
        if (c.Diagnostics is { } d) Diagnostics(w, d);
        else w.Null();
        w.Name("source").String(c.Source);
        if (c.Archetype is not null) Value(w.Name("archetype"), c.Archetype);
        if (c.OutcomeReasons.Count > 0) Values(w.Name("outcomeReasons"), c.OutcomeReasons);
        w.EndObject();
    }

    private static string? OutcomeText(Outcome? o) => o switch
    {
        Outcome.Pass => "pass",
        Outcome.Warn => "warn",
        Outcome.Fail => "fail",
        _ => null,
    };

    private static void Location(PyJsonWriter w, ResultLocation? l)
    {
        if (l is null)
        {
            w.Null();
            return;
        }
        w.StartObject();
        w.Name("filePath").String(l.FilePath);
        w.Name("line").Int(l.Line);
        w.Name("col").Int(l.Col);
        w.EndObject();
    }

    private static void Diagnostics(PyJsonWriter w, CheckDiagnostics diagnostics)
    {
        switch (diagnostics)
        {
            case OtherDiagnostics o:
                Value(w, o.Json);
                return;
            case MetricCheckDiagnostics m:
                w.StartObject();
                Blocks(w, m.Blocks);
                Value(w.Name("value"), m.Value);
                Zones(w, m.Fail, m.Warn);
                if (m.Freshness is { } f)
                {
                    w.Name("measure").String("time");
                    w.Name("maxColumnTimestamp").String(f.MaxColumnTimestamp);
                    w.Name("maxColumnTimestampUtc").String(f.MaxColumnTimestampUtc);
                    w.Name("nowVariableName").String(f.NowVariableName);
                    w.Name("nowTimestamp").String(f.NowTimestamp);
                    w.Name("nowTimestampUtc").String(f.NowTimestampUtc);
                    w.Name("freshness").String(f.Freshness);
                }
                w.EndObject();
                return;
            case RowCountComparisonDiagnostics r:
                w.StartObject();
                Value(w.Name("value"), r.Value);
                Value(w.Name("rowCount"), r.RowCount);
                Value(w.Name("otherRowCount"), r.OtherRowCount);
                Zones(w, r.Fail, r.Warn);
                w.EndObject();
                return;
            case SchemaCheckDiagnostics s:
                w.StartObject();
                Blocks(w, s.Blocks);
                Values(w.Name("column_additions"), s.ColumnAdditions);
                Values(w.Name("column_deletions"), s.ColumnDeletions);
                Value(w.Name("column_index_changes"), s.ColumnIndexChanges);
                w.Name("column_index_mismatches").StartObject();
                foreach (var m in s.ColumnIndexMismatches)
                {
                    w.Name(m.Column).StartObject();
                    w.Name("expected_index").Int(m.ExpectedIndex);
                    w.Name("actual_index").Int(m.ActualIndex);
                    w.Name("column_on_expected_index").String(m.ColumnOnExpectedIndex);
                    w.EndObject();
                }
                w.EndObject();
                Value(w.Name("column_type_changes"), s.ColumnTypeChanges);
                w.Name("column_type_mismatches").StartObject();
                foreach (var m in s.ColumnTypeMismatches)
                {
                    w.Name(m.Column).StartObject();
                    w.Name("expected_type").String(m.ExpectedType);
                    w.Name("actual_type").String(m.ActualType);
                    w.EndObject();
                }
                w.EndObject();
                Strings(w.Name("missing_column_names"), s.MissingColumnNames);
                Strings(w.Name("present_column_names"), s.PresentColumnNames);
                w.Name("preferredChart").String(s.PreferredChart);
                w.Name("valueLabel").String(s.ValueLabel);
                w.Name("valueSeries").StartObject().Name("values").StartArray();
                foreach (var e in s.ValueSeries)
                {
                    w.StartObject();
                    w.Name("label").String(e.Label);
                    w.Name("value").Int(e.Value);
                    w.Name("outcome").String(e.Outcome);
                    w.EndObject();
                }
                w.EndArray().EndObject();
                w.EndObject();
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(diagnostics), diagnostics, "not a diagnostics shape");
        }
    }

    private static void Zones(PyJsonWriter w, ThresholdZone? fail, ThresholdZone? warn)
    {
        if (fail is not null) Zone(w.Name("fail"), fail);
        if (warn is not null) Zone(w.Name("warn"), warn);
    }

    private static void Zone(PyJsonWriter w, ThresholdZone z)
    {
        w.StartObject();
        if (z.GreaterThanOrEqual is double a) w.Name("greaterThanOrEqual").Float(a);
        if (z.GreaterThan is double b) w.Name("greaterThan").Float(b);
        if (z.LessThan is double c) w.Name("lessThan").Float(c);
        if (z.LessThanOrEqual is double d) w.Name("lessThanOrEqual").Float(d);
        w.EndObject();
    }

    private static void Blocks(PyJsonWriter w, IReadOnlyList<DiagnosticsBlock> blocks)
    {
        w.Name("blocks").StartArray();
        foreach (var block in blocks)
        {
            w.StartObject();
            switch (block)
            {
                case CsvBlock csv:
                    w.Name("type").String("csv");
                    w.Name("text").String(csv.Text);
                    w.Name("title").String(csv.Title);
                    break;
                case FailedRowsFileBlock file:
                    w.Name("type").String("file");
                    w.Name("title").String(file.Title);
                    File(w.Name("file"), file.File);
                    break;
                case FailedRowsAnalysisBlock analysis:
                    w.Name("type").String("failedRowsAnalysis");
                    w.Name("title").String(analysis.Title);
                    File(w.Name("file"), analysis.File);
                    w.Name("failingRowsQueryName").String(analysis.FailingRowsQueryName);
                    w.Name("passingRowsQueryName").String(analysis.PassingRowsQueryName);
                    Value(w.Name("totalFailingRows"), analysis.TotalFailingRows);
                    w.Name("sampleRowCount").Int(analysis.SampleRowCount);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(blocks), block, "not a block shape");
            }
            w.EndObject();
        }
        w.EndArray();
    }

    private static void File(PyJsonWriter w, FailedRowsFile file)
    {
        w.StartObject();
        w.Name("columns").StartArray();
        foreach (var c in file.Columns)
        {
            w.StartObject();
            w.Name("name").String(c.Name);
            w.Name("type").String(c.Type);
            w.EndObject();
        }
        w.EndArray();
        w.Name("totalRowCount").Int(file.TotalRowCount);
        w.Name("storedRowCount").Int(file.StoredRowCount);
        var r = file.Reference;
        w.Name("reference").StartObject();
        w.Name("type").String(r.Type);
        w.Name("message").String(r.Message);
        w.Name("link").StartObject().Name("href").String(r.LinkHref).Name("text").String(r.LinkText).EndObject();
        w.Name("fileId").String(r.FileId);
        w.EndObject();
        w.EndObject();
    }

    private static void Query(PyJsonWriter w, ScanQuery q)
    {
        w.StartObject();
        w.Name("name").String(q.Name);
        w.Name("dataSource").String(q.DataSource);
        w.Name("table").String(q.Table);
        w.Name("partition").String(q.Partition);
        w.Name("column").String(q.Column);
        w.Name("sql").String(q.Sql);
        w.Name("exception").String(q.Exception);
        w.Name("duration").String(q.Duration is { } d ? PyTimedelta.Format(d) : null);
        w.EndObject();
    }

    private static void Log(PyJsonWriter w, ScanLogEntry l)
    {
        w.StartObject();
        w.Name("level").String(l.Level.ToString().ToLowerInvariant());
        w.Name("message").String(l.Message);
        w.Name("timestamp").String(Timestamp(l.Timestamp));
        w.Name("index").Int(l.Index);
        if (l.Location is { } loc)
        {
            Location(w.Name("errorLocation"), loc);
            Location(w.Name("location"), loc);
        }
        if (l.Doc is not null) w.Name("doc").String(l.Doc);
        w.EndObject();
    }

    private static void Strings(PyJsonWriter w, IReadOnlyList<string> items)
    {
        w.StartArray();
        foreach (var s in items) w.String(s);
        w.EndArray();
    }

    private static void Values(PyJsonWriter w, IReadOnlyList<ResultValue?> items)
    {
        w.StartArray();
        foreach (var v in items) Value(w, v);
        w.EndArray();
    }

    private static void Value(PyJsonWriter w, ResultValue? value)
    {
        switch (value)
        {
            case null: w.Null(); break;
            case IntegerValue i: w.Int(i.Value); break;
            case FloatValue f: w.Float(f.Value); break;
            case TextValue t: w.String(t.Text); break;
            case BooleanValue b: w.Bool(b.Value); break;
            case ListValue l: Values(w, l.Items); break;
            case ObjectValue o:
                w.StartObject();
                foreach (var (k, v) in o.Members) Value(w.Name(k), v);
                w.EndObject();
                break;
            default: throw new ArgumentOutOfRangeException(nameof(value), value, "not a results value");
        }
    }
}
