// Checks → metrics de-duplicated by identity → queries: one aggregation per dataset+filter
// (at most 50 expressions each), one per duplicate metric (design.md §4).
using System.Globalization;
using Sodalite.Engine.DataSources;
using Sodalite.Engine.Dialects;
using Sodalite.Engine.Identity;
using Sodalite.Results.Json;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Formats;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Planning;

/// <summary>
/// Makes the complete plan of a scan (<see cref="ScanPlan"/>): every statement it runs and every failed-rows sample it may run.
/// </summary>
/// <param name="dataSource">The connected data source: its name (in identities and query names), dialect and schema.</param>
/// <param name="scanDefinition">The scan definition name (-s), part of metric identities; null or empty when none.</param>
/// <param name="log">Where planning errors go (a check that cannot be planned is reported and left out; the others are planned).</param>
/// <param name="defaultSamplesLimit">The data source's failed-rows samples limit (sampler.samples_limit, default 100); null when its samples are disabled.</param>
public sealed class Planner(DataSource dataSource, string? scanDefinition, ScanLogger log, int? defaultSamplesLimit = null)
{
    private const int MaxExpressionsPerQuery = 50;

    /// <summary>The other data sources connected for row count comparisons, by configured name; a count on one not here is not planned.</summary>
    public IReadOnlyDictionary<string, DataSource> OtherDataSources { get; init; } = new Dictionary<string, DataSource>();

    /// <summary>The other data sources the checks count rows on, each once with the first check naming it, in check order.</summary>
    public static IEnumerable<(string Name, SourceLocation Location)> OtherDataSourceNames(SodaClDocument doc, string own) =>
        OrderChecks(doc).Select(c => (c.Parsed as RowCountComparisonLine)?.OtherDataSource is { } other && other != own && c.Table is not null ? (other, c.Location) : default)
            .Where(x => x.other is not null).DistinctBy(x => x.other).Select(x => (x.other!, x.Location));
    private readonly MetricSql _sql = new(dataSource.Dialect);
    private readonly Dictionary<string, Metric> _metrics = [];

    /// <summary>Set while planning a check whose configuration turns out unusable (an unknown format it reads).</summary>
    private string? UnusableConfig { get; set; }

    private static readonly HashSet<string> CountMetrics = ["row_count", "missing_count", "invalid_count", "valid_count", "duplicate_count"];

