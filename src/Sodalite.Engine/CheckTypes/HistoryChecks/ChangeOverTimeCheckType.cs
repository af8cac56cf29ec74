using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>"change ... for M" (spec/sodacl.md §1.3): its metric is still computed (it is history for the next scan); the check needs that history.</summary>
public sealed class ChangeOverTimeCheckType : UnavailableCheckType
{
    /// <inheritdoc/>
    public override ICheckSyntax? Syntax { get; } = new ChangeOverTimeSyntax();

    /// <inheritdoc/>
    public override bool Claims(CheckDefinition check) => check.Syntax is ChangeOverTimeSyntax;

    /// <inheritdoc/>
    public override void Plan(CheckDefinition check, CheckPlanning planning)
    {
        if (check.Table is not null && check.MetricLine is { } line) planning.DeclareMetric(check, line with { HistoryPrefix = null }, out _);
        planning.Log.Error("Soda Core must be configured to connect to Soda Cloud to use change-over-time checks. Sodalite computes them once the hub provides history.", check.Location);
    }
}
