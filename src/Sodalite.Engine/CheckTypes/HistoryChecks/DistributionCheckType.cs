using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>Distribution checks: need a distribution reference object made by Soda's scientific package, which Sodalite does not have.</summary>
public sealed class DistributionCheckType : UnavailableCheckType
{
    /// <inheritdoc/>
    public override bool Claims(CheckDefinition check) => check.Kind == CheckKind.Distribution;

    /// <inheritdoc/>
    public override void Plan(CheckDefinition check, CheckPlanning planning) =>
        planning.Log.Error($"Distribution checks (\"{check.Line}\") need a distribution reference object made by Soda's scientific package; Sodalite does not run them.", check.Location);
}
