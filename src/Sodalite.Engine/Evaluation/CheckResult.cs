using Sodalite.Engine.CheckTypes.ChangeOverTimeCheck;
using Sodalite.Engine.CheckTypes.FreshnessCheck;
using Sodalite.Engine.CheckTypes.GroupByCheck;
using Sodalite.Engine.CheckTypes.SchemaCheck;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Grammar;

namespace Sodalite.Engine.Evaluation;

/// <summary>A judged check: outcome null means "not evaluated".</summary>
public sealed record CheckResult(PlannedCheck Check, string Name, CheckOutcome? Outcome, object? Value,
    Threshold? FailZone, Threshold? WarnZone)
{
    /// <summary>For a freshness check that could read its now-variable: what it measured.</summary>
    public FreshnessDiagnostics? Freshness { get; init; }

    /// <summary>For an evaluated schema check: the measured columns and the events of each level.</summary>
    public SchemaDiagnostics? Schema { get; init; }

    /// <summary>A check Soda keeps local (the group by check itself): in the console summary, not in the results' checks.</summary>
    public bool Local { get; init; }

    /// <summary>For an anomaly check: the model's expected value, band and history.</summary>
    public CheckTypes.AnomalyCheck.AnomalyVerdict? Anomaly { get; init; }

    /// <summary>For a group evolution check: the events of the fail and warn levels, as (group, reason).</summary>
    public (IReadOnlyList<(string Group, string Reason)> Fail, IReadOnlyList<(string Group, string Reason)> Warn)? GroupEvents { get; init; }

    /// <summary>For a change-over-time check: the past and current values.</summary>
    public ChangeDiagnostics? Change { get; init; }

    /// <summary>For a check run on one group of a group by.</summary>
    public GroupInfo? Group { get; init; }
}
