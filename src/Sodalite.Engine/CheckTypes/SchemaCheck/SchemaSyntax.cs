// The schema check's configuration (spec/sodacl.md §2.7): 'warn:' and 'fail:' hold validations, not thresholds.
using System.Globalization;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;
using YamlDotNet.RepresentationModel;

namespace Sodalite.Engine.CheckTypes.SchemaCheck;

/// <summary>How a schema check is written: the line <c>schema</c> with 'warn:'/'fail:' mappings of validations.</summary>
public sealed class SchemaSyntax : ICheckSyntax
{
    /// <inheritdoc/>
    public string Description => "schema";

    /// <inheritdoc/>
    public bool ClaimsLine(string line) => line == "schema";

    /// <summary>Reads 'warn'/'fail' as validations.</summary>
    public CheckDefinition? Read(CheckDefinition check, CheckConfigEntry entry, CheckConfigReader reader)
    {
        switch (entry.Key)
        {
            case "warn":
                return check with { SchemaWarn = Validations(entry, reader) };
            case "fail":
                return check with { SchemaFail = Validations(entry, reader) };
            default:
                return null;
        }
    }

    /// <summary>One level's validations; null (logged) when the value is not a mapping. Unknown validations are logged with a hint.</summary>
    private static SchemaValidations? Validations(CheckConfigEntry entry, CheckConfigReader reader)
    {
        string level = entry.Key;
        if (entry.Value is not YamlMappingNode map)
        {
            reader.Log.Error($"'{level}' of a schema check must be a mapping such as 'when required column missing: [id]'.", reader.Location(entry.Value));
            return null;
        }
        var v = new SchemaValidations();
        foreach (var (k, value) in map.Children)
        {
            string key = CheckConfigReader.Text(k);
            switch (key)
            {
                case "when required column missing":
                    if (reader.NameList(value, key) is { } required) v = v with { RequiredColumns = required };
                    break;
                case "when forbidden column present":
                    if (reader.NameList(value, key) is { } forbidden) v = v with { ForbiddenColumns = forbidden };
                    break;
                case "with optional columns":
                    if (reader.NameList(value, key) is { } optional) v = v with { OptionalColumns = optional };
                    break;
                case "when wrong column type" when value is YamlMappingNode types:
                    v = v with { ColumnTypes = [.. types.Children.Select(p => KeyValuePair.Create(CheckConfigReader.Text(p.Key), CheckConfigReader.Text(p.Value)))] };
                    break;
                case "when mismatching columns" when value is YamlMappingNode cols:
                    v = v with
                    {
                        MismatchingColumns = [.. cols.Children.Select(p => KeyValuePair.Create(CheckConfigReader.Text(p.Key),
                            p.Value is YamlScalarNode s && !CheckConfigReader.IsNull(s) ? s.Value : null))],
                    };
                    break;
                case "when wrong column index" when value is YamlMappingNode indexes:
                    var list = new List<KeyValuePair<string, int>>();
                    foreach (var (col, idx) in indexes.Children)
                    {
                        if (int.TryParse(CheckConfigReader.Text(idx), NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) && i >= 0)
                            list.Add(KeyValuePair.Create(CheckConfigReader.Text(col), i));
                        else
                            reader.Log.Error($"Column index for '{CheckConfigReader.Text(col)}' must be a whole number from 0, not \"{CheckConfigReader.Text(idx)}\".", reader.Location(idx));
                    }
                    v = v with { ColumnIndexes = list };
                    break;
                case "when wrong column type" or "when mismatching columns" or "when wrong column index":
                    reader.Log.Error($"'{key}' must be a mapping of column names to {(key.Contains("index", StringComparison.Ordinal) ? "indexes" : "types")}.", reader.Location(value));
                    break;
                case "when schema changes":
                    // Soda's forms: 'any', or a list of the changes that are not allowed.
                    string[] kinds = ["column add", "column delete", "column type change", "column index change"];
                    var listed = value is YamlSequenceNode seq ? seq.Children.Select(CheckConfigReader.Text).ToList()
                        : CheckConfigReader.Text(value) == "any" ? [.. kinds] : null;
                    if (listed is null || listed.Any(k => !kinds.Contains(k)))
                    {
                        reader.Log.Error($"Value for \"when schema changes\" must be either \"any\" or a list of these optional strings: {string.Join(", ", kinds.Select(k => $"'{k}'"))}. Was {CheckConfigReader.Text(value)}", reader.Location(value));
                        break;
                    }
                    v = v with
                    {
                        ColumnAdditionForbidden = listed.Contains("column add"),
                        ColumnDeletionForbidden = listed.Contains("column delete"),
                        ColumnTypeChangeForbidden = listed.Contains("column type change"),
                        ColumnIndexChangeForbidden = listed.Contains("column index change"),
                    };
                    break;
                default:
                    var best = SchemaValidations.Keys.Select(x => (x, d: EditDistance.Between(x, key))).OrderBy(x => x.d).First();
                    string hint = best.d <= 5 ? $" (did you mean \"{best.x}\"?)" : "";
                    reader.Log.Error($"Unknown schema validation '{key}'{hint}. Known: {string.Join(", ", SchemaValidations.Keys)}.", reader.Location(k));
                    break;
            }
        }
        return v;
    }

    private static readonly string[] Keys = ["name", "warn", "fail", "attributes", "identity", "group_value"];

    /// <summary>Soda's list for the type: every key but name, warn, fail, attributes, identity is reported.</summary>
    public KeyRejection? Rejects(string key, CheckDefinition check) =>
        Keys.Contains(key) ? null : new KeyRejection($"Invalid schema check configuration key \"{key}\"");
}
