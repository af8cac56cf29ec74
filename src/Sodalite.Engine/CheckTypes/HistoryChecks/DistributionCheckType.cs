using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>Distribution checks: need a distribution reference object made by Soda's scientific package, which Sodalite does not have.</summary>
public sealed class DistributionCheckType : UnavailableCheckType
{
    /// <inheritdoc/>
    public override ICheckSyntax? Syntax { get; } = new DistributionSyntax();

    /// <inheritdoc/>
    public override bool Claims(CheckDefinition check) => check.Syntax is DistributionSyntax;

    /// <inheritdoc/>
    public override void Plan(CheckDefinition check, CheckPlanning planning) =>
        planning.Log.Error($"Distribution checks (\"{check.Line}\") need a distribution reference object made by Soda's scientific package; Sodalite does not run them.", check.Location);
}
