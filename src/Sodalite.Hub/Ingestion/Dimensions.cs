// The quality dimension of a check: a 'dimension' attribute when the check has one, else derived from what it measures.
using Sodalite.Results.Model;

namespace Sodalite.Hub.Ingestion;

public static class Dimensions
{
    public static readonly string[] All = ["completeness", "uniqueness", "validity", "timeliness", "consistency", "accuracy"];

    public static string Of(ScanCheck check, string? metric)
    {
        // The last 'dimension' attribute counts, as in a dict built from the list.
        if (check.ResourceAttributes.LastOrDefault(a => a.Name == "dimension") is { Value: TextValue { Text: var d } }
            && All.Contains(d.Trim().ToLowerInvariant())) return d.Trim().ToLowerInvariant();
        string line = CheckLine(check.Definition);
        if (line.StartsWith("freshness", StringComparison.Ordinal)) return "timeliness";
        if (line.StartsWith("schema", StringComparison.Ordinal) || line.StartsWith("failed rows", StringComparison.Ordinal)) return "validity";
        if (line.StartsWith("values in", StringComparison.Ordinal) || line.StartsWith("row_count same as", StringComparison.Ordinal)) return "consistency";
        return (metric ?? line) switch
        {
            var m when m.StartsWith("missing", StringComparison.Ordinal) || m.StartsWith("row_count", StringComparison.Ordinal) => "completeness",
            var m when m.StartsWith("duplicate", StringComparison.Ordinal) => "uniqueness",
            var m when m.StartsWith("invalid", StringComparison.Ordinal) || m.StartsWith("valid", StringComparison.Ordinal) || m == "schema" => "validity",
            var m when m.StartsWith("reference", StringComparison.Ordinal) => "consistency",
            _ => "accuracy",
        };
    }

    /// <summary>The check line of a Soda definition ("checks for T:\n  - line:\n ..." → "line").</summary>
    private static string CheckLine(string definition)
    {
        var lines = definition.Split('\n');
        string line = lines.Length > 1 ? lines[1].Trim() : definition.Trim();
        if (line.StartsWith("- ", StringComparison.Ordinal)) line = line[2..];
        return line.TrimEnd(':');
    }
}
