// Schema checks (spec/sodacl.md §2.7): the measured columns against the warn and fail validations,
// with Soda's events, diagnostics and console lines.
using Sodalite.Engine.Dialects;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.CheckTypes.SchemaCheck;

public static class SchemaEvaluation
{
    /// <summary>
    /// One level's events for the measured columns; with 'when schema changes', also against <paramref name="previous"/> (the
    /// previous scan's columns; null when there is none, and then no change is reported). Types of a change compare as written.
    /// </summary>
    /// <exception cref="FormatException">A forbidden column pattern is not a valid regular expression.</exception>
    public static SchemaEvents Violations(SchemaValidations? v, IReadOnlyList<(string Name, string Type)> measured, SqlDialect dialect,
        IReadOnlyList<(string Name, string Type)>? previous = null)
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
        var events = new SchemaEvents(missing, present, typeMismatches, indexMismatches);
        if (previous is null || !v.ChangeValidations) return events;
        // Soda's SchemaComparator: by name; a repeated name counts once (its last type, its last position).
        var now = new Dictionary<string, (string Type, int Index)>();
        for (int i = 0; i < measured.Count; i++) now[measured[i].Name] = (measured[i].Type, i);
        var before = new Dictionary<string, (string Type, int Index)>();
        for (int i = 0; i < previous.Count; i++) before[previous[i].Name] = (previous[i].Type, i);
        var inOrder = measured.Select(c => c.Name).Distinct().ToList();
        return events with
        {
            Additions = v.ColumnAdditionForbidden ? [.. inOrder.Where(c => !before.ContainsKey(c))] : [],
            Deletions = v.ColumnDeletionForbidden ? [.. previous.Select(c => c.Name).Distinct().Where(c => !now.ContainsKey(c))] : [],
            TypeChanges = v.ColumnTypeChangeForbidden
                ? [.. inOrder.Where(c => before.TryGetValue(c, out var b) && b.Type != now[c].Type).Select(c => (c, before[c].Type, now[c].Type))]
                : [],
            IndexChanges = v.ColumnIndexChangeForbidden
                ? [.. inOrder.Where(c => before.TryGetValue(c, out var b) && b.Index != now[c].Index).Select(c => (c, before[c].Index, now[c].Index))]
                : [],
        };
    }

    /// <summary>The rows of the "Diagnostics" csv block for one level's events.</summary>
    public static IEnumerable<string> EventLines(SchemaEvents e, string level)
    {
        // Soda's order (schema_check.py, change events): deletions, additions, index changes, type changes, then index mismatches,
        // type mismatches, present columns, missing columns.
        foreach (var c in e.Deletions) yield return $"{c},:icon-{level}: Column Deleted, ";
        foreach (var c in e.Additions) yield return $"{c},:icon-{level}: Column Added, ";
        foreach (var (c, before, now) in e.IndexChanges)
            yield return $"{c},:icon-{level}: Index Changed, Previous Index: {before}; New Index: {now}";
        foreach (var (c, before, now) in e.TypeChanges)
            yield return $"{c},:icon-{level}: Type Changed, Previous Type: {before}; New Type: {now}";
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
        if (e.Additions.Count > 0) yield return $"{level}_column_additions = [{string.Join(", ", e.Additions)}]";
        if (e.Deletions.Count > 0) yield return $"{level}_column_deletions = [{string.Join(", ", e.Deletions)}]";
        foreach (var (c, before, now) in e.TypeChanges)
            yield return $"{level}_column_type_change[{c}] new_type({now}) previous_type({before})";
        if (e.IndexChanges.Count > 0)
            yield return $"{level}_column_index_changes = {string.Join(", ", e.IndexChanges.Select(x => $"{x.Column}[{x.Previous}->{x.New}]"))}";
    }
}