    /// <param name="queriesBefore">Queries already run (catalog lookups), so numbering continues after them.</param>
    public ScanPlan Plan(SodaClDocument doc, int queriesBefore = 0)
    {
        var plan = new ScanPlan(queriesBefore);
        foreach (var check in OrderChecks(doc))
        {
            var ids = CheckIdentities.For(check, dataSource.Name);
            UnusableConfig = null;
            Metric? metric = null;
            string? error = null;
            switch (check.Kind)
            {
                case CheckKind.Metric when check.Table is null && check.MetricQuery is not null:
                    metric = UserQuery(check);
                    break;
                case CheckKind.FailedRows:
                    metric = FailedRows(check, out error);
                    break;
                case CheckKind.Metric when check.Table is not null && check.MetricLine is { } ml:
                    metric = PlanMetric(check, ml, out error);
                    break;
                case CheckKind.Freshness when check.Table is not null && Evaluation.Freshness.Column(check) is { } freshCol:
                    if (check.Parsed is FreshnessUsingLine)
                        log.Warning($"Syntax of freshness check has changed and is deprecated. Use freshness(column_name) < 1d instead of \"{check.Line}\".", check.Location);
                    // A shared MAX(column) in the aggregation query; the check compares it with now.
                    metric = PlanMetric(check with { MissingValid = SodaCL.Model.MissingValidConfig.Empty },
                        new MetricCheckLine("max", [freshCol], null, null, false), out error);
                    if (metric is not null && check.MetricLine?.Threshold is null && check.Fail is null && check.Warn is null
                        && check.Parsed is not FreshnessUsingLine { Threshold: not null })
                        log.Error($"No threshold specified for freshness check \"{check.Line}\". Add one, e.g. \"{check.Line} < 1d\".", check.Location);
                    if (metric is not null) plan.Checks.Add(new PlannedCheck { Definition = check, Identities = ids, Metric = metric });
                    else if (error is not null) log.Error(error, check.Location);
                    continue;
                case CheckKind.Schema when check.Table is not null:
                    if (check.SchemaWarn?.ChangeValidations == true || check.SchemaFail?.ChangeValidations == true)
                    {
                        log.Error("Schema checks with 'when schema changes' compare with the previous scan's schema, which needs history. Sodalite runs them once the hub provides it.", check.Location);
                        continue;
                    }
                    if (check.SchemaWarn is null && check.SchemaFail is null)
                    {
                        log.Error("A schema check needs 'warn:' or 'fail:' validations, e.g. 'fail:' with 'when required column missing: [id]'.", check.Location);
                        continue;
                    }
                    // The schema is the table's (no filter applies), but Soda names the metric after the check's section.
                    metric = GetOrAdd(new Metric
                    {
                        Identity = MetricIdentity(check.Table, check.Partition, null, "schema", []),
                        Name = "schema",
                        Kind = MetricKind.Schema,
                        Table = check.Table,
                        Partition = check.Partition,
                    });
                    break;
                case CheckKind.Reference when check.Table is not null && check.Parsed is ReferenceCheckLine r:
                    // Soda's identity does not tell "must exist" from "must not exist"; the plan keeps them apart.
                    var reference = new Metric
                    {
                        Identity = MetricIdentity(check.Table, check.Partition, r.SourceColumns.Count == 1 ? r.SourceColumns[0] : null, "reference",
                            [.. r.SourceColumns, r.TargetTable, .. r.TargetColumns]),
                        Name = "reference",
                        Kind = MetricKind.Reference,
                        Table = check.Table,
                        Partition = check.Partition,
                        Column = r.SourceColumns.Count == 1 ? r.SourceColumns[0] : null,
                        Columns = r.SourceColumns,
                        TargetTable = r.TargetTable,
                        TargetColumns = r.TargetColumns,
                        MustNotExist = r.MustNotExist,
                        IsCount = true,
                    };
                    metric = _metrics.TryGetValue(reference.Identity + (r.MustNotExist ? "#not" : ""), out var known) ? known
                        : _metrics[reference.Identity + (r.MustNotExist ? "#not" : "")] = reference;
                    break;
                case CheckKind.RowCountComparison when check.Table is not null && check.Parsed is RowCountComparisonLine rc:
                    {
                        string? otherWhere = null;
                        if (rc.OtherPartition is not null && !doc.Filters.TryGetValue((rc.OtherTable, rc.OtherPartition), out otherWhere))
                        {
                            log.Error($"Filter not declared: {rc.OtherTable} [{rc.OtherPartition}]. Declare it with 'filter {rc.OtherTable} [{rc.OtherPartition}]:' and a 'where:' condition.", check.Location);
                            continue;
                        }
                        var own = RowCount(check.Table, check.Partition, null);
                        Metric other;
                        if (rc.OtherDataSource is null || rc.OtherDataSource == dataSource.Name)
                            other = RowCount(rc.OtherTable, rc.OtherPartition, null);
                        else
                        {
                            // Counted on the other data source by the scanner; its identity names that data source.
                            var parts = new List<string> { "metric" };
                            if (!string.IsNullOrEmpty(scanDefinition)) parts.Add(scanDefinition);
                            parts.AddRange([rc.OtherDataSource, rc.OtherTable]);
                            if (rc.OtherPartition is not null) parts.Add(rc.OtherPartition);
                            parts.Add("row_count");
                            other = GetOrAdd(new Metric
                            {
                                Identity = string.Join("-", parts),
                                Name = "row_count",
                                Kind = MetricKind.RemoteRowCount,
                                Table = rc.OtherTable,
                                Partition = rc.OtherPartition,
                                DataSourceName = rc.OtherDataSource,
                                Filter = otherWhere,
                                IsCount = true,
                            });
                        }
                        plan.Checks.Add(new PlannedCheck { Definition = check, Identities = ids, Metric = own, OtherMetric = other });
                        continue;
                    }
                case CheckKind.GroupBy when check.Table is not null:
                    if (check.GroupBy is not { } spec) continue; // the parser reported what is missing
                    string groupSql = spec.Query.Trim();
                    metric = GetOrAdd(new Metric
                    {
                        Identity = MetricIdentity(check.Table, check.Partition, null, "group by", [groupSql]),
                        Name = "group by",
                        Kind = MetricKind.GroupBy,
                        Table = check.Table,
                        Partition = check.Partition,
                        Sql = groupSql,
                    });
                    break;
                case CheckKind.ChangeOverTime:
                    // The metric is still computed (it is history for the next scan); the check needs that history.
                    if (check.Table is not null && check.MetricLine is { } cml) PlanMetric(check, cml with { HistoryPrefix = null }, out _);
                    log.Error("Soda Core must be configured to connect to Soda Cloud to use change-over-time checks. Sodalite computes them once the hub provides history.", check.Location);
                    continue;
                case CheckKind.Anomaly:
                    log.Error($"Anomaly checks need metric history (\"{check.Line}\"); Sodalite runs them once the hub provides it.", check.Location);
                    continue;
                case CheckKind.GroupEvolution:
                    log.Error($"Group evolution checks compare the groups with the previous scan's (\"{check.Line}\"), which needs history; Sodalite runs them once the hub provides it.", check.Location);
                    continue;
                case CheckKind.Distribution:
                    log.Error($"Distribution checks (\"{check.Line}\") need a distribution reference object made by Soda's scientific package; Sodalite does not run them.", check.Location);
                    continue;
                case CheckKind.Metric when check.Table is null && check.MetricLine is { } tableless:
                    // Soda builds the metric (listed with no value) and then stops the whole scan; here only this check is lost.
                    Unresolved(null, null, tableless, check);
                    log.Error($"Check \"{check.Line}\" needs a table: only '{tableless.Metric} query:' metrics and 'failed rows' checks go in a 'checks:' section; put it under 'checks for TABLE:'.", check.Location);
                    continue;
                default:
                    log.Error($"Check \"{check.Line}\" ({check.Kind}) is not supported yet by this version of Sodalite.", check.Location);
                    continue;
            }
            if (metric is null)
            {
                if (error is not null) log.Error(error, check.Location);
                if (error is not null && check.Kind == CheckKind.Metric && check.Table is not null && check.MetricLine is { } unknown && IsUnsupportedMetric(unknown.Metric))
                {
                    // Soda lists the metric it could not compute (no value) and says so for the check.
                    Unresolved(check.Table, check.Partition, unknown, check);
                    log.Error($"Metrics '{unknown.Metric}' were not computed for check '{check.Line}'", check.Location);
                }
                continue;
            }
            if (check.Kind == CheckKind.Metric && check.MetricLine?.Threshold is null && check.Warn is null && check.Fail is null)
                log.Error($"No threshold specified for check \"{check.Line}\". Add one to the line (\"{check.Line} > 0\") or a 'fail: when ...' configuration.", check.Location);
            var definition = UnusableConfig is { } unusable && check.ConfigError is null ? check with { ConfigError = unusable } : check;
            plan.Checks.Add(new PlannedCheck { Definition = definition, Identities = ids, Metric = metric });
        }
        plan.Metrics.AddRange(_metrics.Values);
        BuildQueries(plan, doc);
        // Row counts on other data sources run after the scan's own statements, one per table, numbered after them.
        foreach (var m in plan.Metrics.Where(m => m.Kind == MetricKind.RemoteRowCount).GroupBy(m => m.DataSourceName).SelectMany(g => g))
        {
            if (!OtherDataSources.TryGetValue(m.DataSourceName!, out var other)) continue;
            string label = m.Partition is null ? m.Table! : $"{m.Table}[{m.Partition}]";
            string qtable = other.QualifiedTable(m.Table!);
            plan.Queries.Add(new PlannedQuery
            {
                Name = $"{plan.NextQueryNumber()}.{m.DataSourceName}.{label}.aggregation[0]",
                Kind = QueryKind.Aggregation,
                Table = m.Table,
                Partition = m.Partition,
                Metrics = [m],
                Sql = other.Dialect.AggregationSql(["COUNT(*)"], qtable, m.Filter),
                Source = qtable,
                Where = m.Filter,
                DataSourceName = m.DataSourceName,
            });
        }
        PlanSamples(plan, doc);
        return plan;
    }

