// The scan's progress for people: a live status line on a terminal, plain lines in logs, nothing for an embedding program. Soda's
// console output (stdout) is written through it so that a log line never lands on the status line, and the status is cleared before
// the summary. Spectre.Console decides what the terminal can do (ANSI, Unicode, width; it honours NO_COLOR and TERM=dumb) and gives the
// spinner's frames; the line itself is drawn here with a carriage return and an erase-line, so Soda's lines pass through unchanged
// (a Spectre live display would re-wrap them).
using System.Diagnostics;
using System.Globalization;
using Sodalite.Engine;
using Spectre.Console;

namespace Sodalite.Cli;

/// <summary>
/// Shows a running scan's <see cref="ScanProgress"/> on stderr and writes its console lines to stdout. <see cref="StatusMode.Live"/>
/// (stderr is a terminal that takes ANSI codes, NO_COLOR unset, TERM not dumb): one status line, redrawn in place every 200 ms
/// (spinner, data source, dataset, query n of m, elapsed time), erased before each console line and by <see cref="Clear"/>; outcome
/// words on stdout are coloured when stdout is such a terminal too. <see cref="StatusMode.Plain"/> (stderr redirected, NO_COLOR or
/// TERM=dumb): one line per stage and dataset, prefixed with the elapsed time. <see cref="StatusMode.Off"/>: nothing on stderr.
/// Thread-safe: progress and console lines may come from different threads.
/// </summary>
public sealed class ScanStatus : IDisposable
{
    private readonly TextWriter _out, _err;
    private readonly StatusMode _mode;
    private readonly bool _colors;
    private readonly int _width;
    private readonly string[] _frames;
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private ScanProgress? _current;
    private string? _plainKey;
    private bool _shown;
    private int _frame;

    /// <summary>A status in the given mode (see <see cref="For"/> for the mode a real console gets).</summary>
    /// <param name="stdout">Where console lines go.</param>
    /// <param name="stderr">Where the status goes.</param>
    /// <param name="mode">How the status is shown.</param>
    /// <param name="colors">Whether console lines get ANSI colours for outcomes.</param>
    /// <param name="width">The terminal's width in columns; the live line is cut to one less so it never wraps.</param>
    /// <param name="unicode">Whether the terminal shows Unicode (a braille spinner; else |/-\).</param>
    /// <param name="refreshMilliseconds">How often the live line is redrawn to move the spinner and the elapsed time; 0 for never.</param>
    public ScanStatus(TextWriter stdout, TextWriter stderr, StatusMode mode, bool colors = false, int width = 80, bool unicode = false, int refreshMilliseconds = 200)
    {
        _out = stdout;
        _err = stderr;
        _mode = mode;
        _colors = colors;
        _width = Math.Max(20, width);
        _frames = unicode ? [.. Spinner.Known.Dots.Frames] : ["|", "/", "-", "\\"];
        if (mode == StatusMode.Live && refreshMilliseconds > 0) _timer = new Timer(_ => Redraw(advance: true), null, refreshMilliseconds, refreshMilliseconds);
    }

    /// <summary>
    /// The status for <c>sodalite scan</c>: <see cref="StatusMode.Off"/> unless <paramref name="stderr"/> is the process's own stderr (an
    /// embedding program or a test gets nothing); then Live or Plain as the class describes, from what Spectre.Console detects.
    /// </summary>
    /// <param name="stdout">Where console lines go.</param>
    /// <param name="stderr">Where the status goes.</param>
    /// <param name="env">Looks an environment variable up (NO_COLOR, TERM).</param>
    public static ScanStatus For(TextWriter stdout, TextWriter stderr, Func<string, string?> env)
    {
        if (!ReferenceEquals(stderr, Console.Error)) return new ScanStatus(stdout, stderr, StatusMode.Off);
        bool plainWanted = env("NO_COLOR") is { Length: > 0 } || string.Equals(env("TERM"), "dumb", StringComparison.Ordinal);
        // A log (CI, an orchestrator) gets plain lines without asking the terminal library anything: its detection costs start-up.
        if (plainWanted || Console.IsErrorRedirected) return new ScanStatus(stdout, stderr, StatusMode.Plain);
        var errProfile = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Profile;
        bool live = errProfile.Capabilities.Ansi;
        bool colors = live && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        return new ScanStatus(stdout, stderr, live ? StatusMode.Live : StatusMode.Plain, colors, errProfile.Width, errProfile.Capabilities.Unicode);
    }

