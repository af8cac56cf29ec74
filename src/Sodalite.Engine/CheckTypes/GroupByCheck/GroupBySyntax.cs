// The group by check's configuration (spec/sodacl.md §2.10): 'query', 'fields', 'checks' and 'group_limit', read together once
// every key is known.
using System.Globalization;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;
using YamlDotNet.RepresentationModel;

namespace Sodalite.Engine.CheckTypes.GroupByCheck;

/// <summary>How a group by check is written: the line <c>group by</c> with a query, the fields naming a group, and nested checks.</summary>
public sealed class GroupBySyntax : ICheckSyntax
{
    private static readonly string[] OwnKeys = ["query", "fields", "checks", "group_limit"];

    /// <inheritdoc/>
    public string Description => "group by";

    /// <inheritdoc/>
    public bool ClaimsLine(string line) => line == "group by";

    /// <summary>
    /// Accepts the group by keys (<see cref="Complete"/> reads them together); name, identity and attributes are read as for any
    /// check. Soda's group by parser ignores every other key without a word: those get a warning here, which does not change the
    /// exit code, and are not used.
    /// </summary>
    public CheckDefinition? Read(CheckDefinition check, CheckConfigEntry entry, CheckConfigReader reader)
    {
        if (OwnKeys.Contains(entry.Key)) return check;
        if (entry.Key is "name" or "identity" or "attributes" or "group_value") return null;
        reader.Log.Warning($"Key \"{entry.Key}\" has no effect on a group by check (it reads query, fields, checks, group_limit, name and attributes); Soda ignores it too.", reader.Location(entry.KeyNode));
        return check;
    }

    /// <summary>
    /// Sets <see cref="CheckDefinition.GroupBy"/>, or leaves it null (logged) when the query, the fields or the checks are missing or
    /// 'group_limit' is not a whole number of 1 or more. A nested check with nothing after its colon stops the file, as in Soda.
    /// </summary>
    public CheckDefinition Complete(CheckDefinition check, CheckConfigEntry[] entries, CheckConfigReader reader)
    {
        YamlNode? Get(string key) => entries.FirstOrDefault(e => e.Key == key)?.Value;
        var problems = new List<string>();
        string? query = Get("query") is YamlScalarNode q && !CheckConfigReader.IsNull(q) ? q.Value : null;
        if (query is null) problems.Add("'query:' (SQL returning one row per group)");
        var fields = Get("fields") is YamlSequenceNode f ? f.Children.Select(CheckConfigReader.Text).ToList() : null;
        if (fields is null || fields.Count == 0) problems.Add("'fields:' (the columns naming a group, e.g. [country])");
        var checks = Get("checks") is YamlSequenceNode c ? c.Children.ToList() : null;
        // Soda reads the nested checks while it reads the file: one with nothing (or a number, boolean, date) after its colon
        // stops the file there, as at the top level.
        foreach (var nested in checks ?? [])
            if (nested is YamlMappingNode { Children.Count: > 0 } nm && CheckConfigReader.Unreadable(nm.Children[0].Value) is { } what)
                throw reader.FileStop(
                    $"check \"{CheckConfigReader.Text(nm.Children[0].Key)}\" of group by \"{check.Name ?? check.Line}\" has {what}. {CheckConfigReader.ColonAdvice}",
                    nm.Children[0].Key);
        if (checks is null || checks.Count == 0) problems.Add("'checks:' (checks on each group's row, e.g. '- avg_size > 0')");
        int limit = GroupBySpec.DefaultGroupLimit;
        if (Get("group_limit") is { } l && (!int.TryParse(CheckConfigReader.Text(l), NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            reader.Log.Error($"'group_limit' must be a whole number of 1 or more, not \"{CheckConfigReader.Text(l)}\".", reader.Location(l));
            return check;
        }
        if (problems.Count > 0)
        {
            reader.Log.Error($"Group by check \"{check.Name ?? check.Line}\" needs {string.Join(", ", problems)}.", check.Location);
            return check;
        }
        return check with { GroupBy = new GroupBySpec(query!, fields!, limit, checks!) };
    }
}
