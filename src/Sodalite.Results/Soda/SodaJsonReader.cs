// Reads a Soda scan results document into a ScanResult: Sodalite's -srf file, real Soda Core's -srf file, or the dict of
// Python's scan.get_scan_results() dumped as JSON (spec/sodacl.md §4.3: no identities or source, a "filter" and
// "outcomeReasons" on checks, dataSourceName on metrics, upper-case log levels, no sourceOwner).
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Sodalite.Results.Json;
using Sodalite.Results.Model;

namespace Sodalite.Results.Soda;

public static class SodaJsonReader
{
    /// <summary>
    /// Reads leniently, as the QALITA artifacts need: a field of the wrong JSON type counts as absent, a check or metric
    /// that is not an object is skipped, an outcome other than pass/warn/fail is null, a timestamp that is not ISO 8601 is
    /// null, a log level other than debug/info/warning/error (any case) is info; failedRowSamples of a wrong shape are skipped
    /// piece by piece (a sample without a check, a row that is not an array). Throws <see cref="SodaJsonException"/> (field <c>$</c>, "the top level is not an object") only when
    /// <paramref name="root"/> is not an object.
    /// </summary>
    public static ScanResult Read(JsonElement root) => new Reader(strict: false).Document(root);

    /// <summary>
    /// Reads what a store of results needs, or throws <see cref="SodaJsonException"/> naming the first field at fault:
    /// checks[] is required; each check needs a string identity and name, an outcome of pass, warn, fail or null, and
    /// string table, column and definition when present; each metric needs a string identity and metricName;
    /// dataTimestamp is a required ISO 8601 timestamp, scanStartTimestamp and scanEndTimestamp optional ones; a pushed body's
    /// failedRowSamples, when present, must have the shape <see cref="SodaJsonWriter.WriteFailedRowSamples"/> writes (the field
    /// named, e.g. <c>failedRowSamples[0].rows[3]</c>). Other keys are ignored. The rest is read as <see cref="Read"/> reads it.
    /// </summary>
    public static ScanResult ReadStrict(JsonElement root) => new Reader(strict: true).Document(root);

