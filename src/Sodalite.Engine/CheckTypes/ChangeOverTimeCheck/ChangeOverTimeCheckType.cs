// Change-over-time checks (spec/sodacl.md §1.3, §2.13) on the scan's own metric history: the metric is computed as for a metric
// check, and the check's value is its change from the past value (the previous one, an aggregate of the last N, or the same day
// last week). Without a history (no --history) the check reports what Soda Core reports without Soda Cloud.
using Sodalite.Engine.CheckTypes.MetricCheck;
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.History;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.ChangeOverTimeCheck;

/// <summary>"change ... for M threshold": judged on the change of M against its history.</summary>
public sealed class ChangeOverTimeCheckType : ICheckType
{
    /// <inheritdoc/>
    public ICheckSyntax? Syntax { get; } = new ChangeOverTimeSyntax();

    /// <inheritdoc/>
    public bool Claims(CheckDefinition check) => check.Syntax is ChangeOverTimeSyntax;

    /// <summary>Nested in a group by, a change check is judged like a metric check (it has no history per group).</summary>
    public bool JudgesOneValue => false;

    /// <inheritdoc/>
    public void Plan(CheckDefinition check, CheckPlanning planning)
    {
        var line = check.MetricLine!;
        string? error = null;
        var metric = check.Table is not null ? planning.DeclareMetric(check, line with { HistoryPrefix = null }, out error) : null;
        if (planning.HistoryLocation is null)
        {
            // Soda Core without Soda Cloud: the metric is still computed (it is history for the next scan); the check cannot run.
            planning.Log.Error("Soda Core must be configured to connect to Soda Cloud to use change-over-time checks. Sodalite runs them with a metric history: pass --history FILE (or a hub URL).", check.Location);
            return;
        }
        if (ChangeOverTime.Parse(line.HistoryPrefix!) is null)
        {
            planning.Log.Error($"\"{line.HistoryPrefix}\" is not a change over time: write 'change for', 'change avg|min|max last N for', 'change same day last week for', each optionally with 'percent' before 'for'.", check.Location);
            return;
        }
        if (check.Table is null)
        {
            planning.Log.Error($"Check \"{check.Line}\" needs a table: put it under 'checks for TABLE:'.", check.Location);
            return;
        }
        if (metric is not null)
        {
            MetricCheckType.RequireThreshold(check, planning);
            planning.NeedHistory(metric);
        }
        planning.AddOrReport(check, metric, error);
    }

    /// <summary>
    /// The change of the metric against its history, judged by the check's thresholds; not evaluated (with a warning saying
    /// notEnoughHistory) when the history has no past value to compare with, or when the percent change is undefined.
    /// </summary>
    public CheckResult Judge(PlannedCheck pc, CheckJudging judging)
    {
        var def = pc.Definition;
        string name = judging.Name(pc);
        var metric = pc.Metric!;
        if (judging.NotComputed(pc, metric, name) is { } notComputed) return notComputed;
        if (!judging.TryZones(def, out var fail, out var warn)) return new CheckResult(pc, name, null, null, null, null);
        double? current = CheckJudging.Number(judging.Measured[metric].Value);
        if (current is null)
        {
            judging.Log.Error($"Cannot evaluate check \"{def.Line}\": its metric's value is {Evaluator.ValueText(judging.Measured[metric].Value)}, not a number.", def.Location);
            return new CheckResult(pc, name, null, null, fail, warn);
        }
        var change = ChangeOverTime.Parse(def.MetricLine!.HistoryPrefix!)!;
        var series = judging.NumericHistory(metric);
        if (change.PastValue(series, judging.DataTimestamp) is not double past)
        {
            judging.Log.Warning($"Skipping check \"{def.Line}\": there is not enough history yet (notEnoughHistory): {series.Count} past value(s) of {metric.Name}{(change.SameDayLastWeek ? ", none on the same day last week" : "")}.", def.Location);
            return new CheckResult(pc, name, null, null, fail, warn) { Change = new ChangeDiagnostics(null, judging.Measured[metric].Value, series.Count) };
        }
        double? value = change.Change(current.Value, past);
        // Soda keeps the change whole when both values are whole numbers (a row count's change is an int).
        bool whole = !change.Percent && change.Aggregation is not "avg" && judging.Measured[metric].Value is long;
        object? shown = whole && value is double v && v == Math.Floor(v) && Math.Abs(v) < 9e15 ? (object)(long)v : value;
        bool wholeSeries = change.Aggregation is not "avg" && series.All(p => p.Point.Value is Results.Model.IntegerValue);
        var diagnostics = new ChangeDiagnostics(wholeSeries && Math.Abs(past) < 9e15 ? (object)(long)past : past, judging.Measured[metric].Value, series.Count);
        if (value is null || (fail is null && warn is null))
            return new CheckResult(pc, name, null, shown, fail, warn) { Change = diagnostics };
        CheckOutcome outcome = fail?.IsBad(value.Value) == true ? CheckOutcome.Fail
            : warn?.IsBad(value.Value) == true ? CheckOutcome.Warn
            : CheckOutcome.Pass;
        return new CheckResult(pc, name, outcome, shown, fail, warn) { Change = diagnostics };
    }

    /// <summary>The check's value, then the past and current values it was computed from.</summary>
    public IEnumerable<string> SummaryLines(CheckResult result, Measurements measured, bool verbose)
    {
        if (result.Outcome == CheckOutcome.Pass && !verbose) return [];
        var lines = new List<string> { $"check_value: {Evaluator.ValueText(result.Value)}" };
        if (result.Change is { Past: { } past } c)
        {
            lines.Add($"historic_value: {Evaluator.ValueText(past)}");
            lines.Add($"metric_value: {Evaluator.ValueText(c.Current)}");
        }
        return lines;
    }
}
