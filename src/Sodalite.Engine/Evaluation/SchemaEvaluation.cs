// Schema checks (spec/sodacl.md §2.7): the measured columns against the warn and fail validations,
// with Soda's events, diagnostics and console lines.
using Sodalite.Engine.Dialects;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Evaluation;

/// <summary>The violations of one level (warn or fail).</summary>
public sealed record SchemaEvents(
    IReadOnlyList<string> Missing, IReadOnlyList<string> Present,
    IReadOnlyList<(string Column, string Expected, string Actual)> TypeMismatches,
    IReadOnlyList<(string Column, int Expected, int Actual, string? OnExpected)> IndexMismatches)
{
    public int Count => Missing.Count + Present.Count + TypeMismatches.Count + IndexMismatches.Count;

    public static readonly SchemaEvents None = new([], [], [], []);
}

/// <summary>What a schema check measured and found.</summary>
public sealed record SchemaDiagnostics(IReadOnlyList<(string Name, string Type)> Measured, SchemaEvents Fail, SchemaEvents Warn);

public static class SchemaEvaluation
{
    public static SchemaEvents Violations(SchemaValidations? v, IReadOnlyList<(string Name, string Type)> measured, SqlDialect dialect)
    {
        if (v is null) return SchemaEvents.None;
        var names = measured.Select(c => c.Name).ToList();
        var types = measured.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Type);

        // Required columns: listed ones, those whose type or index is checked, and mismatching ones that are not optional.
        var required = new SortedSet<string>(StringComparer.Ordinal);
        required.UnionWith(v.RequiredColumns);
        required.UnionWith(v.ColumnTypes.Select(p => p.Key));
        required.UnionWith(v.ColumnIndexes.Select(p => p.Key));
        if (v.MismatchingColumns is { } mc) required.UnionWith(mc.Select(p => p.Key).Where(c => !v.OptionalColumns.Contains(c)));
        var missing = required.Where(c => !types.ContainsKey(c)).ToList();

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
        if (v.MismatchingColumns is { } listed)
            present.AddRange(names.Where(n => listed.All(p => p.Key != n) && !present.Contains(n)));

        var typeMismatches = new List<(string, string, string)>();
        var expectedTypes = v.ColumnTypes.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)).Concat(v.MismatchingColumns ?? []);
        foreach (var (column, expected) in expectedTypes)
            if (expected is not null && types.TryGetValue(column, out var actual) && !dialect.IsSameType(expected, actual)
                && typeMismatches.All(t => t.Item1 != column))
                typeMismatches.Add((column, expected, actual));

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
        foreach (var (c, expected, actual) in e.TypeMismatches)
            yield return $"{c},:icon-{level}: Type Mismatch, Expected Type: {expected}; Actual Type: {actual}";
        foreach (var (c, expected, actual, _) in e.IndexMismatches)
            yield return $"{c},:icon-{level}: Index Mismatch, Expected Index: {expected}; Actual Index: {actual}";
        foreach (var c in e.Missing) yield return $"{c},:icon-{level}: Required Column Missing, ";
        foreach (var c in e.Present) yield return $"{c},:icon-{level}: Forbidden Column Present, ";
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
