// Maps a finished scan to the typed results model (Sodalite.Results.Model): the checks, metrics, queries and logs of Soda's
// -srf document (spec/sodacl.md §4), with Soda's value types. SodaJsonWriter writes it; nothing here knows JSON.
using System.Globalization;
using Sodalite.Engine.CheckTypes.FreshnessCheck;
using Sodalite.Engine.CheckTypes.SchemaCheck;
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.Results.Json;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Output;

public static class ResultsDocument
{
    /// <summary>Soda's timestamp text: UTC to the second, <c>2024-01-31T12:00:00+00:00</c>.</summary>
    public static string Timestamp(DateTimeOffset t) => SodaJsonWriter.Timestamp(t);

    /// <summary>Python str(timedelta): [N day[s], ]H:MM:SS[.ffffff], days floored (so -1h is "-1 day, 23:00:00").</summary>
    public static string PyTimedelta(TimeSpan t) => Results.Json.PyTimedelta.Format(t);

    /// <summary>
    /// The scan's results: every metric, the checks that got an outcome (not the group by checks kept local), every query,
    /// the logs (debug records only when verbose), numbered from 1, and the failed-row samples of the failing and warning checks
    /// (one per check whose metric has a sample with rows; the push carries them, the -srf file does not).
    /// </summary>
    public static ScanResult Build(ScanRun run) => new()
    {
        DefinitionName = run.DefinitionName,
        DefaultDataSource = run.DataSourceName,
        DataTimestamp = run.DataTimestamp,
        ScanStartTimestamp = run.Start,
        ScanEndTimestamp = run.End,
        HasErrors = run.Logs.Any(l => l.Level == ScanLogLevel.Error),
        HasWarnings = run.Results.Any(r => r.Outcome == CheckOutcome.Warn),
        HasFailures = run.Results.Any(r => r.Outcome == CheckOutcome.Fail),
        Metrics = [.. run.Metrics.Select(m => Metric(m, run))],
        Checks = [.. run.Results.Where(r => r.Outcome is not null && !r.Local).Select(r => Check(r, run))],
        Queries = [.. run.Queries.Select(q => new ScanQuery(q.Name, q.DataSource, q.Table, q.Partition, q.Column, q.Sql) { Exception = q.Exception, Duration = q.Duration })],
        Logs = [.. run.Logs.Where(l => l.Level != ScanLogLevel.Debug || run.Verbose).Select((l, i) => Log(l, i + 1))],
        SourceOwner = "soda-core",
        FailedRowSamples = [.. run.Results.Where(r => r.Outcome is CheckOutcome.Fail or CheckOutcome.Warn && !r.Local).Select(r => FailedRowSample(r, run)).OfType<FailedRowSample>()],
    };

    /// <summary>
    /// A failing or warning check's failed-row sample, for the push: the rows its metric's sample (or, for a percentage, its
    /// count's) kept, under the check's v3 identity; null when it has none or the sample returned no rows (a failed rows check
    /// with <c>samples limit: 0</c>, which Soda still runs).
    /// </summary>
    private static FailedRowSample? FailedRowSample(CheckResult r, ScanRun run) =>
        r.Schema is null && r.Check.Metric is { } metric && Sampled(metric, run.Measurements)?.Sample is { RowCount: > 0 } s
            ? new FailedRowSample(r.Check.Identities.V3, [.. s.Columns.Select(c => new SampleColumn(c.Name, c.Type))], s.Rows, s.FailedRowCount)
            : null;

    /// <summary>The measurement holding a metric's sample: its own, or for a derived percentage its count's; null when neither has one.</summary>
    private static Measurement? Sampled(Metric metric, Measurements measured) =>
        measured[metric].Sample is not null ? measured[metric]
        : metric is DerivedMetric { CountMetric: var count } && measured[count].Sample is not null ? measured[count]
        : null;

