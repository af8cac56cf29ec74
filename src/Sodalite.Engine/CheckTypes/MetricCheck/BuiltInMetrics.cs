// SodaCL's built-in metrics (spec/sodacl.md §2.2–§2.5) and user-defined expression metrics on a dataset: each declared once per
// identity in the planner's catalogue, with the SQL expression the dataset's aggregation query computes it with.
using System.Globalization;
using Sodalite.Engine.CheckTypes.UserDefinedMetricCheck;
using Sodalite.Engine.DataSources;
using Sodalite.Engine.Planning;
using Sodalite.Results.Json;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Formats;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.CheckTypes.MetricCheck;

/// <summary>Declares built-in metrics for checks: their Soda identity, SQL expression, sample conditions and derived percentages.</summary>
/// <param name="planner">The catalogue metrics are declared in (de-duplicated by identity) and the identity rules.</param>
/// <param name="dataSource">The scan's data source: its dialect writes the expressions.</param>
/// <param name="log">Where unknown formats and unsupported metrics are reported.</param>
public sealed class BuiltInMetrics(Planner planner, DataSource dataSource, ScanLogger log)
{
    private readonly MetricSql _sql = new(dataSource.Dialect);

    public Metric? Declare(CheckDefinition check, MetricCheckLine ml, out string? error)
    {
        error = null;
        string table = check.Table!;
        string name = ml.Metric;
        var mvc = check.MissingValid;
        // Soda reports an unknown format where a condition uses it: missing_count only reads the missing format.
        var usedFormats = check.MetricExpression is not null || check.MetricQuery is not null || name is "row_count" or "duplicate_count" or "duplicate_percent"
            ? []
            : name is "missing_count" or "missing_percent" ? new[] { ("missing format", mvc.MissingFormat) }
            : name is "invalid_count" or "invalid_percent" or "valid_count" || mvc.Any
                ? new[] { ("missing format", mvc.MissingFormat), ("valid format", mvc.ValidFormat), ("invalid format", mvc.InvalidFormat) }
                : [];
        foreach (var (key, format) in usedFormats)
            if (format is not null && !SodaFormats.All.ContainsKey(format))
            {
                log.Error($"Format {format} is not supported. Known formats: {string.Join(", ", SodaFormats.All.Keys)}.", mvc.FormatLocations.GetValueOrDefault(key) ?? check.Location);
                planner.UnusableConfig = $"its {key} \"{format}\" is not a known format";
            }

        if (check.MetricExpression is not null)
            return planner.GetOrAdd(new AggregateMetric
            {
                Identity = planner.MetricIdentity(table, check.Partition, ml.Args.FirstOrDefault(), name, ml.Args.Count > 0 ? MvcParts(check.Filter, mvc, ml.Args.Skip(1)) : []),
                Name = name,
                Table = table,
                Partition = check.Partition,
                Column = ml.Args.FirstOrDefault(),
                Sql = check.MetricExpression,
            });
        if (check.MetricQuery is not null) return UserDefinedMetricCheckType.Declare(planner, check);

        string? filter = check.Filter;
        string? col = ml.Args.FirstOrDefault();
        switch (name)
        {
            case "row_count":
                if (ml.Args.Count > 0) { error = $"row_count takes no column: write \"row_count\" instead of \"{check.Line}\"."; return null; }
                return RowCount(table, check.Partition, filter);
            case "missing_count" or "invalid_count" or "valid_count" or "missing_percent" or "invalid_percent":
                {
                    if (col is null) { error = $"{name} needs a column, e.g. {name}(email)."; return null; }
                    string countName = name.Replace("_percent", "_count");
                    var count = CountMetric(table, check.Partition, col, countName, mvc, filter, check);
                    if (!name.EndsWith("_percent", StringComparison.Ordinal)) return count;
                    return Derived(name, count, RowCount(table, check.Partition, filter), MvcParts(filter, mvc, []), col);
                }
            case "duplicate_count" or "duplicate_percent":
                {
                    if (col is null) { error = $"{name} needs one or more columns, e.g. {name}(order_id)."; return null; }
                    // Soda names a multi-column duplicate_count metric without a column, but a duplicate_percent (and its count) after the first one.
                    string? column = ml.Args.Count == 1 || name == "duplicate_percent" ? col : null;
                    var dup = planner.GetOrAdd(new DuplicateMetric
                    {
                        Identity = planner.MetricIdentity(table, check.Partition, column, "duplicate_count", MvcParts(filter, mvc, ml.Args.Skip(1))),
                        Name = "duplicate_count",
                        Table = table,
                        Partition = check.Partition,
                        Column = column,
                        Columns = ml.Args,
                        Filter = filter,
                        IsCount = true,
                    });
                    if (name == "duplicate_count") return dup;
                    return Derived(name, dup, RowCount(table, check.Partition, filter), MvcParts(filter, mvc, ml.Args.Skip(1)), column);
                }
            case "min" or "max" or "avg" or "sum" or "min_length" or "max_length" or "avg_length" or "percentile"
                or "stddev" or "stddev_pop" or "stddev_samp" or "variance" or "var_pop" or "var_samp":
                {
                    if (col is null) { error = $"{name} needs a column, e.g. {name}(amount)."; return null; }
                    string x = _sql.ValueExpression(col, mvc, filter);
                    string sql;
                    IEnumerable<string> extra = ml.Args.Skip(1);
                    if (name == "percentile")
                    {
                        double f = 0;
                        bool hasFraction = ml.Args.Count == 2 && double.TryParse(ml.Args[1], NumberStyles.Float, CultureInfo.InvariantCulture, out f);
                        string frac = hasFraction ? PyFloat.Repr(f) : "0.5";
                        // An engine without the aggregate is reported first, whatever the arguments.
                        if (dataSource.Dialect.Percentile(x, frac) is not { } percentile)
                        {
                            error = $"percentile is not available on {dataSource.Dialect.Name}: it has no PERCENTILE_DISC aggregate. Use min/max/avg, or a '{name} query:' user-defined metric.";
                            return null;
                        }
                        if (!hasFraction)
                        {
                            error = $"percentile needs a column and a fraction, e.g. percentile({col}, 0.95).";
                            return null;
                        }
                        extra = [frac];
                        sql = percentile;
                    }
                    else if (name.EndsWith("_length", StringComparison.Ordinal))
                        sql = dataSource.Dialect.AggregateCall(name[..3], dataSource.Dialect.Length(x));
                    else
                        sql = dataSource.Dialect.AggregateCall(name, x);
                    return planner.GetOrAdd(new AggregateMetric
                    {
                        Identity = planner.MetricIdentity(table, check.Partition, col, name, MvcParts(filter, mvc, extra)),
                        Name = name,
                        Table = table,
                        Partition = check.Partition,
                        Column = col,
                        Sql = sql,
                        Filter = filter,
                        Mvc = mvc,
                        IsOrderedSet = name == "percentile",
                    });
                }
            default:
                error = $"Unsupported metric {name} in check \"{check.Line}\". Define it with '{name} expression: <SQL aggregate>' or use a built-in metric.";
                return null;
        }
    }

