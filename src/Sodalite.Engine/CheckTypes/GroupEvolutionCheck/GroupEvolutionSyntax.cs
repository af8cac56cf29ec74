// The group evolution check's configuration (spec/sodacl.md §2.13; Soda's __parse_group_evolution_check): a query whose first
// column names the groups, and under warn/fail the group validations.
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;
using YamlDotNet.RepresentationModel;

namespace Sodalite.Engine.CheckTypes.GroupEvolutionCheck;

/// <summary>How a group evolution check is written: the line <c>group evolution</c> with a query and 'warn'/'fail' mappings.</summary>
public sealed class GroupEvolutionSyntax : ICheckSyntax
{
    private static readonly string[] Keys = ["name", "warn", "fail", "attributes", "query", "identity", "group_value"];
    private static readonly string[] Validations = ["when required group missing", "when forbidden group present", "when groups change"];

    /// <inheritdoc/>
    public string Description => "group evolution";

    /// <inheritdoc/>
    public bool ClaimsLine(string line) => line == "group evolution";

    /// <summary>Reads 'query', and 'warn'/'fail' as mappings of group validations (not thresholds).</summary>
    public CheckDefinition? Read(CheckDefinition check, CheckConfigEntry entry, CheckConfigReader reader)
    {
        var settings = check.Settings as GroupEvolutionSettings ?? new GroupEvolutionSettings();
        switch (entry.Key)
        {
            case "query":
                return check with { Settings = settings with { Query = entry.Text } };
            case "warn" or "fail":
                if (entry.Value is not YamlMappingNode map)
                {
                    reader.Log.Error($"'{entry.Key}' of a group evolution check must be a mapping of group validations such as 'when required group missing: [US]'.", reader.Location(entry.Value));
                    return check;
                }
                var level = Level(map, reader);
                return check with { Settings = entry.Key == "warn" ? settings with { Warn = level } : settings with { Fail = level } };
            default:
                return null;
        }
    }

    private static GroupValidations Level(YamlMappingNode map, CheckConfigReader reader)
    {
        List<string> required = [], forbidden = [];
        bool add = false, delete = false;
        foreach (var (k, v) in map.Children)
        {
            string key = CheckConfigReader.Text(k);
            switch (key)
            {
                case "when required group missing":
                    required = reader.NameList(v, key) ?? [];
                    break;
                case "when forbidden group present":
                    forbidden = reader.NameList(v, key) ?? [];
                    break;
                case "when groups change":
                    var changes = v is YamlSequenceNode seq ? seq.Children.Select(CheckConfigReader.Text).ToList()
                        : CheckConfigReader.Text(v) == "any" ? ["group add", "group delete"] : null;
                    if (changes is null)
                    {
                        reader.Log.Error($"Value for \"when groups change\" must be either \"any\" or a list of these optional strings: 'group add', 'group delete'. Was {CheckConfigReader.Text(v)}", reader.Location(v));
                        break;
                    }
                    foreach (string c in changes)
                    {
                        if (c == "group add") add = true;
                        else if (c == "group delete") delete = true;
                        else reader.Log.Error($"\"when groups change\" has invalid value {c}: write 'group add' or 'group delete'.", reader.Location(v));
                    }
                    break;
                default:
                    string hint = key switch
                    {
                        "when group changes" => "Did you mean \"when groups change\" (plural)? ",
                        "when required groups missing" => "Did you mean \"when required group missing\"? ",
                        "when forbidden groups present" => "Did you mean \"when forbidden group present\"? ",
                        _ => "",
                    };
                    reader.Log.Error($"Invalid group validation \"{key}\": {hint}Available group validations: {string.Join(", ", Validations)}", reader.Location(k));
                    break;
            }
        }
        return new GroupValidations(required, forbidden, add, delete);
    }

    /// <summary>Soda's list for the type: every key but name, warn, fail, attributes, query and identity is reported.</summary>
    public KeyRejection? Rejects(string key, CheckDefinition check) =>
        Keys.Contains(key) ? null : new KeyRejection($"Invalid group evolution check configuration key \"{key}\"");
}
