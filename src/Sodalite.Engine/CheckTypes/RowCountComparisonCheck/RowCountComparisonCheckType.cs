// Row count comparisons (spec/sodacl.md §2.9): "row_count same as T [partition] [in OTHER_DATA_SOURCE]".
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.RowCountComparisonCheck;

/// <summary>Row count comparisons: pass only when both datasets have exactly as many rows; the value is the difference.</summary>
public sealed class RowCountComparisonCheckType : ICheckType
{
    /// <inheritdoc/>
    public ICheckSyntax? Syntax { get; } = new RowCountComparisonSyntax();

    /// <inheritdoc/>
    public bool Claims(CheckDefinition check) => check.Syntax is RowCountComparisonSyntax && check.Table is not null && check.Parsed is RowCountComparisonLine;

    /// <inheritdoc/>
    public void Plan(CheckDefinition check, CheckPlanning planning)
    {
        var rc = (RowCountComparisonLine)check.Parsed!;
        string? otherWhere = null;
        if (rc.OtherPartition is not null && !planning.Document.Filters.TryGetValue((rc.OtherTable, rc.OtherPartition), out otherWhere))
        {
            planning.Log.Error($"Filter not declared: {rc.OtherTable} [{rc.OtherPartition}]. Declare it with 'filter {rc.OtherTable} [{rc.OtherPartition}]:' and a 'where:' condition.", check.Location);
            return;
        }
        var own = planning.Planner.BuiltIn.RowCount(check.Table!, check.Partition, null);
        Metric other;
        if (rc.OtherDataSource is null || rc.OtherDataSource == planning.Planner.DataSourceName)
            other = planning.Planner.BuiltIn.RowCount(rc.OtherTable, rc.OtherPartition, null);
        else
        {
            // Counted on the other data source; its identity names that data source.
            var parts = new List<string> { "metric" };
            if (!string.IsNullOrEmpty(planning.Planner.ScanDefinition)) parts.Add(planning.Planner.ScanDefinition);
            parts.AddRange([rc.OtherDataSource, rc.OtherTable]);
            if (rc.OtherPartition is not null) parts.Add(rc.OtherPartition);
            parts.Add("row_count");
            other = planning.Planner.GetOrAdd(new RemoteRowCountMetric
            {
                Identity = string.Join("-", parts),
                Name = "row_count",
                Table = rc.OtherTable,
                Partition = rc.OtherPartition,
                DataSourceName = rc.OtherDataSource,
                Filter = otherWhere,
                IsCount = true,
            });
        }
        planning.Add(check, own, other);
    }

    /// <summary>It needs the other dataset's count too: nested in a group by, it is judged like a metric check.</summary>
    public bool JudgesOneValue => false;

    /// <inheritdoc/>
    public CheckResult Judge(PlannedCheck pc, CheckJudging judging)
    {
        string name = judging.Name(pc);
        var metric = pc.Metric!;
        var other = pc.OtherMetric!;
        if ((judging.NotComputed(pc, metric, name) ?? judging.NotComputed(pc, other, name)) is { } notComputed) return notComputed;
        long difference = (judging.Measured[metric].Value is long a ? a : 0) - (judging.Measured[other].Value is long b ? b : 0);
        return new CheckResult(pc, name, difference == 0 ? CheckOutcome.Pass : CheckOutcome.Fail, difference, null, null);
    }
}
