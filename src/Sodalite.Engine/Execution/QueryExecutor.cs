// Runs the plan's queries and fills metric values. A failing batch is split so that one bad
// expression does not sink the other metrics of its query (design.md §4).
using System.Data.Common;
using System.Diagnostics;
using Sodalite.Engine.DataSources;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Variables;

namespace Sodalite.Engine.Execution;

/// <param name="ds">The data source the statements run on.</param>
/// <param name="log">Where query errors go.</param>
/// <param name="jinja">Renders each statement (Soda renders every statement with Jinja).</param>
/// <param name="progress">Told which statement or sample runs (n of m), for a live status.</param>
/// <param name="measured">Where the values are recorded (shared by the scan's executors).</param>
public sealed partial class QueryExecutor(DataSource ds, ScanLogger log, Jinja jinja, Action<ScanProgress>? progress, Measurements measured)
{
    public List<QueryLog> Queries { get; } = [];

    /// <summary>
    /// Runs the plan's statements on this executor's data source, in order, and fills their metrics; with
    /// <paramref name="dataSourceName"/>, the statements planned on that other data source (this executor must be connected to it).
    /// Derived metrics (percentages) are computed after the scan's own statements.
    /// </summary>
    public async Task RunAsync(ScanPlan plan, CancellationToken ct, string? dataSourceName = null)
    {
        var queries = plan.Queries.Where(q => q.DataSourceName == dataSourceName).ToList();
        for (int i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            progress?.Invoke(new ScanProgress(ScanStage.Querying, ds.Name, q.Table, q.Partition, i + 1, queries.Count));
            if (q.Kind == QueryKind.Aggregation) await RunAggregationAsync(q, q.Metrics, q.Sql, q.Name, ct, top: true);
            else if (q.Kind == QueryKind.Schema) await RunSchemaAsync(q, ct);
            else if (q.Kind == QueryKind.UserQuery) await RunUserQueryAsync(q, ct);
            else if (q.Kind == QueryKind.GroupBy) await RunGroupByAsync(q, ct);
            else if (q.Kind == QueryKind.GroupEvolution) await RunGroupEvolutionAsync(q, ct);
            else await RunScalarAsync(q, ct);
        }
        if (dataSourceName is null)
            foreach (var m in plan.Metrics.OfType<DerivedMetric>()) ComputeDerived(m);
    }

    /// <summary>
    /// The plan's failed-rows samples whose metric found failing rows (<see cref="PlannedSample.Trigger"/>), in plan order: each is
    /// numbered when it runs, as Soda numbers the sample queries it makes, and its failing/passing queries are listed after it.
    /// </summary>
    public async Task RunSamplesAsync(ScanPlan plan, CancellationToken ct)
    {
        bool announced = false;
        var due = plan.Samples.Where(s => s.Trigger switch
        {
            SampleTrigger.Computed => measured[s.Metric].Computed,
            SampleTrigger.AnyValue => measured[s.Metric].Value is long n ? n > 0 : measured[s.Metric].Value is double,
            _ => measured[s.Metric].Value is long n && n > 0,
        }).ToList();
        for (int i = 0; i < due.Count; i++)
        {
            var s = due[i];
            var m = s.Metric;
            var found = measured[m];
            progress?.Invoke(new ScanProgress(ScanStage.Sampling, ds.Name, m.Table, m.Partition, i + 1, due.Count));
            if (!announced) { log.Info("Using DefaultSampler"); announced = true; }
            string name = plan.NextQueryNumber() + s.NameAfterNumber;
            string sql = s.KeptKeysSql is not null && found.DuplicateKeysTable is not null ? s.KeptKeysSql : s.Sql;
            if (s.Listed is not { } listed)
            {
                var fileSample = Counted(await SampleAsync(sql, name, m.Table, m.Partition, null, ct), s, found);
                if (s.CountIsTotal && fileSample is not null && found.Value is long total) fileSample = fileSample with { TotalRowCount = total };
                measured.Record(m, found with { SampleIsFile = true, SampleQueryName = name, Sample = fileSample });
                continue;
            }
            string listedName = s.ListedUnder ?? name;
            measured.Record(m, found with { SampleQueryName = listedName, Sample = Counted(await SampleAsync(sql, name, m.Table, m.Partition, m.Column, ct), s, found) });
            Queries.Add(new QueryLog(listedName + ".failing_sql", ds.Name, m.Table, m.Partition, m.Column, listed.Failing, null, null));
            Queries.Add(new QueryLog(listedName + ".passing_sql", ds.Name, m.Table, m.Partition, m.Column, listed.Passing, null, null));
        }
    }

