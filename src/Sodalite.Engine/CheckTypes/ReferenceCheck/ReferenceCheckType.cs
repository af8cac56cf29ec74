// Reference checks (spec/sodacl.md §2.8): "values in (a, b) must [not] exist in T (c, d)", one count query of the source rows
// without (or with) a match in the target.
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.ReferenceCheck;

/// <summary>Reference checks: no thresholds, any failing row fails the check.</summary>
public sealed class ReferenceCheckType : ICheckType
{
    /// <inheritdoc/>
    public ICheckSyntax? Syntax { get; } = new ReferenceSyntax();

    /// <inheritdoc/>
    public bool Claims(CheckDefinition check) => check.Syntax is ReferenceSyntax && check.Table is not null && check.Parsed is ReferenceCheckLine;

    /// <inheritdoc/>
    public void Plan(CheckDefinition check, CheckPlanning planning)
    {
        var r = (ReferenceCheckLine)check.Parsed!;
        var reference = new ReferenceMetric
        {
            Identity = planning.Planner.MetricIdentity(check.Table, check.Partition, r.SourceColumns.Count == 1 ? r.SourceColumns[0] : null, "reference",
                [.. r.SourceColumns, r.TargetTable, .. r.TargetColumns]),
            Name = "reference",
            Table = check.Table,
            Partition = check.Partition,
            Column = r.SourceColumns.Count == 1 ? r.SourceColumns[0] : null,
            Columns = r.SourceColumns,
            TargetTable = r.TargetTable,
            TargetColumns = r.TargetColumns,
            MustNotExist = r.MustNotExist,
            IsCount = true,
        };
        // Soda's identity does not tell "must exist" from "must not exist"; the plan keeps them apart.
        planning.AddOrReport(check, planning.Planner.GetOrAdd(reference.Identity + (r.MustNotExist ? "#not" : ""), reference), null);
    }

    /// <inheritdoc/>
    public CheckResult Judge(PlannedCheck pc, CheckJudging judging)
    {
        string name = judging.Name(pc);
        var metric = pc.Metric!;
        if (judging.NotComputed(pc, metric, name) is { } notComputed) return notComputed;
        long failingRows = judging.Measured[metric].Value is long n ? n : 0;
        return new CheckResult(pc, name, failingRows > 0 ? CheckOutcome.Fail : CheckOutcome.Pass, judging.Measured[metric].Value, null, null);
    }

    /// <summary>The failing row count, for a check that did not pass or with -V.</summary>
    public IEnumerable<string> SummaryLines(CheckResult result, Measurements measured, bool verbose) =>
        result.Outcome != CheckOutcome.Pass || verbose ? [$"value: {Evaluator.ValueText(result.Value)}"] : [];
}
