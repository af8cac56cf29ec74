// The tables of `sodalite issues` and `sodalite scores`: on a terminal a Spectre.Console table that fits the window, with colours;
// into a file or a pipe (or with NO_COLOR or TERM=dumb) plain columns aligned with spaces, one line per row, nothing else.
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sodalite.Cli;

/// <summary>Writes rows of text under headers, for a person at a terminal or plainly for a file.</summary>
internal static class TextTable
{
    private const int MinimumWrapWidth = 8;

    /// <summary>
    /// True when <paramref name="output"/> is the process's own standard output on a terminal, and neither NO_COLOR nor TERM=dumb
    /// asks for plain text.
    /// </summary>
    public static bool IsRichTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>Writes the table.</summary>
    /// <param name="output">Where to.</param>
    /// <param name="rich">A Spectre.Console table (borders, colours, cells wrapped to the width) instead of plain aligned text.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="rows">The rows, one cell per column.</param>
    /// <param name="width">The width of a rich table (default: the terminal's).</param>
    /// <param name="ansi">Whether a rich table may use ANSI escapes (colours); false gives the same table without them.</param>
    public static void Write(TextWriter output, bool rich, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<Cell>> rows,
        int? width = null, bool ansi = true)
    {
        if (rich) WriteRich(output, columns, rows, width, ansi);
        else WritePlain(output, columns, rows);
    }

    private static void WritePlain(TextWriter output, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<Cell>> rows)
    {
        var lines = rows.Select(r => r.Select(c => OneLine(c.Text)).ToArray()).Prepend([.. columns.Select(c => c.Header)]).ToList();
        int[] widths = [.. columns.Select((_, i) => lines.Max(l => l[i].Length))];
        foreach (var line in lines)
            output.WriteLine(string.Join("  ", line.Select((text, i) => columns[i].Right ? text.PadLeft(widths[i]) : text.PadRight(widths[i]))).TrimEnd());
    }

    private static void WriteRich(TextWriter output, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<Cell>> rows, int? width, bool ansi)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (width is int w) console.Profile.Width = w;
        // Borders when the table fits the terminal whole. Else no borders (two spaces between columns), the other columns at their
        // width, and the text columns share what is left: the narrower ones get all they need, the wider ones wrap in what remains.
        var texts = rows.Select(r => r.Select(c => OneLine(c.Text)).ToArray()).Prepend([.. columns.Select(c => c.Header)]).ToList();
        int[] widths = [.. columns.Select((_, i) => texts.Max(t => t[i].Length))];
        bool borders = widths.Sum() + 3 * columns.Count + 1 <= console.Profile.Width;
        if (!borders)
        {
            int left = console.Profile.Width - 2 * (columns.Count - 1) - widths.Where((_, i) => !columns[i].Wrap).Sum();
            var wrapping = Enumerable.Range(0, columns.Count).Where(i => columns[i].Wrap).OrderBy(i => widths[i]).ToList();
            if (left < MinimumWrapWidth * wrapping.Count)
            {
                // Too narrow for the table: whole lines, which the terminal folds, read better than text cut into slivers.
                WritePlain(output, columns, rows);
                return;
            }
            for (int k = 0; k < wrapping.Count; k++)
            {
                int i = wrapping[k];
                widths[i] = Math.Min(widths[i], left / (wrapping.Count - k));
                left -= widths[i];
            }
        }
        var table = new Table().Border(borders ? TableBorder.Rounded : TableBorder.None);
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var column = new TableColumn(new Text(c.Header, new Style(decoration: Decoration.Bold)))
            {
                Alignment = c.Right ? Justify.Right : Justify.Left,
                NoWrap = !c.Wrap,
            };
            if (!borders)
            {
                column.Width = widths[i];
                column.Padding = new Padding(0, 0, i == columns.Count - 1 ? 0 : 2, 0);
            }
            table.AddColumn(column);
        }
        foreach (var row in rows)
            table.AddRow(row.Select(c => (IRenderable)new Text(OneLine(c.Text), c.Style is { } s ? Style.Parse(s) : Style.Plain)));
        console.Write(table);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