    private static readonly HashSet<string> Names =
    [
        "row_count", "missing_count", "invalid_count", "valid_count", "missing_percent", "invalid_percent", "duplicate_count", "duplicate_percent",
        "min", "max", "avg", "sum", "min_length", "max_length", "avg_length", "percentile", "stddev", "stddev_pop", "stddev_samp", "variance",
        "var_pop", "var_samp",
    ];

    public static bool IsUnsupportedMetric(string name) => !Names.Contains(name);

    /// <summary>A metric Soda builds for a check and never computes: listed in metrics[] with no value.</summary>
    public void Unresolved(string? table, string? partition, MetricCheckLine ml, CheckDefinition check)
    {
        string? column = MetricSyntax.ColumnOf(ml);
        planner.GetOrAdd(new UnresolvedMetric
        {
            Identity = planner.MetricIdentity(table, partition, column, ml.Metric, MvcParts(check.Filter, check.MissingValid, ml.Args.Skip(1))),
            Name = ml.Metric,
            Table = null,
        });
    }

    /// <summary>
    /// What a scan measured for the whole of <paramref name="table"/>'s rows (its row_count metric with no filter or partition), or
    /// null when no check asked for it or it was not computed.
    /// </summary>
    public static long? MeasuredRowCount(Output.ScanRun run, string table) =>
        run.Metrics.FirstOrDefault(m => m.Name == "row_count" && m.Filter is null && m.Partition is null && m.Table == table) is { } rowCount
            ? run.Measurements[rowCount].Value as long?
            : null;

