// Checks → metrics de-duplicated by identity → queries: one aggregation per dataset+filter
// (at most 50 expressions each), one per duplicate metric (design.md §4).
using System.Globalization;
using Sodalite.Engine.CheckTypes;
using Sodalite.Engine.CheckTypes.MetricCheck;
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

    /// <summary>
    /// Where past metric values come from (<c>--history</c>), or null: history-aware checks then fail to plan as they do in Soda Core
    /// without Soda Cloud.
    /// </summary>
    public string? HistoryLocation { get; init; }

    /// <summary>The other data sources the checks count rows on (checks whose other dataset's filter is declared), each once with the first check naming it, in check order.</summary>
    public static IEnumerable<(string Name, SourceLocation Location)> OtherDataSourceNames(SodaClDocument doc, string own) =>
        OrderChecks(doc).Select(c => c.Parsed is RowCountComparisonLine { OtherDataSource: { } other } rc && other != own && c.Table is not null
                && (rc.OtherPartition is null || doc.Filters.ContainsKey((rc.OtherTable, rc.OtherPartition))) ? (other, c.Location) : default)
            .Where(x => x.other is not null).DistinctBy(x => x.other).Select(x => (x.other!, x.Location));
    private readonly Dictionary<string, Metric> _metrics = [];

    /// <summary>The data source name of this scan, part of every metric identity.</summary>
    internal string DataSourceName => dataSource.Name;

    /// <summary>The scan definition name (-s), part of metric identities; null or empty when none.</summary>
    internal string? ScanDefinition => scanDefinition;

    /// <summary>The metric declared under <paramref name="key"/> (an identity, or an identity Soda shares between two metrics plus a suffix), or <paramref name="m"/> now declared under it.</summary>
    internal Metric GetOrAdd(string key, Metric m) => _metrics.TryGetValue(key, out var known) ? known : _metrics[key] = m;

    /// <summary>Set while planning a check whose configuration turns out unusable (an unknown format it reads).</summary>
    internal string? UnusableConfig { get; set; }

    private BuiltInMetrics? _builtIn;

    /// <summary>The built-in metrics (row_count, missing/invalid/duplicate, aggregates), declared in this planner's catalogue.</summary>
    internal BuiltInMetrics BuiltIn => _builtIn ??= new BuiltInMetrics(this, dataSource, log);

    /// <param name="queriesBefore">Queries already run (catalog lookups), so numbering continues after them.</param>
    public ScanPlan Plan(SodaClDocument doc, int queriesBefore = 0)
    {
        var plan = new ScanPlan(queriesBefore);
        foreach (var check in OrderChecks(doc))
        {
            UnusableConfig = null;
            if (CheckTypeRegistry.For(check) is not { } type)
            {
                log.Error($"Check \"{check.Line}\" ({check.Syntax.Description} check) is not supported yet by this version of Sodalite.", check.Location);
                continue;
            }
            type.Plan(check, new CheckPlanning(this, plan, doc, type, CheckIdentities.For(check, dataSource.Name), log, dataSource));
        }
        plan.Metrics.AddRange(_metrics.Values);
        BuildQueries(plan, doc);
        // Row counts on other data sources run after the scan's own statements, one per table, numbered after them.
        foreach (var m in plan.Metrics.OfType<RemoteRowCountMetric>().GroupBy(m => m.DataSourceName).SelectMany(g => g))
        {
            if (!OtherDataSources.TryGetValue(m.DataSourceName, out var other)) continue;
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
            var trigger = m is FailedRowsQueryMetric ? SampleTrigger.Computed
                : userCheck?.Definition.FailedRowsQuery is not null ? SampleTrigger.AnyValue
                : SampleTrigger.RowsFailed;
            int limit = SamplesLimit(m, plan) ?? defaultLimit;
            string serves = plan.Checks.FirstOrDefault(c => c.Metric == m || (c.Metric as DerivedMetric)?.CountMetric == m)?.Definition.Line ?? m.Name;
            if (userCheck is not null || m.Table is null)
            {
                // Failed rows checks and user-defined failed-rows queries: one bounded query, shown as a plain "Failed Rows" file.
                string? tableLabel = m.Table is null ? null : m.Partition is null ? m.Table : $"{m.Table}[{m.Partition}]";
                string userSql, userName;
                if (m is FailedRowsQueryMetric frm)
                {
                    userSql = Wrap("*", frm.Sql);
                    userName = $".{dataSource.Name}{(tableLabel is null ? "" : "." + tableLabel)}.failed_rows[failed rows]";
                }
                else if (userCheck?.Definition.FailCondition is { } condition && m.Table is not null)
                {
                    string? partitionWhere = m.Partition is null ? null : doc.Filters[(m.Table, m.Partition)];
                    userSql = $"SELECT * \nFROM {dataSource.QualifiedTable(m.Table)} \nWHERE ({condition})" + (partitionWhere is null ? "" : $"\n      AND ({partitionWhere})");
                    userName = $".{dataSource.Name}.{tableLabel}.user_defined_failed_rows_expression_query[failed rows]";
                }
                else if (userCheck?.Definition.FailedRowsQuery is { } frq)
                {
                    userSql = Wrap("*", frq);
                    userName = $".{dataSource.Name}.user_defined_failed_rows_query[{userCheck.Value.Definition.Line}]";
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
                    CountIsTotal = userCheck?.Sampling == FailedRowsSampling.Check,
                });
                continue;
            }
            string qtable = dataSource.QualifiedTable(m.Table);
            string? where = m.Partition is null ? null : doc.Filters[(m.Table, m.Partition)];
            string label = m.Partition is null ? m.Table : $"{m.Table}[{m.Partition}]";
            string name = $".{dataSource.Name}.{label}{(m.Column is null ? "" : "." + m.Column)}.failed_rows[{m.Name}]";
            string failing, passing, sample;
            string? keptKeys = null;
            if (m is ReferenceMetric reference)
            {
                failing = ReferenceSql(dataSource, reference, qtable, where, null, failing: true);
                passing = ReferenceSql(dataSource, reference, qtable, where, null, failing: false);
                sample = failing + $"\nLIMIT {limit}";
            }
            else if (m is DuplicateMetric dup)
            {
                string filter = DuplicateFilter(dup, where);
                failing = dataSource.Dialect.DuplicateSql(dup.Columns, qtable, filter, DuplicateRows.Duplicated);
                passing = dataSource.Dialect.DuplicateSql(dup.Columns, qtable, filter, DuplicateRows.Unique);
                sample = failing + $"\nLIMIT {limit}";
                if (plan.Queries.FirstOrDefault(q => q.Kind == QueryKind.Duplicate && q.Metrics[0] == m)?.KeepKeys is { } keep)
                    keptKeys = dataSource.Dialect.KeptKeysRowsSql(dup.Columns, qtable, keep.Table, limit);
            }
            else if (m is AggregateMetric { FailingWhere: { } failingWhere, PassingWhere: { } passingWhere })
            {
                string w = (where is null ? "" : where + " AND ") + failingWhere;
                string p = (where is null ? "" : where + " AND ") + passingWhere;
                // 'samples columns' projects the sample; Soda's default is every column.
                var columns = plan.Checks.Where(c => c.Metric == m || (c.Metric as DerivedMetric)?.CountMetric == m).Select(c => c.Definition.SamplesColumns).FirstOrDefault(x => x is not null);
                string select = columns is null ? "*" : string.Join(", ", columns);
                failing = $"SELECT {select} FROM {qtable} \n WHERE {w}";
                passing = $"SELECT {select} FROM {qtable} \n WHERE {p}";
                sample = failing + $" \n LIMIT {limit}";
            }
            else continue;
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
                ListedUnder = m is ReferenceMetric ? referenceQueries.GetValueOrDefault(m) : null,
            });
        }
    }

    private static int? SamplesLimit(Metric m, ScanPlan plan) =>
        plan.Checks.Where(c => c.Metric == m || (c.Metric as DerivedMetric)?.CountMetric == m).Select(c => c.Definition.SamplesLimit).FirstOrDefault(x => x is not null);

    /// <summary>
    /// Whether failed rows of this metric are sampled when its count is above zero. A failed rows check ('fail query' or 'fail
    /// condition') is sampled whatever its samples limit: Soda's sampler shows its rows even with 'samples limit: 0'; the other
    /// metrics only with a limit above zero. Nothing is sampled when the data source's samples are disabled.
    /// </summary>
    private bool IsSampled(Metric m, ScanPlan plan) =>
        defaultSamplesLimit is int defaultLimit
        && (UserFailedRowsCheck(m, plan) is { Sampling: FailedRowsSampling.Check }
            || (m is DuplicateMetric or ReferenceMetric or FailedRowsQueryMetric or AggregateMetric { FailingWhere: not null }
                || UserFailedRowsCheck(m, plan) is not null) && (SamplesLimit(m, plan) ?? defaultLimit) > 0);

    /// <summary>The failed rows check (fail condition / fail query) or user-defined metric with a 'failed rows query' this metric serves, and how it samples.</summary>
    private static (CheckDefinition Definition, FailedRowsSampling Sampling)? UserFailedRowsCheck(Metric m, ScanPlan plan) =>
        plan.Checks.Where(c => c.Metric == m).Select(c => (c.Definition, Sampling: c.Type.Sampling(c.Definition)))
            .FirstOrDefault(c => c.Sampling != FailedRowsSampling.Metric) is { Definition: not null } found ? found : null;

    /// <summary>Soda's check order: per (table, partition) in first-mention order, non-column checks,
    /// then column checks grouped by column in first-mention order.</summary>
    internal static IEnumerable<CheckDefinition> OrderChecks(SodaClDocument doc)
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

    /// <summary>Runs a user's SELECT as a subquery, so the database counts or limits its rows.</summary>
    public static string Wrap(string select, string sql) => $"SELECT {select} FROM (\n{sql.TrimEnd().TrimEnd(';')}\n) failed_rows";

    /// <summary>The metric of this identity already declared in the scan, or <paramref name="m"/> now declared.</summary>
    internal Metric GetOrAdd(Metric m) => _metrics.TryGetValue(m.Identity, out var existing) ? existing : _metrics[m.Identity] = m;

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
        var datasets = doc.Mentions.Concat(plan.Metrics.Where(m => m is AggregateMetric && m.Table is not null).Select(m => (m.Table!, m.Partition)))
            .Distinct().ToList();
        foreach (var m in plan.Metrics.Where(m => m is UserQueryMetric or FailedRowsQueryMetric))
        {
            string label = m.Table is null ? "" : "." + (m.Partition is null ? m.Table : $"{m.Table}[{m.Partition}]");
            plan.Queries.Add(m is UserQueryMetric userQuery
                ? new PlannedQuery
                {
                    Name = $"{plan.NextQueryNumber()}.{dataSource.Name}.user_defined_query[{m.Name}]",
                    Kind = QueryKind.UserQuery,
                    Table = m.Table,
                    Partition = m.Partition,
                    Sql = userQuery.Sql,
                    Metrics = [m],
                }
                : new PlannedQuery
                {
                    // Soda fetches every failing row to count them; the database counts them here.
                    Name = $"{plan.NextQueryNumber()}.{dataSource.Name}{label}.failed_rows[failed rows]",
                    Kind = QueryKind.FailedRowsQuery,
                    Table = m.Table,
                    Partition = m.Partition,
                    Sql = Wrap("COUNT(*)", ((FailedRowsQueryMetric)m).Sql),
                    Metrics = [m],
                });
        }
        foreach (var g in plan.Metrics.OfType<GroupByMetric>())
            plan.Queries.Add(new PlannedQuery
            {
                Name = $"{plan.NextQueryNumber()}.{dataSource.Name}.{(g.Partition is null ? g.Table : $"{g.Table}[{g.Partition}]")}.group_by[group by]",
                Kind = QueryKind.GroupBy,
                Table = g.Table,
                Partition = g.Partition,
                Sql = g.Sql,
                Metrics = [g],
            });
        foreach (var g in plan.Metrics.OfType<GroupEvolutionMetric>())
            plan.Queries.Add(new PlannedQuery
            {
                Name = $"{plan.NextQueryNumber()}.{dataSource.Name}.{(g.Partition is null ? g.Table : $"{g.Table}[{g.Partition}]")}.group_evolution[{g.Name}]",
                Kind = QueryKind.GroupEvolution,
                Table = g.Table,
                Partition = g.Partition,
                Sql = g.Sql,
                Metrics = [g],
            });
        foreach (var schema in plan.Metrics.OfType<SchemaMetric>())
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
            var aggs = plan.Metrics.OfType<AggregateMetric>().Where(m => m.Table == table && m.Partition == partition).ToList();
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
                    Sql = dataSource.Dialect.AggregationSql(batch.Select(m => m.Sql), qtable, where),
                    Metrics = batch,
                    Source = qtable,
                    Where = where,
                });
            }
            foreach (var reference in plan.Metrics.OfType<ReferenceMetric>().Where(m => m.Table == table && m.Partition == partition))
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
            foreach (var dup in plan.Metrics.OfType<DuplicateMetric>().Where(m => m.Table == table && m.Partition == partition))
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
    public static string ReferenceSql(DataSource dataSource, ReferenceMetric reference, string qtable, string? where, string? select, bool failing) =>
        dataSource.Dialect.ReferenceSql(qtable, dataSource.QualifiedTable(reference.TargetTable), [.. reference.Columns.Zip(reference.TargetColumns)],
            where, select, failing != reference.MustNotExist, failing);

    public static string DuplicateFilter(DuplicateMetric dup, string? where)
    {
        var clauses = dup.Columns.Select(c => $"{c} IS NOT NULL").ToList();
        if (where is not null) clauses.Add(where);
        if (dup.Filter is not null) clauses.Add(dup.Filter);
        return string.Join(" \n  AND ", clauses);
    }
}
