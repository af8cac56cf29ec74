// Schema checks (spec/sodacl.md §2.7): the measured columns against the warn and fail validations,
// with Soda's events, diagnostics and console lines.
using Sodalite.Engine.Dialects;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.CheckTypes.SchemaCheck;

public static class SchemaEvaluation
{
    public static SchemaEvents Violations(SchemaValidations? v, IReadOnlyList<(string Name, string Type)> measured, SqlDialect dialect)
    {
        if (v is null) return SchemaEvents.None;
        var names = measured.Select(c => c.Name).ToList();
        var types = measured.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Type);

        // As Soda 3.5.6 builds them (schema_check.py): a non-empty 'when mismatching columns' replaces 'when wrong column type'
        // (and forbids every other column); required columns are the listed ones and those whose type is checked.
        IReadOnlyList<KeyValuePair<string, string?>> expectedTypes = v.MismatchingColumns is { Count: > 0 } mc
            ? mc
            : [.. v.ColumnTypes.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))];
        var required = new SortedSet<string>(StringComparer.Ordinal);
        required.UnionWith(v.RequiredColumns);
        required.UnionWith(expectedTypes.Select(p => p.Key));
        var missing = required.Where(c => !types.ContainsKey(c) && !v.OptionalColumns.Contains(c)).ToList();

        // Forbidden patterns: % and * match anything; Python's re.match anchors at the start only, case-sensitive.
        var present = new List<string>();
        foreach (var pattern in v.ForbiddenColumns)
        {
            System.Text.RegularExpressions.Regex regex;
            try
            {
                regex = new System.Text.RegularExpressions.Regex("^(?:" + pattern.Replace("%", ".*").Replace("*", ".*") + ")", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                // Soda matches the pattern as a Python regex (after % and * become .*): one that is not a regex is the user's to fix.
                throw new FormatException($"the forbidden column pattern '{pattern}' is not a valid regular expression ({e.Message}); escape the character with a backslash");
            }
            present.AddRange(names.Where(n => regex.IsMatch(n)));
        }
        // Mismatching columns: every other measured column is an event (Soda lists it again if a forbidden pattern matched it).
        if (v.MismatchingColumns is { Count: > 0 })
            present.AddRange(names.Where(n => !required.Contains(n)));

        var typeMismatches = new List<(string, string, string)>();
        foreach (var (column, expected) in expectedTypes)
            if (expected is not null && types.TryGetValue(column, out var actual) && !dialect.IsSameType(expected, actual)
                && typeMismatches.All(t => t.Item1 != column))
                typeMismatches.Add((column, expected, actual));

        // Columns whose index is checked are required too: Soda appends the missing ones after the others, even if listed already.
        missing.AddRange(v.ColumnIndexes.Select(p => p.Key).Where(c => !types.ContainsKey(c)));

        var indexMismatches = new List<(string, int, int, string?)>();
        foreach (var (column, expected) in v.ColumnIndexes)
        {
            int actual = names.IndexOf(column);
            if (actual >= 0 && actual != expected)
                indexMismatches.Add((column, expected, actual, expected < names.Count ? names[expected] : null));
        }
        return new SchemaEvents(missing, present, typeMismatches, indexMismatches);
    }

    /// <summary>The rows of the "Diagnostics" csv block for one level's events.</summary>
    public static IEnumerable<string> EventLines(SchemaEvents e, string level)
    {
        // Soda's order (schema_check.py, change events): index mismatches, type mismatches, present columns, missing columns.
        foreach (var (c, expected, actual, _) in e.IndexMismatches)
            yield return $"{c},:icon-{level}: Index Mismatch, Expected Index: {expected}; Actual Index: {actual}";
        foreach (var (c, expected, actual) in e.TypeMismatches)
            yield return $"{c},:icon-{level}: Type Mismatch, Expected Type: {expected}; Actual Type: {actual}";
        foreach (var c in e.Present) yield return $"{c},:icon-{level}: Forbidden Column Present, ";
        foreach (var c in e.Missing) yield return $"{c},:icon-{level}: Required Column Missing, ";
    }

    /// <summary>The console lines under a failed or warned schema check.</summary>
    public static IEnumerable<string> ConsoleLines(SchemaEvents e, string level)
    {
        if (e.Missing.Count > 0) yield return $"{level}_missing_column_names = [{string.Join(", ", e.Missing)}]";
        if (e.Present.Count > 0) yield return $"{level}_forbidden_present_column_names = [{string.Join(", ", e.Present)}]";
        foreach (var (c, expected, actual) in e.TypeMismatches)
            yield return $"{level}_column_type_mismatch[{c}] expected({expected}) actual({actual})";
        foreach (var (c, expected, actual, on) in e.IndexMismatches)
            yield return $"{level}_column_index_mismatch[{c}] expected({expected}) actual({actual})" + (on is null ? "" : $"{level}_column_on_expected_index({on})");
    }
}
