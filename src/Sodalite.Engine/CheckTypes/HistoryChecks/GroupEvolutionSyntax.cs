using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.HistoryChecks;

/// <summary>How a group evolution check is written (spec/sodacl.md §2.10): the line <c>group evolution</c> with a query and 'warn'/'fail' mappings.</summary>
public sealed class GroupEvolutionSyntax : ICheckSyntax
{

    /// <inheritdoc/>
    public string Description => "group evolution";

    /// <inheritdoc/>
    public bool ClaimsLine(string line) => line == "group evolution";

    /// <summary>Accepts 'query', and 'warn'/'fail' as mappings of group validations (not thresholds); the check itself needs history.</summary>
    public CheckDefinition? Read(CheckDefinition check, CheckConfigEntry entry, CheckConfigReader reader)
    {
        if (entry.Key is "warn" or "fail")
        {
            if (entry.Value is not YamlDotNet.RepresentationModel.YamlMappingNode)
                reader.Log.Error($"'{entry.Key}' of a group evolution check must be a mapping of group validations such as 'when required group missing: [US]'.", reader.Location(entry.Value));
            return check;
        }
        return entry.Key == "query" ? check : null;
    }

    private static readonly string[] Keys = ["name", "warn", "fail", "attributes", "query", "identity", "group_value"];

    /// <summary>Soda's list for the type: every key but name, warn, fail, attributes, query, identity is reported.</summary>
    public KeyRejection? Rejects(string key, CheckDefinition check) =>
        Keys.Contains(key) ? null : new KeyRejection($"Invalid group evolution check configuration key \"{key}\"");
}
