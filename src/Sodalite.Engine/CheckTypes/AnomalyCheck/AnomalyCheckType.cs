// Anomaly checks (spec/sodacl.md §1.3, §2.13) on the scan's own metric history, judged by Sodalite's model (AnomalyModel): the
// metric is computed as for a metric check; 'anomaly detection for M' fails (or warns) when its value is outside the model's
// band; the deprecated 'anomaly score for M < default' reports the anomaly score and warns above 0.9, as Soda does.
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.AnomalyCheck;

/// <summary>"anomaly detection for M" and "anomaly score for M &lt; default".</summary>
public sealed class AnomalyCheckType : ICheckType
{
    /// <inheritdoc/>
    public ICheckSyntax? Syntax { get; } = new AnomalySyntax();

    /// <inheritdoc/>
    public bool Claims(CheckDefinition check) => check.Syntax is AnomalySyntax;

    /// <summary>Nested in a group by, an anomaly check is judged like a metric check (it has no history per group).</summary>
    public bool JudgesOneValue => false;

    private static bool IsScore(CheckDefinition check) => check.MetricLine!.HistoryPrefix!.StartsWith("anomaly score", StringComparison.Ordinal);

    /// <inheritdoc/>
    public void Plan(CheckDefinition check, CheckPlanning planning)
    {
        var line = check.MetricLine!;
        string? error = null;
        var metric = check.Table is not null ? planning.DeclareMetric(check, line with { HistoryPrefix = null, Threshold = null, DefaultThreshold = false }, out error) : null;
        if (planning.HistoryLocation is null)
        {
            planning.Log.Error($"Anomaly checks need metric history (\"{check.Line}\"): pass --history FILE (Soda Core needs Soda Cloud for them).", check.Location);
            return;
        }
        if (check.Table is null)
        {
            planning.Log.Error($"Check \"{check.Line}\" needs a table: put it under 'checks for TABLE:'.", check.Location);
            return;
        }
        if (!IsScore(check) && (line.Threshold is not null || line.DefaultThreshold || check.Warn is not null || check.Fail is not null))
        {
            // The model decides; a threshold the user wrote would be silently ignored otherwise.
            planning.Log.Error($"An anomaly detection check takes no threshold: write \"anomaly detection for {line.Metric}{(line.Args.Count > 0 ? $"({string.Join(", ", line.Args)})" : "")}\" (use warn_only: true to only warn).", check.Location);
            return;
        }
        if (IsScore(check) && !line.DefaultThreshold)
        {
            planning.Log.Error($"An anomaly score check takes only '< default': write \"anomaly score for {line.Metric}{(line.Args.Count > 0 ? $"({string.Join(", ", line.Args)})" : "")} < default\".", check.Location);
            return;
        }
        if (metric is not null) planning.NeedHistory(metric);
        planning.AddOrReport(check, metric, error);
    }

    /// <summary>
    /// The model's verdict on the metric's value against its history: fail outside the band (warn just past its edge, within the
    /// warning ratio of its width, or always with warn_only), pass inside; an anomaly score warns above 0.9. Not evaluated, with a
    /// notEnoughHistory warning, before the model has <see cref="AnomalyModel.MinimumHistory"/> past values.
    /// </summary>
    public CheckResult Judge(PlannedCheck pc, CheckJudging judging)
    {
        var def = pc.Definition;
        string name = judging.Name(pc);
        var metric = pc.Metric!;
        if (judging.NotComputed(pc, metric, name) is { } notComputed) return notComputed;
        object? measured = judging.Measured[metric].Value;
        double? current = CheckJudging.Number(measured);
        if (current is null)
        {
            judging.Log.Error($"Cannot evaluate check \"{def.Line}\": its metric's value is {Evaluator.ValueText(measured)}, not a number.", def.Location);
            return new CheckResult(pc, name, null, measured, null, null);
        }
        var series = judging.NumericHistory(metric).Select(p => (p.Point.DataTimestamp, p.Value)).Reverse().ToList();
        var verdict = AnomalyModel.Judge(series, judging.DataTimestamp, current.Value);
        if (verdict is null)
        {
            judging.Log.Warning($"Skipping check \"{def.Line}\": there is not enough history yet (notEnoughHistory): {series.Count} past value(s) of {metric.Name}, the model needs {AnomalyModel.MinimumHistory}.", def.Location);
            return new CheckResult(pc, name, null, null, null, null);
        }
        var band = new Threshold(null, verdict.Upper, verdict.Lower, null, IsSplitZone: true);
        if (IsScore(def))
        {
            // Soda's deprecated form: the value is the anomaly score, and above 0.9 it warns.
            var warnZone = new Threshold(null, 0.9, null, null, IsSplitZone: false);
            return new CheckResult(pc, name, verdict.IsAnomaly ? CheckOutcome.Warn : CheckOutcome.Pass, Math.Round(verdict.Score, 4), null, warnZone) { Anomaly = verdict };
        }
        var settings = def.Settings as AnomalySettings ?? new AnomalySettings();
        CheckOutcome outcome = CheckOutcome.Pass;
        if (verdict.IsAnomaly)
        {
            double past = Math.Max(verdict.Lower - current.Value, current.Value - verdict.Upper);
            outcome = settings.WarnOnly || past <= settings.WarningRatio * (verdict.Upper - verdict.Lower) ? CheckOutcome.Warn : CheckOutcome.Fail;
        }
        return new CheckResult(pc, name, outcome, measured, band, null) { Anomaly = verdict };
    }

    /// <summary>The value, then what the model expected: the expected value, the band, and the history it used.</summary>
    public IEnumerable<string> SummaryLines(CheckResult result, Measurements measured, bool verbose)
    {
        if (result.Outcome == CheckOutcome.Pass && !verbose) return [];
        var lines = new List<string> { $"check_value: {Evaluator.ValueText(result.Value)}" };
        if (result.Anomaly is { } a)
        {
            lines.Add($"expected: {Evaluator.ValueText(Math.Round(a.Expected, 4))} (band {Evaluator.ValueText(Math.Round(a.Lower, 4))} to {Evaluator.ValueText(Math.Round(a.Upper, 4))})");
            lines.Add($"history: {a.HistoryLength} past value(s), {a.NormalPoints} in the model's current level{(a.LevelShift ? "; the value continues a level shift, read as the new normal" : "")}");
        }
        return lines;
    }
}