    /// <summary>The failed-rows sample of each sampled metric, run when its metric finds failing rows (Soda's DefaultSampler).</summary>
    private void PlanSamples(ScanPlan plan, SodaClDocument doc)
    {
        if (defaultSamplesLimit is not int defaultLimit) return;
        var referenceQueries = plan.Queries.Where(q => q.Kind == QueryKind.Reference).ToDictionary(q => q.Metrics[0], q => q.Name);
        foreach (var m in plan.Metrics)
        {
            if (!IsSampled(m, plan)) continue;
            var userCheck = UserFailedRowsCheck(m, plan);
            var trigger = m.Kind == MetricKind.FailedRowsQuery ? SampleTrigger.Computed
                : userCheck?.FailedRowsQuery is not null ? SampleTrigger.AnyValue
                : SampleTrigger.RowsFailed;
            int limit = SamplesLimit(m, plan) ?? defaultLimit;
            string serves = plan.Checks.FirstOrDefault(c => c.Metric == m || c.Metric?.CountMetric == m)?.Definition.Line ?? m.Name;
            if (userCheck is not null || m.Table is null)
            {
                // Failed rows checks and user-defined failed-rows queries: one bounded query, shown as a plain "Failed Rows" file.
                string? tableLabel = m.Table is null ? null : m.Partition is null ? m.Table : $"{m.Table}[{m.Partition}]";
                string userSql, userName;
                if (m.Kind == MetricKind.FailedRowsQuery)
                {
                    userSql = Wrap("*", m.Sql!);
                    userName = $".{dataSource.Name}{(tableLabel is null ? "" : "." + tableLabel)}.failed_rows[failed rows]";
                }
                else if (userCheck?.FailCondition is { } condition && m.Table is not null)
                {
                    string? partitionWhere = m.Partition is null ? null : doc.Filters[(m.Table, m.Partition)];
                    userSql = $"SELECT * \nFROM {dataSource.QualifiedTable(m.Table)} \nWHERE ({condition})" + (partitionWhere is null ? "" : $"\n      AND ({partitionWhere})");
                    userName = $".{dataSource.Name}.{tableLabel}.user_defined_failed_rows_expression_query[failed rows]";
                }
                else if (userCheck?.FailedRowsQuery is { } frq)
                {
                    userSql = Wrap("*", frq);
                    userName = $".{dataSource.Name}.user_defined_failed_rows_query[{userCheck.Line}]";
                }
                else continue;
                plan.Samples.Add(new PlannedSample
                {
                    Metric = m,
                    Serves = serves,
                    NameAfterNumber = userName,
                    Sql = userSql + $"\nLIMIT {Math.Max(limit, 0)}",
                    Limit = limit,
                    Trigger = trigger,
                    // A failed rows check's count is the number of rows its sample query returns: Soda's sample total.
                    CountIsTotal = userCheck?.Kind == CheckKind.FailedRows,
                });
                continue;
            }
            string qtable = dataSource.QualifiedTable(m.Table);
            string? where = m.Partition is null ? null : doc.Filters[(m.Table, m.Partition)];
            string label = m.Partition is null ? m.Table : $"{m.Table}[{m.Partition}]";
            string name = $".{dataSource.Name}.{label}{(m.Column is null ? "" : "." + m.Column)}.failed_rows[{m.Name}]";
            string failing, passing, sample;
            string? keptKeys = null;
            if (m.Kind == MetricKind.Reference)
            {
                failing = ReferenceSql(dataSource, m, qtable, where, null, failing: true);
                passing = ReferenceSql(dataSource, m, qtable, where, null, failing: false);
                sample = failing + $"\nLIMIT {limit}";
            }
            else if (m.Kind == MetricKind.Duplicate)
            {
                string filter = DuplicateFilter(m, where);
                failing = dataSource.Dialect.DuplicateSql(m.Columns, qtable, filter, DuplicateRows.Duplicated);
                passing = dataSource.Dialect.DuplicateSql(m.Columns, qtable, filter, DuplicateRows.Unique);
                sample = failing + $"\nLIMIT {limit}";
                if (plan.Queries.FirstOrDefault(q => q.Kind == QueryKind.Duplicate && q.Metrics[0] == m)?.KeepKeys is { } keep)
                    keptKeys = dataSource.Dialect.KeptKeysRowsSql(m.Columns, qtable, keep.Table, limit);
            }
            else
            {
                string w = (where is null ? "" : where + " AND ") + m.FailingWhere;
                string p = (where is null ? "" : where + " AND ") + m.PassingWhere;
                // 'samples columns' projects the sample; Soda's default is every column.
                var columns = plan.Checks.Where(c => c.Metric == m || c.Metric?.CountMetric == m).Select(c => c.Definition.SamplesColumns).FirstOrDefault(x => x is not null);
                string select = columns is null ? "*" : string.Join(", ", columns);
                failing = $"SELECT {select} FROM {qtable} \n WHERE {w}";
                passing = $"SELECT {select} FROM {qtable} \n WHERE {p}";
                sample = failing + $" \n LIMIT {limit}";
            }
            plan.Samples.Add(new PlannedSample
            {
                Metric = m,
                Serves = serves,
                NameAfterNumber = name,
                Sql = sample,
                KeptKeysSql = keptKeys,
                Limit = limit,
                Trigger = trigger,
                Listed = (failing, passing),
                // Soda names a reference check's failing/passing queries after its count query; the others after the sample query.
                ListedUnder = m.Kind == MetricKind.Reference ? referenceQueries.GetValueOrDefault(m) : null,
            });
        }
    }

