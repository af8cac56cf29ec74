// Metric → SQL text, string for string as Soda Core writes it (spec/sodacl.md §2.2–§2.3).
using System.Globalization;
using System.Text.RegularExpressions;
using Sodalite.Engine.Dialects;
using Sodalite.Results.Json;
using Sodalite.SodaCL.Formats;
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Planning;

public sealed partial class MetricSql(SqlDialect dialect)
{
    public string Count(string cond) => dialect.CountIf(cond);

    /// <summary>Literal of a values-list item: Python str() of numbers, quoted strings with escapes doubled.</summary>
    public static string Literal(MvcValue v) => v.IsNumber ? NumberText(v) : $"'{EscapeString(v.Text)}'";

    public static string NumberText(MvcValue v) =>
        v.IsInteger ? long.Parse(v.Text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
        : PyFloat.Repr(double.Parse(v.Text, CultureInfo.InvariantCulture));

    public static string EscapeString(string s) => BackslashEscape().Replace(s, m => "\\" + m.Value).Replace("'", "''");

    private static string List(IReadOnlyList<MvcValue> values) => "(" + string.Join(",", values.Select(Literal)) + ")";

    /// <summary>Unknown formats are reported by the caller and dropped.</summary>
    private string? Format(string column, string? format) =>
        format is not null && SodaFormats.All.TryGetValue(format, out var re) ? dialect.RegexMatch(column, re) : null;

    public string Missing(string c, MissingValidConfig m)
    {
        var terms = new List<string> { $"{c} IS NULL" };
        if (m.MissingValues is { } mv) terms.Add($"{c} IN {List(mv)}");
        if (Format(c, m.MissingFormat) is { } f) terms.Add(f);
        if (m.MissingRegex is { } r) terms.Add(dialect.RegexMatch(c, r));
        return string.Join(" OR ", terms);
    }

    public string? Valid(string c, MissingValidConfig m)
    {
        var terms = new List<string>();
        if (m.ValidValues is { } vv) terms.Add($"{c} IN {List(vv)}");
        if (Format(c, m.ValidFormat) is { } f) terms.Add(f);
        if (m.ValidRegex is { } r) terms.Add(dialect.RegexMatch(c, r));
        if (m.ValidLength is { } l) terms.Add($"{dialect.Length(c)} = {l}");
        if (m.ValidMinLength is { } minl) terms.Add($"{dialect.Length(c)} >= {minl}");
        if (m.ValidMaxLength is { } maxl) terms.Add($"{dialect.Length(c)} <= {maxl}");
        string numeric = m.ValidFormat is not null && SodaFormats.IsNumeric(m.ValidFormat) ? dialect.CastNumericText(c) : c;
        if (m.ValidMin is { } min) terms.Add($"{numeric} >= {PyFloat.Repr(min)}");
        if (m.ValidMax is { } max) terms.Add($"{numeric} <= {PyFloat.Repr(max)}");
        return terms.Count == 0 ? null : string.Join(" AND ", terms);
    }

    public string? Invalid(string c, MissingValidConfig m)
    {
        var terms = new List<string>();
        if (Format(c, m.InvalidFormat) is { } f) terms.Add(f);
        if (m.InvalidValues is { } iv) terms.Add($"{c} IN {List(iv)}");
        if (m.InvalidRegex is { } r) terms.Add(dialect.RegexMatch(c, r));
        return terms.Count == 0 ? null : string.Join(" OR ", terms);
    }

    private static string Inc(string c, MissingValidConfig m) => m.IncludeNull == true ? $" OR {c} IS NULL" : "";

    public string ValidCondition(string c, MissingValidConfig m)
    {
        string M = Missing(c, m);
        string? V = Valid(c, m), I = Invalid(c, m);
        if (V is not null) return $"NOT ({M}) AND ({V}){Inc(c, m)}";
        if (I is not null) return $"NOT ({M}) AND NOT ({I}){Inc(c, m)}";
        return $"NOT ({M})";
    }

    /// <summary>The invalid condition, or null when neither valid nor invalid is configured.</summary>
    public string? InvalidCondition(string c, MissingValidConfig m)
    {
        string M = Missing(c, m);
        string? V = Valid(c, m), I = Invalid(c, m);
        if (V is not null && I is not null) return $"NOT ({M}) AND (NOT ({V}) OR ({I})){Inc(c, m)}";
        if (V is not null) return $"NOT ({M}) AND NOT ({V}){Inc(c, m)}";
        if (I is not null) return $"NOT ({M}) AND ({I}){Inc(c, m)}";
        return null;
    }

    /// <summary>Soda's failing-rows condition for invalid samples (AND of valid and invalid, a quirk kept).</summary>
    public (string Failing, string Passing)? InvalidSampleConditions(string c, MissingValidConfig m)
    {
        string M = Missing(c, m);
        string? V = Valid(c, m), I = Invalid(c, m);
        if (V is not null && I is not null) return ($"NOT ({M}) AND NOT ({V}) AND ({I}){Inc(c, m)}", $"NOT ({M}) AND ({V}) AND NOT ({I})");
        if (V is not null) return ($"NOT ({M}) AND NOT ({V}){Inc(c, m)}", $"NOT ({M}) AND ({V})");
        if (I is not null) return ($"NOT ({M}) AND ({I}){Inc(c, m)}", $"NOT ({M}) AND NOT ({I})");
        return null;
    }

    public static string WithFilter(string cond, string? filter) => filter is null ? cond : $"({filter}) AND ({cond})";

    /// <summary>The value expression x of min/max/avg/... (CASE on validity and filter, numeric cast).</summary>
    public string ValueExpression(string c, MissingValidConfig m, string? filter)
    {
        var conds = new List<string>();
        if (m.Any) conds.Add(ValidCondition(c, m));
        if (filter is not null) conds.Add(filter);
        string x = conds.Count == 0 ? c : $"CASE WHEN {string.Join(" AND ", conds)} THEN {c} END";
        if (m.ValidFormat is not null && SodaFormats.IsNumeric(m.ValidFormat)) x = dialect.CastNumericText(x);
        return x;
    }

    [GeneratedRegex(@"\\.")]
    private static partial Regex BackslashEscape();
}