    /// <summary>The row_count metric of a dataset (with a filter: of its rows that pass it), declared once per scan.</summary>
    public Metric RowCount(string table, string? partition, string? filter) => planner.GetOrAdd(new AggregateMetric
    {
        Identity = planner.MetricIdentity(table, partition, null, "row_count", filter is null ? [] : [filter]),
        Name = "row_count",
        Table = table,
        Partition = partition,
        Sql = filter is null ? "COUNT(*)" : _sql.Count(filter),
        Filter = filter,
        IsCount = true,
    });

    private Metric CountMetric(string table, string? partition, string col, string name, MissingValidConfig mvc, string? filter, CheckDefinition check)
    {
        string cond;
        string? failing = null, passing = null;
        string missing = _sql.Missing(col, mvc);
        switch (name)
        {
            case "missing_count":
                cond = missing;
                failing = $"({missing})";
                passing = $"NOT ({missing})";
                break;
            case "valid_count":
                cond = _sql.ValidCondition(col, mvc);
                break;
            default:
                var inv = _sql.InvalidCondition(col, mvc);
                if (inv is null)
                {
                    log.Warning($"Counting invalid without valid or invalid specification does not make sense. (\"{check.Line}\" @ {check.Location})");
                    cond = dataSource.Dialect.False;
                }
                else
                {
                    cond = inv;
                    var s = _sql.InvalidSampleConditions(col, mvc)!.Value;
                    failing = s.Failing;
                    passing = s.Passing;
                }
                break;
        }
        if (filter is not null)
        {
            if (failing is not null) failing += $" AND ({filter})";
            if (passing is not null) passing += $" AND ({filter})";
        }
        return planner.GetOrAdd(new AggregateMetric
        {
            Identity = planner.MetricIdentity(table, partition, col, name, MvcParts(filter, mvc, [])),
            Name = name,
            Table = table,
            Partition = partition,
            Column = col,
            Sql = _sql.Count(MetricSql.WithFilter(cond, filter)),
            Filter = filter,
            Mvc = mvc,
            IsCount = true,
            FailingWhere = failing,
            PassingWhere = passing,
        });
    }

    private Metric Derived(string name, Metric count, Metric rowCount, IEnumerable<string?> hashParts, string? column) => planner.GetOrAdd(new DerivedMetric
    {
        Identity = planner.MetricIdentity(count.Table, count.Partition, column, name, hashParts),
        Name = name,
        Table = count.Table,
        Partition = count.Partition,
        Column = column,
        CountMetric = count,
        RowCountMetric = rowCount,
    });

    /// <summary>Soda's identity parts for numeric metrics: extra arguments, filter, then the
    /// merged missing/valid configuration (invalid keys are not part of it).</summary>
    private static List<string?> MvcParts(string? filter, MissingValidConfig m, IEnumerable<string> extraArgs)
    {
        var parts = new List<string?>(extraArgs);
        parts.Add(filter);
        void Add(string field, IEnumerable<string>? values)
        {
            if (values is null) return;
            parts.Add(field);
            parts.AddRange(values);
        }
        static string N(double d) => PyFloat.Repr(d);
        Add("missing_values", m.MissingValues?.Select(v => v.IsNumber ? MetricSql.NumberText(v) : v.Text));
        Add("missing_format", m.MissingFormat is null ? null : [m.MissingFormat]);
        Add("missing_regex", m.MissingRegex is null ? null : [m.MissingRegex]);
        Add("valid_values", m.ValidValues?.Select(v => v.IsNumber ? MetricSql.NumberText(v) : v.Text));
        Add("valid_format", m.ValidFormat is null ? null : [m.ValidFormat]);
        Add("valid_regex", m.ValidRegex is null ? null : [m.ValidRegex]);
        Add("valid_length", m.ValidLength is null ? null : [m.ValidLength.Value.ToString(CultureInfo.InvariantCulture)]);
        Add("valid_min_length", m.ValidMinLength is null ? null : [m.ValidMinLength.Value.ToString(CultureInfo.InvariantCulture)]);
        Add("valid_max_length", m.ValidMaxLength is null ? null : [m.ValidMaxLength.Value.ToString(CultureInfo.InvariantCulture)]);
        Add("valid_min", m.ValidMin is null ? null : [N(m.ValidMin.Value)]);
        Add("valid_max", m.ValidMax is null ? null : [N(m.ValidMax.Value)]);
        Add("include_null", m.IncludeNull is null ? null : [m.IncludeNull.Value ? "True" : "False"]);
        return parts;
    }
}