    private static int? SamplesLimit(Metric m, ScanPlan plan) =>
        plan.Checks.Where(c => c.Metric == m || c.Metric?.CountMetric == m).Select(c => c.Definition.SamplesLimit).FirstOrDefault(x => x is not null);

    /// <summary>
    /// Whether failed rows of this metric are sampled when its count is above zero. A failed rows check ('fail query' or 'fail
    /// condition') is sampled whatever its samples limit: Soda's sampler shows its rows even with 'samples limit: 0'; the other
    /// metrics only with a limit above zero. Nothing is sampled when the data source's samples are disabled.
    /// </summary>
    private bool IsSampled(Metric m, ScanPlan plan) =>
        defaultSamplesLimit is int defaultLimit
        && (UserFailedRowsCheck(m, plan) is { Kind: CheckKind.FailedRows }
            || (m.Kind is MetricKind.Duplicate or MetricKind.Reference or MetricKind.FailedRowsQuery || m.FailingWhere is not null
                || UserFailedRowsCheck(m, plan) is not null) && (SamplesLimit(m, plan) ?? defaultLimit) > 0);

    /// <summary>The failed rows check (fail condition / fail query) or user-defined metric with a 'failed rows query' this metric serves.</summary>
    private static CheckDefinition? UserFailedRowsCheck(Metric m, ScanPlan plan) =>
        plan.Checks.Where(c => c.Metric == m).Select(c => c.Definition)
            .FirstOrDefault(d => d.Kind == CheckKind.FailedRows || d.FailedRowsQuery is not null);