    /// <summary>The sample with how many rows failed in all, when known (<see cref="Sample.FailedRowCount"/>).</summary>
    private static Sample? Counted(Sample? sample, PlannedSample s, Measurement found) => sample is null ? null : sample with
    {
        FailedRowCount = (s.CountIsTotal || s.Metric is AggregateMetric { FailingWhere: not null } or ReferenceMetric) && found.Value is long count ? count
            : sample.RowCount < s.Limit ? sample.RowCount
            : null,
    };

    private async Task RunAggregationAsync(PlannedQuery q, IReadOnlyList<Metric> metrics, string sql, string name, CancellationToken ct, bool top = false)
    {
        var (row, error) = await ExecuteRowAsync(sql, name, q.Table, q.Partition, null, ct, logError: metrics.Count == 1);
        if (row is not null)
        {
            for (int i = 0; i < metrics.Count; i++) SetValue(metrics[i], row[i]);
            return;
        }
        // A single metric whose statement failed stays not computed (its error is logged).
        if (metrics.Count == 1) return;
        // When the FROM/WHERE part itself fails (a missing table, a bad filter), no expression can succeed, and the batch gets one
        // error, as Soda reports it, instead of a bisection.
        if (top && await WholeBatchFailsAsync(q, error, ct))
        {
            log.Error($"Query execution error in {Shown(name)}: {error?.Message}\n{(jinja.TryRender(sql, out var shown, out _) ? shown : sql)}");
            if (ReservedWords.Hint(q.Table) is { Length: > 0 } hint) log.Warning(hint);
            return;
        }
        // Bisect the batch: the metrics in halves that succeed still get their values.
        int half = metrics.Count / 2;
        foreach (var part in new[] { metrics.Take(half).ToList(), metrics.Skip(half).ToList() })
        {
            string partSql = ds.Dialect.AggregationSql(part.Cast<AggregateMetric>().Select(m => m.Sql), q.Source!, q.Where);
            await RunAggregationAsync(q, part, partSql, name + "[retry]", ct);
        }
    }

    /// <summary>
    /// Whether a failed aggregation fails whatever its select expressions, from the engine's typed error and the catalog: a
    /// transient error (splitting would only repeat it), or the statement's own dataset named missing and absent from the catalog.
    /// A name that does not resolve in a statement without a filter is an expression's, so the batch is split. Otherwise a
    /// plan-only probe of the FROM/WHERE part tells.
    /// </summary>
    private async Task<bool> WholeBatchFailsAsync(PlannedQuery q, Exception? error, CancellationToken ct)
    {
        switch (error)
        {
            case DataSourceException { IsTransient: true }:
                return true;
            case DataSourceException { Kind: QueryErrorKind.DatasetNotFound, UnresolvedName: { } missing }
                when q.Table is not null && SameName(missing, q.Table) && await ds.TryColumnsAsync(q.Table, ct) is { Count: 0 }:
                return true;
            case DataSourceException { Kind: QueryErrorKind.NameNotResolved } when q.Where is null:
                return false;
            default:
                return !await FromClauseWorksAsync(q, ct);
        }
    }