    /// <summary>Parses JSON text and reads it leniently (<see cref="Read"/>). Throws <see cref="JsonException"/> for text that is not JSON.</summary>
    public static ScanResult Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }

    /// <summary>Parses UTF-8 JSON and reads it leniently (<see cref="Read"/>). Throws <see cref="JsonException"/> for bytes that are not JSON.</summary>
    public static ScanResult Parse(ReadOnlyMemory<byte> utf8Json)
    {
        using var doc = JsonDocument.Parse(utf8Json);
        return Read(doc.RootElement);
    }

    /// <summary>
    /// A JSON value as Python's json.loads reads it: an integer text is an <see cref="IntegerValue"/>, any other number a
    /// <see cref="FloatValue"/>; a repeated key keeps its first place and its last value.
    /// </summary>
    public static ResultValue? ReadValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ReadObject(e),
        JsonValueKind.Array => new ListValue([.. e.EnumerateArray().Select(ReadValue)]),
        JsonValueKind.String => new TextValue(e.GetString()!),
        JsonValueKind.Number => Number(e),
        JsonValueKind.True => new BooleanValue(true),
        JsonValueKind.False => new BooleanValue(false),
        _ => null,
    };

    /// <summary>
    /// A diagnostics object: typed when it has one of the shapes of <see cref="CheckDiagnostics"/> exactly (written back,
    /// it gives the same JSON), else an <see cref="OtherDiagnostics"/> holding it as read. Null when it is not an object.
    /// </summary>
    public static CheckDiagnostics? ReadDiagnostics(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object) return null;
        var json = ReadObject(d);
        CheckDiagnostics? typed;
        try
        {
            typed = TypedDiagnostics(d);
        }
        catch (ShapeException)
        {
            typed = null;
        }
        return typed is not null && SodaJsonWriter.Write(typed) == SodaJsonWriter.Write(json) ? typed : new OtherDiagnostics(json);
    }

    private static ObjectValue ReadObject(JsonElement e)
    {
        var members = new List<KeyValuePair<string, ResultValue?>>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            var value = ReadValue(p.Value);
            if (at.TryGetValue(p.Name, out int i)) members[i] = KeyValuePair.Create(p.Name, value);
            else
            {
                at[p.Name] = members.Count;
                members.Add(KeyValuePair.Create(p.Name, value));
            }
        }
        return new ObjectValue(members);
    }

    private static ResultValue Number(JsonElement e)
    {
        string raw = e.GetRawText();
        if (PyJson.IsIntegerText(raw)) return new IntegerValue(BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        // Beyond double's range Python reads inf, as double.Parse does.
        return new FloatValue(e.TryGetDouble(out double d) ? d : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>Soda's timestamp texts (ISO 8601; one without an offset is UTC), in UTC.</summary>
    private static DateTimeOffset? ParseTimestamp(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null;

    private sealed class Reader(bool strict)
    {
        public ScanResult Document(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
                throw strict
                    ? new SodaJsonException("$", "The body must be a JSON object: a Soda scan results document (soda scan -srf).")
                    : new SodaJsonException("$", "the top level is not an object");
            var checks = new List<ScanCheck>();
            var checksEl = strict ? Required(root, "checks", "$", JsonValueKind.Array) : Optional(root, "checks");
            if (checksEl.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var c in checksEl.EnumerateArray())
                {
                    string at = $"checks[{i++}]";
                    if (c.ValueKind == JsonValueKind.Object) checks.Add(Check(c, at));
                    else if (strict) throw new SodaJsonException(at, $"{at} must be an object.");
                }
            }
            var metrics = new List<ScanMetric>();
            if (Optional(root, "metrics") is { ValueKind: JsonValueKind.Array } ms)
            {
                int j = 0;
                foreach (var m in ms.EnumerateArray())
                {
                    string at = $"metrics[{j++}]";
                    if (m.ValueKind == JsonValueKind.Object) metrics.Add(Metric(m, at));
                    else if (strict) throw new SodaJsonException(at, $"{at} must be an object.");
                }
            }
            string? definitionName = String(root, "definitionName", "$", required: false);
            string? dataSource = String(root, "defaultDataSource", "$", required: false);
            var dataTimestamp = Timestamp(root, "dataTimestamp", required: true);
            var scanStart = Timestamp(root, "scanStartTimestamp", required: false);
            var scanEnd = Timestamp(root, "scanEndTimestamp", required: false);
            return new ScanResult
            {
                DefinitionName = definitionName,
                DefaultDataSource = dataSource,
                DataTimestamp = dataTimestamp,
                ScanStartTimestamp = scanStart,
                ScanEndTimestamp = scanEnd,
                HasErrors = Bool(root, "hasErrors"),
                HasWarnings = Bool(root, "hasWarnings"),
                HasFailures = Bool(root, "hasFailures"),
                Metrics = metrics,
                Checks = checks,
                Queries = [.. Objects(root, "queries").Select(Query)],
                AutomatedMonitoringChecks = Values(root, "automatedMonitoringChecks"),
                Profiling = Values(root, "profiling"),
                Metadata = Values(root, "metadata"),
                Logs = [.. Objects(root, "logs").Select(Log)],
                SourceOwner = Text(root, "sourceOwner"),
                FailedRowSamples = FailedRowSamples(root),
            };
        }

        /// <summary>
        /// The pushed body's failedRowSamples[] (absent: none). Strict: an array of objects, each with a string check, a columns
        /// array of objects (name and type strings or null), a rows array of arrays with one string, number, boolean or null per
        /// column, and a whole non-negative totalRowCount when present and not null. Lenient: what is not an array is none, a
        /// sample without a string check or that is not an object is skipped, as are rows and columns that are not arrays or
        /// objects; values are read as they are; a totalRowCount that is not a whole non-negative number is null.
        /// </summary>
        private List<FailedRowSample> FailedRowSamples(JsonElement root)
        {
            var samples = new List<FailedRowSample>();
            if (!root.TryGetProperty(SodaPushBody.SamplesKey, out var list)) return samples;
            if (list.ValueKind != JsonValueKind.Array)
                return strict ? throw new SodaJsonException($"$.{SodaPushBody.SamplesKey}", $"$.{SodaPushBody.SamplesKey} must be an array.") : samples;
            int i = 0;
            foreach (var s in list.EnumerateArray())
            {
                string at = $"{SodaPushBody.SamplesKey}[{i++}]";
                if (s.ValueKind != JsonValueKind.Object)
                {
                    if (strict) throw new SodaJsonException(at, $"{at} must be an object.");
                    continue;
                }
                if (FailedRowSample(s, at) is { } sample) samples.Add(sample);
            }
            return samples;
        }

        private FailedRowSample? FailedRowSample(JsonElement s, string at)
        {
            string? check = String(s, "check", at, required: true);
            var columns = new List<SampleColumn>();
            var columnsEl = strict ? Required(s, "columns", at, JsonValueKind.Array) : Optional(s, "columns");
            if (columnsEl.ValueKind == JsonValueKind.Array)
            {
                int j = 0;
                foreach (var c in columnsEl.EnumerateArray())
                {
                    string columnAt = $"{at}.columns[{j++}]";
                    if (c.ValueKind == JsonValueKind.Object) columns.Add(new SampleColumn(String(c, "name", columnAt, required: false), String(c, "type", columnAt, required: false)));
                    else if (strict) throw new SodaJsonException(columnAt, $"{columnAt} must be an object.");
                }
            }
            var rows = new List<IReadOnlyList<ResultValue?>>();
            var rowsEl = strict ? Required(s, "rows", at, JsonValueKind.Array) : Optional(s, "rows");
            if (rowsEl.ValueKind == JsonValueKind.Array)
            {
                int k = 0;
                foreach (var r in rowsEl.EnumerateArray())
                {
                    string rowAt = $"{at}.rows[{k++}]";
                    if (r.ValueKind != JsonValueKind.Array)
                    {
                        if (strict) throw new SodaJsonException(rowAt, $"{rowAt} must be an array of values, one per column.");
                        continue;
                    }
                    if (strict && r.GetArrayLength() != columns.Count)
                        throw new SodaJsonException(rowAt, $"{rowAt} must have {columns.Count} value(s), one per column, not {r.GetArrayLength()}.");
                    var row = new List<ResultValue?>();
                    int l = 0;
                    foreach (var v in r.EnumerateArray())
                    {
                        string valueAt = $"{rowAt}[{l++}]";
                        if (strict && v.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                            throw new SodaJsonException(valueAt, $"{valueAt} must be a string, a number, true, false or null.");
                        row.Add(ReadValue(v));
                    }
                    rows.Add(row);
                }
            }
            long? total = null;
            if (s.TryGetProperty("totalRowCount", out var t) && t.ValueKind != JsonValueKind.Null)
            {
                if (t.ValueKind == JsonValueKind.Number && PyJson.IsIntegerText(t.GetRawText()) && t.TryGetInt64(out long n) && n >= 0) total = n;
                else if (strict) throw new SodaJsonException($"{at}.totalRowCount", $"{at}.totalRowCount must be a whole number of rows, at least 0.");
            }
            // Lenient: a sample of no check cannot be told apart from another, so it is skipped.
            return check is null ? null : new FailedRowSample(check, columns, rows, total);
        }

        private ScanCheck Check(JsonElement c, string at)
        {
            // Validated in this order, so the first fault reported is the same whatever the reader's mode.
            string identity = String(c, "identity", at, required: true) ?? "";
            string? outcomeText = String(c, "outcome", at, required: false);
            Outcome? outcome = outcomeText switch
            {
                null => null,
                "pass" => Outcome.Pass,
                "warn" => Outcome.Warn,
                "fail" => Outcome.Fail,
                _ when strict => throw new SodaJsonException($"{at}.outcome", $"{at}.outcome must be pass, warn, fail or null, not \"{outcomeText}\"."),
                _ => null,
            };
            string name = String(c, "name", at, required: true) ?? "";
            string? table = String(c, "table", at, required: false);
            string? column = String(c, "column", at, required: false);
            string definition = String(c, "definition", at, required: false) ?? "";
            return new ScanCheck
            {
                Group = Optional(c, "group") is { ValueKind: JsonValueKind.Object } g
                    ? new CheckGroup(Text(g, "identity") ?? "", Text(g, "name") ?? "", Text(g, "distinctLabel") ?? "")
                    : null,
                Identity = identity,
                Identities = Optional(c, "identities") is { ValueKind: JsonValueKind.Object } ids
                    ? new CheckIdentityVersions(Text(ids, "v1") ?? "", Text(ids, "v2") ?? "", Text(ids, "v3") ?? "", Text(ids, "v4"))
                    : null,
                MigratedIdentities = ReadValue(Optional(c, "migratedIdentities")),
                Name = name,
                Type = Text(c, "type") ?? "generic",
                Definition = definition,
                ResourceAttributes = [.. Objects(c, "resourceAttributes")
                    .Where(a => Optional(a, "name").ValueKind == JsonValueKind.String)
                    .Select(a => new ResourceAttribute(Text(a, "name")!, ReadValue(Optional(a, "value"))))],
                Location = Location(Optional(c, "location")),
                DataSource = Text(c, "dataSource"),
                Table = table,
                Column = column,
                Metrics = Optional(c, "metrics") is { ValueKind: JsonValueKind.Array } m
                    ? [.. m.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
                    : [],
                Outcome = outcome,
                Diagnostics = ReadDiagnostics(Optional(c, "diagnostics")),
                Source = Text(c, "source"),
                Archetype = ReadValue(Optional(c, "archetype")),
                OutcomeReasons = Values(c, "outcomeReasons"),
                Filter = Text(c, "filter"),
            };
        }

        private ScanMetric Metric(JsonElement m, string at)
        {
            string identity = String(m, "identity", at, required: true) ?? "";
            string metricName = String(m, "metricName", at, required: true) ?? "";
            return new ScanMetric
            {
                Identity = identity,
                MetricName = metricName,
                Value = ReadValue(Optional(m, "value")),
                // Soda's schema metric states where it was measured; get_scan_results() gives every metric its data source.
                IsSchema = m.TryGetProperty("tableName", out _),
                DataSourceName = Text(m, "dataSourceName"),
                Table = Text(m, "tableName"),
                Partition = Text(m, "partitionName"),
                Column = Text(m, "columnName"),
            };
        }

        private static ScanQuery Query(JsonElement q) =>
            new(Text(q, "name"), Text(q, "dataSource"), Text(q, "table"), Text(q, "partition"), Text(q, "column"), Text(q, "sql"))
            {
                Exception = Text(q, "exception"),
                Duration = PyTimedelta.TryParse(Text(q, "duration"), out var d) ? d : null,
            };

        private static ScanLogEntry Log(JsonElement l) =>
            new(Enum.TryParse<LogEntryLevel>(Text(l, "level"), ignoreCase: true, out var level) ? level : LogEntryLevel.Info,
                Text(l, "message") ?? "", ParseTimestamp(Text(l, "timestamp")), Int(Optional(l, "index")))
            {
                Location = Location(Optional(l, "location")) ?? Location(Optional(l, "errorLocation")),
                Doc = Text(l, "doc"),
            };

        private static ResultLocation? Location(JsonElement l) =>
            l.ValueKind == JsonValueKind.Object ? new ResultLocation(Text(l, "filePath"), Int(Optional(l, "line")), Int(Optional(l, "col"))) : null;

        private static JsonElement Required(JsonElement o, string name, string at, JsonValueKind kind)
        {
            if (!o.TryGetProperty(name, out var v)) throw new SodaJsonException(Path(at, name), $"{Path(at, name)} is missing.");
            if (v.ValueKind != kind) throw new SodaJsonException(Path(at, name), $"{Path(at, name)} must be {(kind == JsonValueKind.Array ? "an array" : kind.ToString().ToLowerInvariant())}.");
            return v;
        }

        /// <summary>A text field: strict, absent or null is an error when required and any other type always is; lenient, both are null.</summary>
        private string? String(JsonElement o, string name, string at, bool required)
        {
            if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                return strict && required ? throw new SodaJsonException(Path(at, name), $"{Path(at, name)} is missing.") : null;
            if (v.ValueKind != JsonValueKind.String)
                return strict ? throw new SodaJsonException(Path(at, name), $"{Path(at, name)} must be a string.") : null;
            return v.GetString();
        }

        private DateTimeOffset? Timestamp(JsonElement o, string name, bool required)
        {
            string? text = String(o, name, "$", required);
            if (text is null) return null;
            var t = ParseTimestamp(text);
            if (t is null && strict)
                throw new SodaJsonException($"$.{name}", $"$.{name} must be an ISO 8601 timestamp such as 2024-01-31T12:00:00+00:00, not \"{text}\".");
            return t;
        }

        private static string Path(string at, string name) => at == "$" ? $"$.{name}" : $"{at}.{name}";
    }

    private static JsonElement Optional(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) ? v : default;

    /// <summary>A text field read leniently: its string, else null.</summary>
    private static string? Text(JsonElement o, string name) => Optional(o, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static bool Bool(JsonElement o, string name) => Optional(o, name).ValueKind == JsonValueKind.True;

    private static int Int(JsonElement e) => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int i) ? i : 0;

    private static IEnumerable<JsonElement> Objects(JsonElement o, string name) =>
        Optional(o, name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object) : [];

    private static List<ResultValue?> Values(JsonElement o, string name) =>
        Optional(o, name) is { ValueKind: JsonValueKind.Array } a ? [.. a.EnumerateArray().Select(ReadValue)] : [];

    // The typed diagnostics shapes; a ShapeException (or a written form that differs) makes them OtherDiagnostics.

    private sealed class ShapeException : Exception;

    private static CheckDiagnostics? TypedDiagnostics(JsonElement d)
    {
        if (d.TryGetProperty("rowCount", out _))
            return new RowCountComparisonDiagnostics(ReadValue(Optional(d, "value")), ReadValue(Optional(d, "rowCount")), ReadValue(Optional(d, "otherRowCount")))
            {
                Fail = Zone(Optional(d, "fail")),
                Warn = Zone(Optional(d, "warn")),
            };
        if (d.TryGetProperty("valueSeries", out var series))
            return new SchemaCheckDiagnostics(Blocks(Optional(d, "blocks")))
            {
                ColumnAdditions = Values(d, "column_additions"),
                ColumnDeletions = Values(d, "column_deletions"),
                ColumnIndexChanges = ReadValue(Optional(d, "column_index_changes")) as ObjectValue ?? throw new ShapeException(),
                ColumnIndexMismatches = [.. Members(Optional(d, "column_index_mismatches")).Select(p => new ColumnIndexMismatch(p.Name,
                    WholeInt(Optional(p.Value, "expected_index")), WholeInt(Optional(p.Value, "actual_index")), Text(p.Value, "column_on_expected_index")))],
                ColumnTypeChanges = ReadValue(Optional(d, "column_type_changes")) as ObjectValue ?? throw new ShapeException(),
                ColumnTypeMismatches = [.. Members(Optional(d, "column_type_mismatches")).Select(p => new ColumnTypeMismatch(p.Name,
                    Text(p.Value, "expected_type"), Text(p.Value, "actual_type")))],
                MissingColumnNames = Strings(Optional(d, "missing_column_names")),
                PresentColumnNames = Strings(Optional(d, "present_column_names")),
                PreferredChart = Text(d, "preferredChart") ?? throw new ShapeException(),
                ValueLabel = Text(d, "valueLabel"),
                ValueSeries = [.. Elements(Optional(series, "values")).Select(v => new SchemaEventCount(
                    Text(v, "label") ?? throw new ShapeException(), WholeInt(Optional(v, "value")), Text(v, "outcome") ?? throw new ShapeException()))],
            };
        if (d.TryGetProperty("blocks", out var blocks))
            return new MetricCheckDiagnostics(Blocks(blocks), ReadValue(Optional(d, "value")))
            {
                Fail = Zone(Optional(d, "fail")),
                Warn = Zone(Optional(d, "warn")),
                Freshness = d.TryGetProperty("measure", out _)
                    ? new FreshnessMeasurement(Text(d, "maxColumnTimestamp"), Text(d, "maxColumnTimestampUtc"), Text(d, "nowVariableName"),
                        Text(d, "nowTimestamp"), Text(d, "nowTimestampUtc"), Text(d, "freshness"))
                    : null,
            };
        return null;
    }

    private static ThresholdZone? Zone(JsonElement z) => z.ValueKind switch
    {
        JsonValueKind.Undefined => null,
        JsonValueKind.Object => new ThresholdZone(Real(z, "greaterThanOrEqual"), Real(z, "greaterThan"), Real(z, "lessThan"), Real(z, "lessThanOrEqual")),
        _ => throw new ShapeException(),
    };

    private static double? Real(JsonElement o, string name) => Optional(o, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    private static List<DiagnosticsBlock> Blocks(JsonElement blocks) => [.. Elements(blocks).Select(b => (DiagnosticsBlock)(Text(b, "type") switch
    {
        "csv" => new CsvBlock(Text(b, "text") ?? throw new ShapeException(), Text(b, "title") ?? throw new ShapeException()),
        "file" => new FailedRowsFileBlock(Text(b, "title") ?? throw new ShapeException(), File(Optional(b, "file"))),
        "failedRowsAnalysis" => new FailedRowsAnalysisBlock(Text(b, "title") ?? throw new ShapeException(), File(Optional(b, "file")),
            Text(b, "failingRowsQueryName"), Text(b, "passingRowsQueryName"), ReadValue(Optional(b, "totalFailingRows")), Whole(Optional(b, "sampleRowCount"))),
        _ => throw new ShapeException(),
    }))];

    private static FailedRowsFile File(JsonElement f)
    {
        if (f.ValueKind != JsonValueKind.Object) throw new ShapeException();
        var r = Optional(f, "reference");
        var link = Optional(r, "link");
        return new FailedRowsFile([.. Elements(Optional(f, "columns")).Select(c => new SampleColumn(Text(c, "name"), Text(c, "type")))],
            Whole(Optional(f, "totalRowCount")), Whole(Optional(f, "storedRowCount")),
            new FileReference(Text(r, "type"), Text(r, "message"), Text(link, "href"), Text(link, "text"), Text(r, "fileId")));
    }

    private static long Whole(JsonElement e) => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long i) ? i : throw new ShapeException();

    private static int WholeInt(JsonElement e) => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int i) ? i : throw new ShapeException();

    private static IEnumerable<JsonElement> Elements(JsonElement a) => a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : throw new ShapeException();

    private static IEnumerable<JsonProperty> Members(JsonElement o) => o.ValueKind == JsonValueKind.Object ? o.EnumerateObject() : throw new ShapeException();

    private static List<string> Strings(JsonElement a) => [.. Elements(a).Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw new ShapeException())];
}
