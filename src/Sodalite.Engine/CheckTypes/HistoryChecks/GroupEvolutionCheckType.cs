using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>Group evolution checks (spec/sodacl.md §2.13): compare the groups with the previous scan's.</summary>
public sealed class GroupEvolutionCheckType : UnavailableCheckType
{
    /// <inheritdoc/>
    public override ICheckSyntax? Syntax { get; } = new GroupEvolutionSyntax();

    /// <inheritdoc/>
    public override bool Claims(CheckDefinition check) => check.Syntax is GroupEvolutionSyntax;

    /// <inheritdoc/>
    public override void Plan(CheckDefinition check, CheckPlanning planning) =>
        planning.Log.Error($"Group evolution checks compare the groups with the previous scan's (\"{check.Line}\"), which needs history; Sodalite runs them once the hub provides it.", check.Location);
}