    /// <summary>Whether two (possibly qualified, quoted) names end in the same name, ignoring case.</summary>
    private static bool SameName(string a, string b)
    {
        static string Last(string n) => n[(n.LastIndexOf('.') + 1)..].Trim('"', '`', '\'', '[', ']');
        return string.Equals(Last(a), Last(b), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<bool> FromClauseWorksAsync(PlannedQuery q, CancellationToken ct)
    {
        string probe = ds.Dialect.SourceProbeSql(q.Source!, q.Where);
        try
        {
            return await ds.ReadAsync(jinja.Resolve(probe), _ => Task.FromResult(true), ct);
        }
        catch (Exception e) when (e is DbException or SodaCL.Variables.JinjaException)
        {
            return false;
        }
    }

    /// <summary>Reads a table's columns from the catalog; a table without columns (it does not exist) leaves the metric not computed.</summary>
    private async Task RunSchemaAsync(PlannedQuery q, CancellationToken ct)
    {
        var m = q.Metrics[0];
        var (columns, _) = await LoggedAsync(q.Sql, q.Name, q.Table, null, null, DataSource.ReadColumnsAsync, ct);
        if (columns is { Count: > 0 }) measured.Record(m, new Measurement { Value = columns, Computed = true });
    }

    /// <summary>"X query:": the value is the last non-NULL column of the first row, as a number (Soda's rule).</summary>
    private async Task RunUserQueryAsync(PlannedQuery q, CancellationToken ct)
    {
        var m = q.Metrics[0];
        var (row, _) = await ExecuteRowAsync(q.Sql, q.Name, q.Table, q.Partition, null, ct);
        object? last = row?.LastOrDefault(v => v is not null);
        if (last is null) return;
        try
        {
            measured.Record(m, new Measurement
            {
                Value = last is decimal exact ? ToDouble(exact) : Convert.ToDouble(last, System.Globalization.CultureInfo.InvariantCulture),
                Computed = true,
            });
        }
        catch (Exception e) when (e is FormatException or InvalidCastException)
        {
            log.Error($"Query {q.Name} returned {last}, which is not a number: a user-defined query must return a number in its last column.");
        }
    }

    /// <summary>At most this many group rows are kept in a group by metric's value; more are counted, not kept.</summary>
    public const int MaxGroupRowsKept = 100_000;

    /// <summary>
    /// A group by query: its rows as (column, value) lists. As Soda, every group is kept (the metric lists them all, also over the
    /// group limit, and the limit error says how many there were), up to <see cref="MaxGroupRowsKept"/>; rows past that are only counted.
    /// </summary>
    private async Task RunGroupByAsync(PlannedQuery q, CancellationToken ct)
    {
        var m = q.Metrics[0];
        long count = 0;
        var (rows, _) = await LoggedAsync(q.Sql, q.Name, q.Table, q.Partition, null, async reader =>
        {
            var rows = new List<IReadOnlyList<(string Column, object? Value)>>();
            while (await reader.ReadAsync(ct))
            {
                if (count++ < MaxGroupRowsKept)
                    rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetName(i), Normalize(reader.IsDBNull(i) ? null : reader.GetValue(i))))]);
            }
            return rows;
        }, ct);
        if (rows is not null) measured.Record(m, new Measurement { Value = rows, GroupCount = count, Computed = true });
    }

    /// <summary>A group evolution query's groups: the first column's non-null values, as text, in the query's order (at most 100,000).</summary>
    private async Task RunGroupEvolutionAsync(PlannedQuery q, CancellationToken ct)
    {
        var (groups, _) = await LoggedAsync(q.Sql, q.Name, q.Table, q.Partition, null, async reader =>
        {
            var groups = new List<string>();
            while (await reader.ReadAsync(ct))
                if (!reader.IsDBNull(0) && groups.Count < MaxGroupRowsKept)
                    groups.Add(Convert.ToString(Normalize(reader.GetValue(0)), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            return groups;
        }, ct);
        if (groups is not null) measured.Record(q.Metrics[0], new Measurement { Value = groups, Computed = true });
    }

    /// <summary>
    /// The double nearest to an exact decimal, as Python's float(Decimal) gives it. A plain (double) cast of a System.Decimal is not
    /// correctly rounded (0.33333333333333333333, PostgreSQL's AVG of a numeric, becomes 0.33333333333333337, not 0.3333333333333333).
    /// </summary>
    public static double ToDouble(decimal value) =>
        double.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A database value as the results document holds it (numbers as long or double).</summary>
    public static object? Normalize(object? raw) => raw switch
    {
        null => null,
        decimal d => ToDouble(d),
        float f => (double)f,
        double d => d,
        System.Numerics.BigInteger b => (long)b,
        sbyte or byte or short or ushort or int or uint or long => Convert.ToInt64(raw, System.Globalization.CultureInfo.InvariantCulture),
        ulong u => (long)u,
        DateTime or DateTimeOffset or DateOnly or TimeSpan or TimeOnly or bool => raw,
        _ => raw.ToString(),
    };

    private async Task RunScalarAsync(PlannedQuery q, CancellationToken ct)
    {
        var m = q.Metrics[0];
        if (q.KeepKeys is { } keep)
        {
            // Same count as Soda's query, keeping the duplicated keys for the failed-rows sample. Where a temporary
            // table cannot be made (a read-only database), or the statement fails, Soda's own query runs instead
            // and reports any error.
            var (created, _) = await ExecuteRowAsync(keep.Create, q.Name + ".keep_keys", q.Table, q.Partition, m.Column, ct, logError: false);
            if (created is not null)
            {
                var (count, _) = await ExecuteRowAsync(keep.Count, q.Name, q.Table, q.Partition, m.Column, ct);
                if (count is not null)
                {
                    SetValue(m, count[0]);
                    measured.Update(m, found => found with { DuplicateKeysTable = keep.Table });
                    return;
                }
            }
        }
        var (row, _) = await ExecuteRowAsync(q.Sql, q.Name, q.Table, q.Partition, q.Metrics[0].Column, ct);
        if (row is not null) SetValue(q.Metrics[0], row[0]);
    }

    private Task<(object?[]? Row, Exception? Error)> ExecuteRowAsync(string sql, string name, string? table, string? partition, string? column, CancellationToken ct, bool logError = true) =>
        LoggedAsync(sql, name, table, partition, column, async reader =>
        {
            if (!await reader.ReadAsync(ct)) return [];
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                // A DATE is a date, whichever CLR type the driver picks (Soda writes "2020-06-24", not a timestamp).
                // A timestamp with time zone is an instant in UTC even where the driver leaves its kind unspecified (DuckDB).
                if (row[i] is DateTime d)
                {
                    string type = reader.GetDataTypeName(i).ToLowerInvariant();
                    if (type == "date") row[i] = DateOnly.FromDateTime(d);
                    else if (d.Kind == DateTimeKind.Unspecified && (type.Contains("tz", StringComparison.Ordinal) || type.Contains("with time zone", StringComparison.Ordinal)))
                        row[i] = DateTime.SpecifyKind(d, DateTimeKind.Utc);
                }
            }
            return row;
        }, ct, logError);

    private readonly HashSet<string> _undefinedWarned = new(StringComparer.Ordinal);

    /// <summary>
    /// Names each <c>${NAME}</c> of a statement (a filter, a user's SQL) that no scan variable or environment variable defines: Jinja
    /// renders it as an empty string, as Soda does, which gives a syntax error or a silently different filter. Once per name.
    /// </summary>
    private void WarnUndefinedVariables(string sql, string name)
    {
        if (!sql.Contains("${", StringComparison.Ordinal)) return;
        foreach (System.Text.RegularExpressions.Match m in SimpleVariable().Matches(sql))
        {
            string variable = m.Groups[1].Value;
            if (jinja.Lookup(variable) is null && _undefinedWarned.Add(variable))
                log.Warning($"Variable '{variable}' in query {Shown(name)} is not defined, so ${{{variable}}} is replaced by an empty string. " +
                            $"Pass -v {variable}=VALUE, set the environment variable {variable}, or write ${{{variable} | default('...')}}.");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}")]
    private static partial System.Text.RegularExpressions.Regex SimpleVariable();

    /// <summary>
    /// A query's name as the log shows it: a part of a batch run again after an expression failed keeps its batch's name (the
    /// "[retry]" suffixes of queries[] are internal), with " (retried in part)" after it.
    /// </summary>
    private static string Shown(string name)
    {
        int retry = name.IndexOf("[retry]", StringComparison.Ordinal);
        return retry < 0 ? name : name[..retry] + " (retried in part)";
    }

    /// <summary>
    /// Runs one statement, lists it in queries[] (with its exception when it fails) and reads its result; on a database error the
    /// result is null and the error is logged (as debug when the caller tries another way).
    /// </summary>
    private async Task<(T? Result, Exception? Error)> LoggedAsync<T>(string sql, string name, string? table, string? partition, string? column,
        Func<DbDataReader, Task<T>> read, CancellationToken ct, bool logError = true) where T : class
    {
        var sw = Stopwatch.StartNew();
        try
        {
            // The whole statement is rendered with Jinja, as Soda does; a template error fails this statement only.
            WarnUndefinedVariables(sql, name);
            sql = jinja.Resolve(sql);
            var result = await ds.ReadAsync(sql, read, ct);
            Queries.Add(new QueryLog(name, ds.Name, table, partition, column, sql, null, sw.Elapsed));
            log.Debug($"Query {Shown(name)}:\n{sql}");
            return (result, null);
        }
        catch (Exception e) when (e is DbException or SodaCL.Variables.JinjaException)
        {
            Queries.Add(new QueryLog(name, ds.Name, table, partition, column, sql, e.ToString(), sw.Elapsed));
            if (logError)
            {
                log.Error($"Query execution error in {Shown(name)}: {e.Message}\n{sql}");
                if (ReservedWords.Hint(table) is { Length: > 0 } hint) log.Warning(hint);
            }
            else log.Debug($"Query {Shown(name)} failed, trying another way: {e.Message}");
            return (null, e);
        }
    }

    /// <summary>
    /// Runs a bounded sample query (its LIMIT is the samples limit); returns the columns, their types and the rows, each value
    /// converted by <see cref="SampleValues.From"/> (texts capped, so memory stays within the limit times the columns). Null when
    /// the query failed (logged).
    /// </summary>
    public async Task<Sample?> SampleAsync(string sql, string name, string? table, string? partition, string? column, CancellationToken ct)
    {
        var (sample, _) = await LoggedAsync(sql, name, table, partition, column, async reader =>
        {
            var cols = new List<(string Name, string Type)>();
            for (int i = 0; i < reader.FieldCount; i++) cols.Add((reader.GetName(i), ds.Dialect.SampleTypeName(reader.GetDataTypeName(i))));
            var rows = new List<IReadOnlyList<Results.Model.ResultValue?>>();
            while (await reader.ReadAsync(ct))
            {
                var row = new Results.Model.ResultValue?[cols.Count];
                for (int i = 0; i < row.Length; i++) row[i] = SampleValue(reader, i, cols[i].Type);
                rows.Add(row);
            }
            return new Sample(cols, rows);
        }, ct);
        return sample;
    }

    /// <summary>One value of a sample row; a value the driver cannot give as a .NET value (an exotic type) is its text, else null.</summary>
    private static Results.Model.ResultValue? SampleValue(DbDataReader reader, int i, string type)
    {
        try
        {
            return reader.IsDBNull(i) ? null : SampleValues.From(reader.GetValue(i), type);
        }
        catch (Exception e) when (e is InvalidCastException or NotSupportedException or OverflowException or FormatException or ArgumentException)
        {
            try
            {
                return SampleValues.From(reader.GetString(i), type);
            }
            catch (Exception again) when (again is InvalidCastException or NotSupportedException or OverflowException or FormatException or ArgumentException)
            {
                return null;
            }
        }
    }

    private void SetValue(Metric m, object? raw) => measured.Record(m, new Measurement
    {
        Computed = true,
        Value = raw is not null && m.IsCount ? Convert.ToInt64(raw, System.Globalization.CultureInfo.InvariantCulture) : Normalize(raw),
    });

    private void ComputeDerived(DerivedMetric m)
    {
        var c = measured[m.CountMetric];
        var r = measured[m.RowCountMetric];
        if (!c.Computed || !r.Computed)
        {
            // Soda's formula takes a count or row count it has not got as 0: the percentage is 0.0 and its check is evaluated.
            // The evaluator keeps a failure but never lets such a check pass or warn (Measurement.FromUncomputed).
            measured.Record(m, new Measurement { Computed = true, Value = 0.0, FromUncomputed = !c.Computed ? m.CountMetric : m.RowCountMetric });
            return;
        }
        long count = c.Value is long a ? a : 0;
        long rows = r.Value is long b ? b : 0;
        measured.Record(m, new Measurement { Computed = true, Value = count == 0 || rows == 0 ? 0.0 : Sodalite.Results.Json.PyFloat.Round(count * 100.0 / rows, 2) });
    }
}
