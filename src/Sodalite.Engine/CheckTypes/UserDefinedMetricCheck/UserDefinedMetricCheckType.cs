// User-defined metrics outside a dataset (spec/sodacl.md §2.10): "X query:" (or "X sql_file:") in a 'checks:' section runs its own
// query; the metric is named after the check line. (On a dataset, "X query" and "X expression" metrics are metric checks.)
using Sodalite.Engine.CheckTypes.MetricCheck;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.UserDefinedMetricCheck;

/// <summary>A 'checks:' section's "X query:" metric check, judged like any metric check.</summary>
public sealed class UserDefinedMetricCheckType : MetricCheckType
{
    /// <inheritdoc/>
    public override ICheckSyntax? Syntax => null;

    /// <inheritdoc/>
    public override bool Claims(CheckDefinition check) => check.Syntax is MetricSyntax && check.Table is null && check.MetricQuery is not null;

    /// <inheritdoc/>
    public override void Plan(CheckDefinition check, CheckPlanning planning)
    {
        var metric = Declare(planning.Planner, check);
        RequireThreshold(check, planning);
        planning.AddOrReport(check, metric, null);
    }

    /// <summary>"X query:" (or "X sql_file:"): its own query; the metric is named after the check line (spec/sodacl.md §2.10).</summary>
    public static Metric Declare(Planner planner, CheckDefinition check)
    {
        string sql = check.MetricQuery!.Trim();
        return planner.GetOrAdd(new UserQueryMetric
        {
            // Soda builds this metric without a partition, so its identity has no table or filter part wherever the check is.
            Identity = planner.MetricIdentity(null, null, null, check.Line, [sql]),
            Name = check.Line,
            Table = check.Table,
            Partition = check.Partition,
            Sql = sql,
        });
    }
}
