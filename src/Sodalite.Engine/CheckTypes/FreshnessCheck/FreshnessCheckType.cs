// Freshness checks (spec/sodacl.md §2.6): MAX(column) in the dataset's aggregation query, compared with now (a variable).
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.FreshnessCheck;

/// <summary>Freshness checks: the age of the newest row, judged by durations.</summary>
public sealed class FreshnessCheckType : ICheckType
{
    /// <inheritdoc/>
    public ICheckSyntax? Syntax { get; } = new FreshnessSyntax();

    /// <inheritdoc/>
    public bool Claims(CheckDefinition check) => check.Syntax is FreshnessSyntax && check.Table is not null && Freshness.Column(check) is not null;

    /// <inheritdoc/>
    public void Plan(CheckDefinition check, CheckPlanning planning)
    {
        if (check.Parsed is FreshnessUsingLine)
            planning.Log.Warning($"Syntax of freshness check has changed and is deprecated. Use freshness(column_name) < 1d instead of \"{check.Line}\".", check.Location);
        // A shared MAX(column) in the aggregation query; the check compares it with now.
        var metric = planning.DeclareMetric(check with { MissingValid = MissingValidConfig.Empty },
            new MetricCheckLine("max", [Freshness.Column(check)!], null, null, false), out string? error);
        if (metric is not null && check.MetricLine?.Threshold is null && check.Fail is null && check.Warn is null
            && check.Parsed is not FreshnessUsingLine { Threshold: not null })
            planning.Log.Error($"No threshold specified for freshness check \"{check.Line}\". Add one, e.g. \"{check.Line} < 1d\".", check.Location);
        if (metric is not null) planning.Add(check, metric);
        else if (error is not null) planning.Log.Error(error, check.Location);
    }

    /// <inheritdoc/>
    public CheckResult Judge(PlannedCheck pc, CheckJudging judging)
    {
        string name = judging.Name(pc);
        var metric = pc.Metric!;
        return judging.NotComputed(pc, metric, name) ?? Freshness.Evaluate(pc, name, judging.Measured[metric].Value, judging.Log, judging.Jinja);
    }

    /// <summary>What was measured, as Soda prints it, for a check that did not pass or with -V.</summary>
    public IEnumerable<string> SummaryLines(CheckResult result, Measurements measured, bool verbose)
    {
        if (result.Outcome == CheckOutcome.Pass && !verbose || result.Freshness is not { } f) yield break;
        yield return $"max_column_timestamp: {f.MaxColumnTimestamp ?? "None"}";
        yield return $"max_column_timestamp_utc: {f.MaxColumnTimestampUtc ?? "None"}";
        yield return $"now_variable_name: {f.NowVariableName}";
        yield return $"now_timestamp: {f.NowTimestamp}";
        yield return $"now_timestamp_utc: {f.NowTimestampUtc}";
        yield return $"freshness: {f.Freshness ?? "None"}";
    }
}
