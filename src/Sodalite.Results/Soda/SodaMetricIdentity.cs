// The one place Sodalite reads anything out of a metric identity's text. A Soda results file states where a metric was
// measured only for the schema metric; QALITA's soda pack (spec/qalita.md §1.8, item 2) therefore takes a metric's
// column out of its identity, and the QALITA artifacts keep that documented behaviour for every results file, ours or Soda's.
using Sodalite.Results.Model;

namespace Sodalite.Results.Soda;

/// <summary>
/// Soda's metric identity <c>metric-[definition-]dataSource-[table-][partition-][column-]metricName[-hash]</c>
/// (spec/sodacl.md §5.2), read the way QALITA's soda pack reads it, relative to one table. The data source is the
/// metric's dataSourceName, else the scan's default data source; an empty definition or data source is left out.
/// </summary>
public static class SodaMetricIdentity
{
    /// <summary>
    /// The text between <c>metric-[definition-]dataSource-{table}-</c> and <c>-{metricName}</c>: the column, with the
    /// partition in front for a partitioned metric (<c>daily-email</c>, or <c>daily</c> alone for a table metric of a
    /// partition). Null when the identity is of another table, ends in a hash (it then does not end with the metric's
    /// name), or has nothing between the two.
    /// </summary>
    public static string? ColumnIn(ScanResult scan, ScanMetric metric, string table)
    {
        string prefix = Prefix(scan, metric, table), identity = metric.Identity, name = metric.MetricName;
        if (!identity.StartsWith(prefix, StringComparison.Ordinal) || !identity.EndsWith("-" + name, StringComparison.Ordinal)) return null;
        int start = prefix.Length, end = identity.Length - name.Length - 1;
        return end > start ? identity[start..end] : null;
    }

    /// <summary>
    /// Whether the identity is exactly <c>metric-[definition-]dataSource-{table}-{metricName}</c>: the metric of the
    /// whole table, with no partition, column, filter or other configuration (no hash).
    /// </summary>
    public static bool IsTableMetric(ScanResult scan, ScanMetric metric, string table, string metricName) =>
        metric.Identity == Prefix(scan, metric, table) + metricName;

    private static string Prefix(ScanResult scan, ScanMetric metric, string table)
    {
        string? dataSource = metric.DataSourceName ?? scan.DefaultDataSource;
        var parts = new List<string> { "metric" };
        if (!string.IsNullOrEmpty(scan.DefinitionName)) parts.Add(scan.DefinitionName);
        if (!string.IsNullOrEmpty(dataSource)) parts.Add(dataSource);
        parts.Add(table);
        return string.Join("-", parts) + "-";
    }
}
