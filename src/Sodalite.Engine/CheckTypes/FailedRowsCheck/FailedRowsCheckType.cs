// Failed rows checks (spec/sodacl.md §2.11): a 'fail condition' counted in the aggregation query, or a 'fail query' whose rows fail.
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.FailedRowsCheck;

/// <summary>Failed rows checks: any failing row fails the check unless warn/fail thresholds say otherwise.</summary>
public sealed class FailedRowsCheckType : ICheckType
{
    /// <inheritdoc/>
    public ICheckSyntax? Syntax { get; } = new FailedRowsSyntax();

    /// <inheritdoc/>
    public bool Claims(CheckDefinition check) => check.Syntax is FailedRowsSyntax;

    /// <inheritdoc/>
    public void Plan(CheckDefinition check, CheckPlanning planning)
    {
        var metric = Declare(planning.Planner, check, out string? error);
        planning.AddOrReport(check, metric, error);
    }

    /// <summary>A failed rows check's rows are sampled whatever its samples limit, and its count is the sample's total.</summary>
    public FailedRowsSampling Sampling(CheckDefinition check) => FailedRowsSampling.Check;

    /// <summary>Without thresholds any failing row fails the check; with them, the row count is judged. Soda reports no threshold objects either way.</summary>
    public CheckResult Judge(PlannedCheck pc, CheckJudging judging)
    {
        string name = judging.Name(pc);
        var metric = pc.Metric!;
        if (judging.NotComputed(pc, metric, name) is { } notComputed) return notComputed;
        if (!judging.TryZones(pc.Definition, out var fail, out var warn)) return new CheckResult(pc, name, null, judging.Measured[metric].Value, null, null);
        long rows = judging.Measured[metric].Value is long n ? n : 0;
        var outcome = fail is null && warn is null ? (rows > 0 ? CheckOutcome.Fail : CheckOutcome.Pass)
            : fail?.IsBad(rows) == true ? CheckOutcome.Fail : warn?.IsBad(rows) == true ? CheckOutcome.Warn : CheckOutcome.Pass;
        return new CheckResult(pc, name, outcome, judging.Measured[metric].Value, null, null);
    }

    /// <summary>The condition form prints like a metric check, with its sample; the query form prints its row count.</summary>
    public IEnumerable<string> SummaryLines(CheckResult result, Measurements measured, bool verbose)
    {
        if (result.Outcome == CheckOutcome.Pass && !verbose) yield break;
        var m = result.Check.Metric!;
        if (m is FailedRowsQueryMetric)
        {
            yield return $"value: {Evaluator.ValueText(result.Value)}";
            yield break;
        }
        yield return $"check_value: {Evaluator.ValueText(result.Value)}";
        if (measured[m].Sample is { } s)
            yield return $"failed_rows_sample_ref: not-persisted Samples are not sent to Soda Cloud {s.Columns.Count}x({s.RowCount}/{s.TotalRowCount ?? s.RowCount})";
    }

    /// <summary>Failed rows checks (spec/sodacl.md §2.11): a condition counted in the aggregation query, or a query whose rows fail.</summary>
    private static Metric? Declare(Planner planner, CheckDefinition check, out string? error)
    {
        error = null;
        if (check.FailCondition is { } condition)
        {
            if (check.Table is null)
            {
                error = $"'fail condition' needs a table: put \"{check.Line}\" under 'checks for TABLE:', or use 'fail query:'.";
                return null;
            }
            return planner.BuiltIn.RowCount(check.Table, check.Partition, condition);
        }
        if (check.FailQuery is { } query)
        {
            string sql = query.Trim();
            return planner.GetOrAdd(new FailedRowsQueryMetric
            {
                Identity = planner.MetricIdentity(check.Table, check.Partition, null, "failed rows", [sql]),
                Name = "failed rows",
                Table = check.Table,
                Partition = check.Partition,
                Sql = sql,
                IsCount = true,
            });
        }
        error = $"Failed rows check \"{check.Line}\" needs 'fail condition: <SQL condition>' or 'fail query: <SQL returning the failing rows>'.";
        return null;
    }
}