    /// <summary>
    /// A metric or check value with the type Soda writes: long → int, double → float (NaN and infinities → null), bool,
    /// dates and datetimes → ISO text, TimeSpan → str(timedelta), group by rows → a list of dicts; anything else → its text.
    /// </summary>
    public static ResultValue? Value(object? value) => value switch
    {
        null => null,
        string s => new TextValue(s),
        IReadOnlyList<string> texts => new ListValue([.. texts.Select(t => (ResultValue?)new TextValue(t))]),
        long l => new IntegerValue(l),
        double d => double.IsNaN(d) || double.IsInfinity(d) ? null : new FloatValue(d),
        bool b => new BooleanValue(b),
        DateOnly d => new TextValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime dt => new TextValue(Timestamp(dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dt, TimeSpan.Zero) : new DateTimeOffset(dt))),
        DateTimeOffset o => new TextValue(Timestamp(o)),
        TimeSpan ts => new TextValue(PyTimedelta(ts)),
        // A group by metric: its rows, each a mapping of column to value.
        IEnumerable<IReadOnlyList<(string Column, object? Value)>> rows =>
            new ListValue([.. rows.Select(row => (ResultValue?)new ObjectValue([.. row.Select(c => KeyValuePair.Create(c.Column, Value(c.Value)))]))]),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) is { } text ? new TextValue(text) : null,
    };

    /// <summary>A metric, with where the engine measured it; the schema metric in Soda's form, its value the columns.</summary>
    private static ScanMetric Metric(Metric m, ScanRun run) => m is SchemaMetric
        ? new ScanMetric
        {
            Identity = m.Identity,
            MetricName = m.Name,
            IsSchema = true,
            DataSourceName = run.DataSourceName,
            Table = m.Table,
            Partition = m.Partition,
            Value = run.Measurements[m].Value is IReadOnlyList<(string Name, string Type)> cols
                ? new ListValue([.. cols.Select(c => (ResultValue?)new ObjectValue(
                    [KeyValuePair.Create<string, ResultValue?>("columnName", new TextValue(c.Name)), KeyValuePair.Create<string, ResultValue?>("sourceDataType", new TextValue(c.Type))]))])
                : null,
        }
        : new ScanMetric { Identity = m.Identity, MetricName = m.Name, Value = Value(run.Measurements[m].Value), Table = m.Table, Partition = m.Partition, Column = m.Column };

    private static ScanCheck Check(CheckResult r, ScanRun run)
    {
        var def = r.Check.Definition;
        var ids = r.Check.Identities;
        var metric = r.Check.Metric!;
        CheckDiagnostics diagnostics = r.Schema is { } schema ? Schema(schema)
            // A row count comparison's diagnostics are only the difference and both counts (no blocks).
            : r.Check.OtherMetric is { } other ? new RowCountComparisonDiagnostics(Value(r.Value), Value(run.Measurements[metric].Value), Value(run.Measurements[other].Value)) { Fail = Zone(r.FailZone), Warn = Zone(r.WarnZone) }
            : new MetricCheckDiagnostics(Blocks(metric, run.Measurements), Value(r.Value))
            {
                Fail = Zone(r.FailZone),
                Warn = Zone(r.WarnZone),
                Freshness = r.Freshness is { } f
                    ? new FreshnessMeasurement(f.MaxColumnTimestamp, f.MaxColumnTimestampUtc, f.NowVariableName, f.NowTimestamp, f.NowTimestampUtc, f.Freshness)
                    : null,
            };
        return new ScanCheck
        {
            Group = r.Group is { } g ? new CheckGroup(g.Identity, g.Name, g.DistinctLabel) : null,
            Identity = ids.V3,
            Identities = new CheckIdentityVersions(ids.V1, ids.V2, ids.V3, ids.V4),
            Name = r.Name,
            Definition = def.Definition,
            ResourceAttributes = [.. def.Attributes.Select(a => new ResourceAttribute(a.Name, AttributeValue(a)))],
            Location = new ResultLocation(def.Location.FilePath, def.Location.Line, def.Location.Col),
            DataSource = run.DataSourceName,
            Table = def.Table?.Trim('"', '[', ']', '`'),
            Column = def.Column,
            Metrics = r.Check.OtherMetric is { } o ? [metric.Identity, o.Identity] : [metric.Identity],
            Outcome = r.Outcome switch { CheckOutcome.Pass => Outcome.Pass, CheckOutcome.Warn => Outcome.Warn, _ => Outcome.Fail },
            Diagnostics = diagnostics,
        };
    }

    private static ThresholdZone? Zone(Threshold? t) => t is null ? null : new ThresholdZone(t.Gte, t.Gt, t.Lt, t.Lte);

    private static SchemaCheckDiagnostics Schema(SchemaDiagnostics s)
    {
        List<DiagnosticsBlock> blocks = [new CsvBlock("Column,Type\n" + string.Join("\n", s.Measured.Select(c => $"{c.Name},{c.Type}")), "Schema")];
        int events = s.Fail.Count + s.Warn.Count;
        if (events > 0)
            blocks.Add(new CsvBlock("Column,Event,Details\n" + string.Join("\n", SchemaEvaluation.EventLines(s.Fail, "fail")) + "\n"
                + string.Join("\n", SchemaEvaluation.EventLines(s.Warn, "warn")), "Diagnostics"));
        // Soda appends the warn level's findings, then the fail level's (lists keep repeats; a column in both keeps its first
        // place and the fail detail, as a dict assignment does).
        SchemaEvents[] levels = [s.Warn, s.Fail];
        var types = new Keyed<ColumnTypeMismatch>();
        foreach (var (c, expected, actual) in levels.SelectMany(l => l.TypeMismatches)) types.Set(c, new ColumnTypeMismatch(c, expected, actual));
        var indexes = new Keyed<ColumnIndexMismatch>();
        foreach (var (c, expected, actual, on) in levels.SelectMany(l => l.IndexMismatches)) indexes.Set(c, new ColumnIndexMismatch(c, expected, actual, on));
        var indexChanges = new Keyed<KeyValuePair<string, ResultValue?>>();
        foreach (var (c, before, now) in levels.SelectMany(l => l.IndexChanges))
            indexChanges.Set(c, KeyValuePair.Create<string, ResultValue?>(c, new ObjectValue(
                [KeyValuePair.Create<string, ResultValue?>("previous_index", new IntegerValue(before)), KeyValuePair.Create<string, ResultValue?>("new_index", new IntegerValue(now))])));
        var typeChanges = new Keyed<KeyValuePair<string, ResultValue?>>();
        foreach (var (c, before, now) in levels.SelectMany(l => l.TypeChanges))
            typeChanges.Set(c, KeyValuePair.Create<string, ResultValue?>(c, new ObjectValue(
                [KeyValuePair.Create<string, ResultValue?>("previous_type", new TextValue(before)), KeyValuePair.Create<string, ResultValue?>("new_type", new TextValue(now))])));
        return new SchemaCheckDiagnostics(blocks)
        {
            ColumnAdditions = [.. levels.SelectMany(l => l.Additions).Select(c => (ResultValue?)new TextValue(c))],
            ColumnDeletions = [.. levels.SelectMany(l => l.Deletions).Select(c => (ResultValue?)new TextValue(c))],
            ColumnIndexChanges = new ObjectValue(indexChanges.Items),
            ColumnTypeChanges = new ObjectValue(typeChanges.Items),
            ColumnIndexMismatches = indexes.Items,
            ColumnTypeMismatches = types.Items,
            MissingColumnNames = [.. levels.SelectMany(l => l.Missing)],
            PresentColumnNames = [.. levels.SelectMany(l => l.Present)],
            ValueLabel = $"{events} schema event(s)",
            ValueSeries = [new("fail", s.Fail.Count, "fail"), new("warn", s.Warn.Count, "warn"), new("pass", s.Measured.Count - events, "pass")],
        };
    }

    /// <summary>Items by column, as a Python dict keeps them: a repeated column keeps its first place and takes the last item.</summary>
    private sealed class Keyed<T>
    {
        private readonly Dictionary<string, int> _at = [];
        public List<T> Items { get; } = [];

        public void Set(string key, T item)
        {
            if (_at.TryGetValue(key, out int i)) Items[i] = item;
            else
            {
                _at[key] = Items.Count;
                Items.Add(item);
            }
        }
    }

    /// <summary>Soda's resourceAttributes value: a top-level number becomes its text, a bool stays, lists and mappings keep their items' types.</summary>
    private static ResultValue? AttributeValue(CheckAttribute a) => a.Value switch
    {
        null => null,
        bool b => new BooleanValue(b),
        long l => new TextValue(l.ToString(CultureInfo.InvariantCulture)),
        double d => new TextValue(PyFloat.Repr(d)),
        _ => Nested(a.Value),
    };

    private static ResultValue? Nested(object? value) => value switch
    {
        null => null,
        bool b => new BooleanValue(b),
        long l => new IntegerValue(l),
        double d => new FloatValue(d),
        IReadOnlyList<KeyValuePair<string, object?>> map => new ObjectValue([.. map.Select(p => KeyValuePair.Create(p.Key, Nested(p.Value)))]),
        System.Collections.IEnumerable list and not string => new ListValue([.. list.Cast<object?>().Select(Nested)]),
        _ => value.ToString() is { } text ? new TextValue(text) : null,
    };

    private static List<DiagnosticsBlock> Blocks(Metric metric, Measurements measured)
    {
        var sampled = Sampled(metric, measured);
        if (sampled?.Sample is not { } s) return [];
        var file = new FailedRowsFile([.. s.Columns.Select(c => new SampleColumn(c.Name, c.Type))], s.TotalRowCount ?? s.RowCount, s.RowCount, FileReference.NoFile);
        if (sampled.SampleIsFile) return [new FailedRowsFileBlock("Failed Rows", file)];
        return [new FailedRowsAnalysisBlock("Failed Rows Analysis", file, sampled.SampleQueryName + ".failing_sql", sampled.SampleQueryName + ".passing_sql",
            Value(sampled.Value), s.RowCount)];
    }

    private static ScanLogEntry Log(ScanLog l, int index) => new(l.Level switch
    {
        ScanLogLevel.Debug => LogEntryLevel.Debug,
        ScanLogLevel.Info => LogEntryLevel.Info,
        ScanLogLevel.Warning => LogEntryLevel.Warning,
        _ => LogEntryLevel.Error,
    }, l.Message, l.Timestamp, index)
    {
        Location = l.Location is { } loc ? new ResultLocation(loc.FilePath, loc.Line, loc.Col) : null,
        Doc = l.Doc,
    };
}