    /// <summary>How this status shows progress.</summary>
    public StatusMode Mode => _mode;

    /// <summary>
    /// Records a step: redraws the live line, or writes a plain line when the stage or dataset changed. <see cref="ScanStage.Finished"/>
    /// ends the status (<see cref="Clear"/>): the summary follows.
    /// </summary>
    public void Report(ScanProgress progress)
    {
        if (progress.Stage == ScanStage.Finished)
        {
            Clear();
            return;
        }
        lock (_gate)
        {
            _current = progress;
            if (_mode == StatusMode.Plain)
            {
                string key = $"{progress.Stage}|{progress.DataSource}|{progress.Dataset}|{progress.Partition}";
                if (key == _plainKey) return;
                _plainKey = key;
                _err.WriteLine($"[{Elapsed()}] {Describe(progress)}");
                _err.Flush();
            }
        }
        if (_mode == StatusMode.Live) Redraw(advance: false);
    }

    /// <summary>Writes one of Soda's console lines to stdout (the live status erased first and drawn again after it), coloured on a terminal.</summary>
    /// <param name="line">The line (it may hold line breaks: a record with its location).</param>
    /// <param name="error">Whether it is an error record (all red on a terminal).</param>
    public void WriteLine(string line, bool error = false)
    {
        lock (_gate)
        {
            EraseLocked();
            _out.WriteLine(!_colors ? line : error ? OutcomeColors.Error(line) : OutcomeColors.Paint(line));
            _out.Flush();
        }
        if (_mode == StatusMode.Live) Redraw(advance: false);
    }

    /// <summary>Stops the live status and erases its line: call it before the summary and anything printed after the scan.</summary>
    public void Clear()
    {
        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
        lock (_gate)
        {
            _current = null;
            EraseLocked();
        }
    }

    /// <summary>Clears the status and stops its timer.</summary>
    public void Dispose()
    {
        Clear();
        _timer?.Dispose();
    }

    private void Redraw(bool advance)
    {
        lock (_gate)
        {
            if (_current is not { } p) return;
            if (advance) _frame = (_frame + 1) % _frames.Length;
            string text = $"{_frames[_frame]} {Describe(p)} · {Elapsed()}";
            text = Fit(text, _width - 1, _frames[0] == "|" ? "..." : "…");
            _err.Write($"\r\u001b[2K{text}");
            _err.Flush();
            _shown = true;
        }
    }

    /// <summary>The text cut to <paramref name="columns"/> terminal columns (wide characters count two, by Spectre.Console's measure), ending in <paramref name="ellipsis"/> when cut.</summary>
    private static string Fit(string text, int columns, string ellipsis)
    {
        if (text.GetCellWidth() <= columns) return text;
        var kept = new System.Text.StringBuilder();
        int used = ellipsis.GetCellWidth();
        foreach (var rune in text.EnumerateRunes())
        {
            int width = rune.ToString().GetCellWidth();
            if (used + width > columns) break;
            kept.Append(rune.ToString());
            used += width;
        }
        return kept.Append(ellipsis).ToString();
    }

    private void EraseLocked()
    {
        if (!_shown) return;
        _err.Write("\r\u001b[2K");
        _err.Flush();
        _shown = false;
    }

    private string Elapsed()
    {
        var t = _clock.Elapsed;
        return t.TotalSeconds < 60 ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : $"{(int)t.TotalMinutes} min {t.Seconds} s";
    }

    /// <summary>"connecting to pg (postgres)", "pg · orders [recent]: query 2 of 5", "pg · orders: failed-row sample 1 of 2".</summary>
    private static string Describe(ScanProgress p)
    {
        if (p.Stage == ScanStage.Connecting) return $"connecting to {p.DataSource}";
        string where = p.Dataset is null ? p.DataSource : $"{p.DataSource} · {p.Dataset}{(p.Partition is null ? "" : $" [{p.Partition}]")}";
        return $"{where}: {(p.Stage == ScanStage.Sampling ? "failed-row sample" : "query")} {p.Step} of {p.Steps}";
    }
}
