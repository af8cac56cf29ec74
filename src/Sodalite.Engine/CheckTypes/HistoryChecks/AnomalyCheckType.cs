using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>"anomaly detection for M" / "anomaly score for M" (spec/sodacl.md §1.3): needs metric history.</summary>
public sealed class AnomalyCheckType : UnavailableCheckType
{
    /// <inheritdoc/>
    public override ICheckSyntax? Syntax { get; } = new AnomalySyntax();

    /// <inheritdoc/>
    public override bool Claims(CheckDefinition check) => check.Syntax is AnomalySyntax;

    /// <inheritdoc/>
    public override void Plan(CheckDefinition check, CheckPlanning planning) =>
        planning.Log.Error($"Anomaly checks need metric history (\"{check.Line}\"); Sodalite runs them once the hub provides it.", check.Location);
}
