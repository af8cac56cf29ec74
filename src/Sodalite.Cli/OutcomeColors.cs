namespace Sodalite.Cli;

/// <summary>
/// ANSI colours for the outcome words of Soda's console lines, on a terminal only: [PASSED] and "All is good" green, [FAILED], "checks
/// FAILED", error records and "Oops!" with failures or errors red, [WARNED] and "Oops!" with only warnings yellow, "NOT EVALUATED" magenta. The
/// text itself is unchanged, so a line coloured and uncoloured reads the same.
/// </summary>
public static class OutcomeColors
{
    private const string Reset = "\u001b[0m", Green = "\u001b[32m", Red = "\u001b[31m", Yellow = "\u001b[33m", Magenta = "\u001b[35m";

    /// <summary>The whole line in red (an error record of the scan's log).</summary>
    public static string Error(string line) => Red + line + Reset;

    /// <summary>The line with its outcome word (or the whole summary line) wrapped in a colour; other lines as they are.</summary>
    public static string Paint(string line)
    {
        foreach (var (word, color) in Words)
        {
            int at = line.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0) return line[..at] + color + word + Reset + line[(at + word.Length)..];
        }
        int oops = line.IndexOf("Oops! ", StringComparison.Ordinal);
        if (oops >= 0)
        {
            bool red = !line.Contains(" 0 failures.", StringComparison.Ordinal) || !line.Contains(" 0 errors.", StringComparison.Ordinal);
            return line[..oops] + (red ? Red : Yellow) + line[oops..] + Reset;
        }
        int good = line.IndexOf("All is good.", StringComparison.Ordinal);
        return good >= 0 ? line[..good] + Green + line[good..] + Reset : line;
    }

    private static readonly (string Word, string Color)[] Words =
    [
        ("[PASSED]", Green), ("[FAILED]", Red), ("[WARNED]", Yellow), ("[NOT EVALUATED]", Magenta),
        ("checks PASSED:", Green), ("checks FAILED:", Red), ("checks WARNED:", Yellow), ("checks NOT EVALUATED:", Magenta),
    ];
}
