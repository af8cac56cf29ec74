// Metric checks (spec/sodacl.md §2.2–§2.5): a built-in metric (row_count, missing/invalid/valid/duplicate counts and percentages,
// numeric and length aggregates, percentile) or a user-defined "X expression" / "X query" metric on a dataset, judged against the
// thresholds of the check line or of its warn/fail configuration.
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.MetricCheck;

/// <summary>Checks on one metric of a dataset, judged by thresholds.</summary>
public class MetricCheckType : ICheckType
{
    /// <inheritdoc/>
    public virtual ICheckSyntax? Syntax { get; } = new MetricSyntax();

    /// <inheritdoc/>
    public virtual bool Claims(CheckDefinition check) => check.Syntax is MetricSyntax && check.MetricLine is not null;

    /// <inheritdoc/>
    public virtual void Plan(CheckDefinition check, CheckPlanning planning)
    {
        var line = check.MetricLine!;
        if (check.Table is null)
        {
            // Soda builds the metric (listed with no value) and then stops the whole scan; here only this check is lost.
            planning.Planner.BuiltIn.Unresolved(null, null, line, check);
            planning.Log.Error($"Check \"{check.Line}\" needs a table: only '{line.Metric} query:' metrics and 'failed rows' checks go in a 'checks:' section; put it under 'checks for TABLE:'.", check.Location);
            return;
        }
        var metric = planning.DeclareMetric(check, line, out string? error);
        if (metric is null)
        {
            if (error is null) return;
            planning.Log.Error(error, check.Location);
            if (BuiltInMetrics.IsUnsupportedMetric(line.Metric))
            {
                // Soda lists the metric it could not compute (no value) and says so for the check.
                planning.Planner.BuiltIn.Unresolved(check.Table, check.Partition, line, check);
                planning.Log.Error($"Metrics '{line.Metric}' were not computed for check '{check.Line}'", check.Location);
            }
            return;
        }
        RequireThreshold(check, planning);
        planning.AddOrReport(check, metric, null);
    }

    /// <summary>A metric check without any threshold is an error (Soda's "No threshold specified"); the metric is still computed.</summary>
    public static void RequireThreshold(CheckDefinition check, CheckPlanning planning)
    {
        if (check.MetricLine?.Threshold is null && check.Warn is null && check.Fail is null)
            planning.Log.Error($"No threshold specified for check \"{check.Line}\". Add one to the line (\"{check.Line} > 0\") or a 'fail: when ...' configuration.", check.Location);
    }

    /// <summary>
    /// Fail when the value is in the fail zone, warn when in the warn zone, pass otherwise; not evaluated when the value is NULL,
    /// there is no threshold, or the value is not a number.
    /// </summary>
    public CheckResult Judge(PlannedCheck pc, CheckJudging judging)
    {
        var def = pc.Definition;
        string name = judging.Name(pc);
        var metric = pc.Metric!;
        if (judging.NotComputed(pc, metric, name) is { } notComputed) return notComputed;
        if (!judging.TryZones(def, out var fail, out var warn)) return new CheckResult(pc, name, null, judging.Measured[metric].Value, null, null);
        object? value = judging.Measured[metric].Value;
        if (value is null || (fail is null && warn is null))
            return new CheckResult(pc, name, null, value, fail, warn);
        double? v = value switch
        {
            long l => l,
            double d => d,
            _ => null,
        };
        if (v is null)
        {
            string hint = def.MissingValid.ValidFormat is null ? " If the column holds numbers as text, add 'valid format: decimal' to cast it." : "";
            judging.Log.Error($"Cannot evaluate check: Expected a numeric value, but was {Evaluator.ValueText(value)}.{hint}", def.Location);
            return new CheckResult(pc, name, null, value, fail, warn);
        }
        CheckOutcome outcome = fail?.IsBad(v.Value) == true ? CheckOutcome.Fail
            : warn?.IsBad(v.Value) == true ? CheckOutcome.Warn
            : CheckOutcome.Pass;
        return new CheckResult(pc, name, outcome, value, fail, warn);
    }
}