    /// <summary>Soda's check order: per (table, partition) in first-mention order, non-column checks,
    /// then column checks grouped by column in first-mention order.</summary>
    private static IEnumerable<CheckDefinition> OrderChecks(SodaClDocument doc)
    {
        foreach (var c in doc.Checks.Where(c => c.Table is null)) yield return c;
        foreach (var (table, partition) in doc.Mentions)
        {
            var mine = doc.Checks.Where(c => c.Table == table && c.Partition == partition).ToList();
            foreach (var c in mine.Where(c => c.Column is null)) yield return c;
            foreach (var col in mine.Where(c => c.Column is not null).Select(c => c.Column).Distinct())
                foreach (var c in mine.Where(c => c.Column == col)) yield return c;
        }
    }

    private Metric? PlanMetric(CheckDefinition check, MetricCheckLine ml, out string? error)
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
                UnusableConfig = $"its {key} \"{format}\" is not a known format";
            }

        if (check.MetricExpression is not null)
            return GetOrAdd(new Metric
            {
                Identity = MetricIdentity(table, check.Partition, ml.Args.FirstOrDefault(), name, ml.Args.Count > 0 ? MvcParts(check.Filter, mvc, ml.Args.Skip(1)) : []),
                Name = name,
                Kind = MetricKind.Aggregate,
                Table = table,
                Partition = check.Partition,
                Column = ml.Args.FirstOrDefault(),
                Sql = check.MetricExpression,
            });
        if (check.MetricQuery is not null) return UserQuery(check);

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
                    var dup = GetOrAdd(new Metric
                    {
                        Identity = MetricIdentity(table, check.Partition, column, "duplicate_count", MvcParts(filter, mvc, ml.Args.Skip(1))),
                        Name = "duplicate_count",
                        Kind = MetricKind.Duplicate,
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
                        if (dataSource.Dialect.Percentile(x, "0.5") is null)
                        {
                            error = $"percentile is not available on {dataSource.Dialect.Name}: it has no PERCENTILE_DISC aggregate. Use min/max/avg, or a '{name} query:' user-defined metric.";
                            return null;
                        }
                        if (ml.Args.Count != 2 || !double.TryParse(ml.Args[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double f))
                        {
                            error = $"percentile needs a column and a fraction, e.g. percentile({col}, 0.95).";
                            return null;
                        }
                        string frac = PyFloat.Repr(f);
                        extra = [frac];
                        sql = dataSource.Dialect.Percentile(x, frac)!;
                    }
                    else if (name.EndsWith("_length", StringComparison.Ordinal))
                        sql = dataSource.Dialect.AggregateCall(name[..3], dataSource.Dialect.Length(x));
                    else
                        sql = dataSource.Dialect.AggregateCall(name, x);
                    return GetOrAdd(new Metric
                    {
                        Identity = MetricIdentity(table, check.Partition, col, name, MvcParts(filter, mvc, extra)),
                        Name = name,
                        Kind = MetricKind.Aggregate,
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

    private static readonly HashSet<string> BuiltInMetrics =
    [
        "row_count", "missing_count", "invalid_count", "valid_count", "missing_percent", "invalid_percent", "duplicate_count", "duplicate_percent",
        "min", "max", "avg", "sum", "min_length", "max_length", "avg_length", "percentile", "stddev", "stddev_pop", "stddev_samp", "variance",
        "var_pop", "var_samp",
    ];

    private static bool IsUnsupportedMetric(string name) => !BuiltInMetrics.Contains(name);

    /// <summary>A metric Soda builds for a check and never computes: listed in metrics[] with no value.</summary>
    private void Unresolved(string? table, string? partition, MetricCheckLine ml, CheckDefinition check)
    {
        string? column = ml.Args.Count > 0 && !(ml.Metric == "duplicate_count" && ml.Args.Count > 1) ? ml.Args[0] : null;
        GetOrAdd(new Metric
        {
            Identity = MetricIdentity(table, partition, column, ml.Metric, MvcParts(check.Filter, check.MissingValid, ml.Args.Skip(1))),
            Name = ml.Metric,
            Kind = MetricKind.Unresolved,
            Table = null,
        });
    }

    /// <summary>"X query:" (or "X sql_file:"): its own query; the metric is named after the check line (spec/sodacl.md §2.10).</summary>
    private Metric UserQuery(CheckDefinition check)
    {
        string sql = check.MetricQuery!.Trim();
        return GetOrAdd(new Metric
        {
            // Soda builds this metric without a partition, so its identity has no table or filter part wherever the check is.
            Identity = MetricIdentity(null, null, null, check.Line, [sql]),
            Name = check.Line,
            Kind = MetricKind.UserQuery,
            Table = check.Table,
            Partition = check.Partition,
            Sql = sql,
        });
    }

    /// <summary>Failed rows checks (spec/sodacl.md §2.11): a condition counted in the aggregation query, or a query whose rows fail.</summary>
    private Metric? FailedRows(CheckDefinition check, out string? error)
    {
        error = null;
        if (check.FailCondition is { } condition)
        {
            if (check.Table is null)
            {
                error = $"'fail condition' needs a table: put \"{check.Line}\" under 'checks for TABLE:', or use 'fail query:'.";
                return null;
            }
            return RowCount(check.Table, check.Partition, condition);
        }
        if (check.FailQuery is { } query)
        {
            string sql = query.Trim();
            return GetOrAdd(new Metric
            {
                Identity = MetricIdentity(check.Table, check.Partition, null, "failed rows", [sql]),
                Name = "failed rows",
                Kind = MetricKind.FailedRowsQuery,
                Table = check.Table,
                Partition = check.Partition,
                Sql = sql,
                IsCount = true,
            });
        }
        error = $"Failed rows check \"{check.Line}\" needs 'fail condition: <SQL condition>' or 'fail query: <SQL returning the failing rows>'.";
        return null;
    }

    /// <summary>Runs a user's SELECT as a subquery, so the database counts or limits its rows.</summary>
    public static string Wrap(string select, string sql) => $"SELECT {select} FROM (\n{sql.TrimEnd().TrimEnd(';')}\n) failed_rows";

    private Metric RowCount(string table, string? partition, string? filter) => GetOrAdd(new Metric
    {
        Identity = MetricIdentity(table, partition, null, "row_count", filter is null ? [] : [filter]),
        Name = "row_count",
        Kind = MetricKind.Aggregate,
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
        return GetOrAdd(new Metric
        {
            Identity = MetricIdentity(table, partition, col, name, MvcParts(filter, mvc, [])),
            Name = name,
            Kind = MetricKind.Aggregate,
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

    private Metric Derived(string name, Metric count, Metric rowCount, IEnumerable<string?> hashParts, string? column) => GetOrAdd(new Metric
    {
        Identity = MetricIdentity(count.Table, count.Partition, column, name, hashParts),
        Name = name,
        Kind = MetricKind.Derived,
        Table = count.Table,
        Partition = count.Partition,
        Column = column,
        CountMetric = count,
        RowCountMetric = rowCount,
    });

    private Metric GetOrAdd(Metric m) => _metrics.TryGetValue(m.Identity, out var existing) ? existing : _metrics[m.Identity] = m;

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

    public string MetricIdentity(string? table, string? partition, string? column, string name, IEnumerable<string?> hashParts)
    {
        var parts = new List<string> { "metric" };
        if (!string.IsNullOrEmpty(scanDefinition)) parts.Add(scanDefinition);
        parts.Add(dataSource.Name);
        if (table is not null) parts.Add(table);
        if (partition is not null) parts.Add(partition);
        if (column is not null) parts.Add(column);
        parts.Add(name);
        if (Blake2.Hash(hashParts) is { } h) parts.Add(h);
        return string.Join("-", parts);
    }

    private void BuildQueries(ScanPlan plan, SodaClDocument doc)
    {
        // Tables read only as the other side of a row count comparison get their query after those with checks.
        var datasets = doc.Mentions.Concat(plan.Metrics.Where(m => m.Kind == MetricKind.Aggregate && m.Table is not null).Select(m => (m.Table!, m.Partition)))
            .Distinct().ToList();
        foreach (var m in plan.Metrics.Where(m => m.Kind is MetricKind.UserQuery or MetricKind.FailedRowsQuery))
        {
            string label = m.Table is null ? "" : "." + (m.Partition is null ? m.Table : $"{m.Table}[{m.Partition}]");
            plan.Queries.Add(m.Kind == MetricKind.UserQuery
                ? new PlannedQuery
                {
                    Name = $"{plan.NextQueryNumber()}.{dataSource.Name}.user_defined_query[{m.Name}]",
                    Kind = QueryKind.UserQuery,
                    Table = m.Table,
                    Partition = m.Partition,
                    Sql = m.Sql!,
                    Metrics = [m],
                }
                : new PlannedQuery
                {
                    // Soda fetches every failing row to count them; the database counts them here.
                    Name = $"{plan.NextQueryNumber()}.{dataSource.Name}{label}.failed_rows[failed rows]",
                    Kind = QueryKind.FailedRowsQuery,
                    Table = m.Table,
                    Partition = m.Partition,
                    Sql = Wrap("COUNT(*)", m.Sql!),
                    Metrics = [m],
                });
        }
        foreach (var g in plan.Metrics.Where(m => m.Kind == MetricKind.GroupBy))
            plan.Queries.Add(new PlannedQuery
            {
                Name = $"{plan.NextQueryNumber()}.{dataSource.Name}.{(g.Partition is null ? g.Table : $"{g.Table}[{g.Partition}]")}.group_by[group by]",
                Kind = QueryKind.GroupBy,
                Table = g.Table,
                Partition = g.Partition,
                Sql = g.Sql!,
                Metrics = [g],
            });
        foreach (var schema in plan.Metrics.Where(m => m.Kind == MetricKind.Schema))
            plan.Queries.Add(new PlannedQuery
            {
                Name = $"{plan.NextQueryNumber()}.{dataSource.Name}.{schema.Table}{(schema.Partition is null ? "" : $"[{schema.Partition}]")}.schema[{schema.Table}]",
                Kind = QueryKind.Schema,
                Table = schema.Table,
                Partition = schema.Partition,
                Sql = dataSource.Dialect.SchemaSql(schema.Table!, dataSource.Schema),
                Metrics = [schema],
            });
        foreach (var (table, partition) in datasets)
        {
            string qtable = dataSource.QualifiedTable(table);
            string? where = partition is null ? null : doc.Filters[(table, partition)];
            var aggs = plan.Metrics.Where(m => m.Kind == MetricKind.Aggregate && m.Table == table && m.Partition == partition).ToList();
            string label = partition is null ? table : $"{table}[{partition}]";
            int n = 0;
            foreach (var batch in dataSource.Dialect.BatchAggregates(aggs, m => m.IsOrderedSet, MaxExpressionsPerQuery).Where(b => b.Count > 0))
            {
                plan.Queries.Add(new PlannedQuery
                {
                    Name = $"{plan.NextQueryNumber()}.{dataSource.Name}.{label}.aggregation[{n++}]",
                    Kind = QueryKind.Aggregation,
                    Table = table,
                    Partition = partition,
                    Sql = dataSource.Dialect.AggregationSql(batch.Select(m => m.Sql!), qtable, where),
                    Metrics = batch,
                    Source = qtable,
                    Where = where,
                });
            }
            foreach (var reference in plan.Metrics.Where(m => m.Kind == MetricKind.Reference && m.Table == table && m.Partition == partition))
            {
                plan.Queries.Add(new PlannedQuery
                {
                    Name = $"{plan.NextQueryNumber()}.{dataSource.Name}.{label}.reference[{string.Join(",", reference.Columns)}]",
                    Kind = QueryKind.Reference,
                    Table = table,
                    Partition = partition,
                    Sql = ReferenceSql(dataSource, reference, qtable, where, "COUNT(*)", failing: true),
                    Metrics = [reference],
                });
            }
            foreach (var dup in plan.Metrics.Where(m => m.Kind == MetricKind.Duplicate && m.Table == table && m.Partition == partition))
            {
                int number = plan.NextQueryNumber();
                string keysTable = $"sodalite_duplicate_keys_{number}";
                (string, string, string)? keep = null;
                if (IsSampled(dup, plan))
                {
                    var (create, count) = dataSource.Dialect.KeepDuplicateKeysSql(dup.Columns, qtable, DuplicateFilter(dup, where), keysTable);
                    keep = (create, count, keysTable);
                }
                plan.Queries.Add(new PlannedQuery
                {
                    Name = $"{number}.{dataSource.Name}.{label}{(dup.Column is null ? "" : "." + dup.Column)}.duplicate_count",
                    Kind = QueryKind.Duplicate,
                    Table = table,
                    Partition = partition,
                    Sql = dataSource.Dialect.DuplicateSql(dup.Columns, qtable, DuplicateFilter(dup, where), DuplicateRows.None),
                    Metrics = [dup],
                    KeepKeys = keep,
                });
            }
        }
    }

    /// <summary>Soda's reference query (spec/sodacl.md §2.8): source rows joined to the target; failing rows have no match (or, for
    /// "must not exist", a match). <paramref name="select"/> null selects the source rows.</summary>
    public static string ReferenceSql(DataSource dataSource, Metric reference, string qtable, string? where, string? select, bool failing) =>
        dataSource.Dialect.ReferenceSql(qtable, dataSource.QualifiedTable(reference.TargetTable!), [.. reference.Columns.Zip(reference.TargetColumns)],
            where, select, failing != reference.MustNotExist, failing);

    public static string DuplicateFilter(Metric dup, string? where)
    {
        var clauses = dup.Columns.Select(c => $"{c} IS NOT NULL").ToList();
        if (where is not null) clauses.Add(where);
        if (dup.Filter is not null) clauses.Add(dup.Filter);
        return string.Join(" \n  AND ", clauses);
    }
}
