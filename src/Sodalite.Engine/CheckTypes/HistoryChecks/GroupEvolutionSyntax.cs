using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>How a group evolution check is written (spec/sodacl.md §2.10): the line <c>group evolution</c> with a query and 'warn'/'fail' mappings.</summary>
public sealed class GroupEvolutionSyntax : ICheckSyntax
{
    private static readonly string[] OwnKeys = ["warn", "fail", "query", "fields", "checks", "group_limit"];

    /// <inheritdoc/>
    public string Description => "group evolution";

    /// <inheritdoc/>
    public bool ClaimsLine(string line) => line == "group evolution";

    /// <summary>Accepts its keys ('warn'/'fail' are mappings of group validations, not thresholds); the check itself needs history.</summary>
    public CheckDefinition? Read(CheckDefinition check, CheckConfigEntry entry, CheckConfigReader reader) =>
        OwnKeys.Contains(entry.Key) ? check : null;
}
