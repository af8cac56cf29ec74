// The --dry-run listing: every statement a scan can run, under the names the results' queries[] gives them.
using System.Text;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;

namespace Sodalite.Engine.Output;

/// <summary>
/// Writes a plan as SQL text: each statement after a <c>-- NAME</c> comment line (the name the results' <c>queries[]</c> gives it)
/// and <c>--   serves: CHECK</c> lines, each statement ending with ';'. Conditional statements say when they run: the kept
/// duplicate keys' alternative, and the failed-rows samples, which take their number when they run (the listing numbers them as if
/// every sample before them ran; a sample that does not run leaves its number to the next one).
/// </summary>
public static class PlanListing
{
    /// <summary>The listing of <paramref name="plan"/>, after the catalog queries that ran to make it ('for each dataset').</summary>
    public static string Write(ScanPlan plan, IReadOnlyList<QueryLog> catalogQueries)
    {
        var sb = new StringBuilder();
        foreach (var q in catalogQueries)
        {
            sb.Append("-- ").Append(q.Name).Append('\n');
            sb.Append("--   ran to plan the scan (the tables of a 'for each dataset' section)\n");
            sb.Append(q.Sql.Trim('\n')).Append(";\n");
        }
        foreach (var q in plan.Queries)
        {
            if (q.KeepKeys is { } keep)
            {
                // As the run lists them: the statement keeping the duplicated keys, then the count over them under the query's name.
                sb.Append("-- ").Append(q.Name).Append(".keep_keys\n");
                sb.Append(keep.Create).Append(";\n");
            }
            sb.Append("-- ").Append(q.Name).Append('\n');
            foreach (var pc in plan.Checks.Where(pc => pc.Metric is { } m && (q.Metrics.Contains(m)
                         || m is DerivedMetric d && (q.Metrics.Contains(d.CountMetric) || q.Metrics.Contains(d.RowCountMetric))) || pc.OtherMetric is { } o && q.Metrics.Contains(o)))
                sb.Append("--   serves: ").Append(Serves(pc.Definition)).Append('\n');
            if (q.DataSourceName is not null) sb.Append("--   on data source ").Append(q.DataSourceName).Append('\n');
            if (q.Kind == QueryKind.Aggregation && q.Metrics.Count > 1)
                sb.Append("--   if an expression in it fails, it is run again in halves (").Append(q.Name).Append("[retry]) so the other metrics keep their values\n");
            if (q.KeepKeys is { } kept)
            {
                sb.Append(kept.Count).Append(";\n");
                sb.Append("--   when the keys cannot be kept:\n");
            }
            sb.Append(q.Sql.Trim('\n')).Append(";\n");
        }
        int number = plan.PeekQueryNumber();
        foreach (var s in plan.Samples)
        {
            string name = number++ + s.NameAfterNumber;
            sb.Append("-- ").Append(name).Append('\n');
            sb.Append("--   serves: ").Append(s.Serves).Append('\n');
            sb.Append("--   conditional: runs when ").Append(s.Trigger switch
            {
                SampleTrigger.Computed => "its query runs",
                SampleTrigger.AnyValue => "its metric has a value other than 0",
                _ => "rows fail",
            }).Append(", numbered in run order; at most ").Append(s.Limit).Append(" rows\n");
            if (s.KeptKeysSql is { } kept)
            {
                sb.Append(kept.Trim('\n')).Append(";\n");
                sb.Append("--   when the keys were not kept:\n");
            }
            sb.Append(s.Sql.Trim('\n')).Append(";\n");
            if (s.Listed is { } listed)
            {
                string under = s.ListedUnder ?? name;
                sb.Append("-- ").Append(under).Append(".failing_sql\n--   listed, not run\n").Append(listed.Failing.Trim('\n')).Append(";\n");
                sb.Append("-- ").Append(under).Append(".passing_sql\n--   listed, not run\n").Append(listed.Passing.Trim('\n')).Append(";\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>The check line, and the check's name when it has one.</summary>
    private static string Serves(SodaCL.Model.CheckDefinition check) => check.Name is { } name ? $"{check.Line} (\"{name}\")" : check.Line;
}
