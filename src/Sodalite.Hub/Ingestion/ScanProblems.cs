// What a results document says about checks it could not evaluate. Soda leaves them out of checks[]; they are named in the
// scan summary it logs ("2/2 checks NOT EVALUATED: ", "    orders in pg", "      row_count > 0 [NOT EVALUATED]") and in
// error records ("Metrics 'row_count' were not computed for check 'row_count > 0'"). spec/sodacl.md §3 and §6.
using System.Text.RegularExpressions;
using Sodalite.Results.Model;

namespace Sodalite.Hub.Ingestion;

/// <summary>Reads the not-evaluated checks a results document names, with the error record about each where one names it.</summary>
public static partial class ScanProblems
{
    /// <summary>
    /// A check the scan did not evaluate: the table the summary lists it under (null for a data-source-level check or when only an
    /// error names it), its name, the error naming it, and whether the summary lists it (else only an error record names it, and
    /// its dataset is unknown).
    /// </summary>
    public sealed record NotEvaluated(string? Table, string Name, string? Error, bool Listed);

    /// <summary>
    /// The not-evaluated checks of <paramref name="doc"/>, in log order, each once: from the summary's NOT EVALUATED section when
    /// the logs have one, else from the error records that name a check. <paramref name="lineOf"/> gives the check line of a known
    /// check's name (for checks with a custom name, whose errors name the line), or null.
    /// </summary>
    public static IReadOnlyList<NotEvaluated> Read(ScanResult doc, Func<string?, string, string?>? lineOf = null)
    {
        var errors = doc.Logs.Where(l => l.Level == LogEntryLevel.Error).Select(l => (l.Message, Check: CheckNamed(l.Message))).ToList();
        string? ErrorFor(string? table, string name)
        {
            string? line = lineOf?.Invoke(table, name);
            return errors.FirstOrDefault(e => e.Check is { } c && (c == name || c == line)).Message;
        }
        var found = new List<NotEvaluated>();
        var logs = doc.Logs;
        int start = -1;
        for (int i = 0; i < logs.Count; i++)
            if (logs[i].Level == LogEntryLevel.Info && SectionHeader().IsMatch(logs[i].Message)) { start = i + 1; break; }
        if (start >= 0)
        {
            string? table = null;
            for (int i = start; i < logs.Count && logs[i].Message.StartsWith("    ", StringComparison.Ordinal); i++)
            {
                string m = logs[i].Message;
                if (m.StartsWith("      ", StringComparison.Ordinal))
                {
                    if (table is not null && !m.StartsWith("       ", StringComparison.Ordinal) && CheckLine().Match(m) is { Success: true } c)
                        found.Add(new NotEvaluated(table, c.Groups[1].Value, ErrorFor(table, c.Groups[1].Value), true));
                    continue;
                }
                if (CheckLine().Match(m) is { Success: true } dsCheck)
                {
                    // A data-source-level check: listed without a table line.
                    table = null;
                    found.Add(new NotEvaluated(null, dsCheck.Groups[1].Value, ErrorFor(null, dsCheck.Groups[1].Value), true));
                }
                else if (TableLine().Match(m) is { Success: true } t)
                {
                    table = t.Groups["table"].Value;
                }
            }
        }
        else
        {
            foreach (var (message, check) in errors)
                if (check is not null && found.All(f => f.Name != check)) found.Add(new NotEvaluated(null, check, message, false));
        }
        return found.DistinctBy(f => (f.Table, f.Name)).ToList();
    }

    /// <summary>The check an error record names ("... for check 'LINE'", "... for check \"LINE\"", "Evaluation of check LINE failed: ..."), or null.</summary>
    public static string? CheckNamed(string message) =>
        ForCheck().Match(message) is { Success: true } m ? m.Groups["n"].Value
        : Evaluation().Match(message) is { Success: true } e ? e.Groups[1].Value
        : null;

    [GeneratedRegex(@"^\d+/\d+ checks? NOT EVALUATED: ?$")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^ {4,6}(\S.*) \[NOT EVALUATED\]$")]
    private static partial Regex CheckLine();

    [GeneratedRegex(@"^    (?<table>\S.*?)(?: \[[^\]]*\])? in \S.*$")]
    private static partial Regex TableLine();

    [GeneratedRegex(@"for check (?:'(?<n>[^\n]+?)'|""(?<n>[^\n]+?)"")(?=[:.;]|\s|$)")]
    private static partial Regex ForCheck();

    [GeneratedRegex(@"^Evaluation of check (.+?) failed:")]
    private static partial Regex Evaluation();
}
