using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>"anomaly detection for M" / "anomaly score for M" (spec/sodacl.md §1.3): needs metric history.</summary>
public sealed class AnomalyCheckType : UnavailableCheckType
{
    /// <inheritdoc/>
    public override bool Claims(CheckDefinition check) => check.Kind == CheckKind.Anomaly;

    /// <inheritdoc/>
    public override void Plan(CheckDefinition check, CheckPlanning planning) =>
        planning.Log.Error($"Anomaly checks need metric history (\"{check.Line}\"); Sodalite runs them once the hub provides it.", check.Location);
}
