// Issue 16: progress people can follow. On a terminal (a pseudo-terminal made by `script`), the real `sodalite scan` process shows a live
// status on stderr and erases it before every console line, so the summary never lands on the status; outcomes are coloured. In a log
// (stderr redirected), NO_COLOR or TERM=dumb, it writes plain lines and no escape codes.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Sodalite.Engine;
using Sodalite.TestSupport;
using Spectre.Console;

namespace Sodalite.Cli.Tests;

public sealed partial class ScanStatusTests : IDisposable
{
    private const string Erase = "\r\u001b[2K";
    private static readonly string Sample = Path.Combine(RepoPaths.Repo, "samples", "retail");
    private readonly string _dir = Directory.CreateTempSubdirectory("sodalite-status-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sodalite => Path.Combine(AppContext.BaseDirectory, "sodalite.dll");

    private string[] ScanArgs => ["scan", "--data", Path.Combine(Sample, "retail.csv"), "--checks", Path.Combine(Sample, "checks.yml"), "--no-history"];

    /// <summary>Runs the scan inside `script`, which gives it a pseudo-terminal for stdin, stdout and stderr; answers the terminal's bytes.</summary>
    private async Task<(int Exit, string Terminal)> OnTerminal(params (string Name, string? Value)[] env)
    {
        string capture = Path.Combine(_dir, "terminal.txt");
        string command = string.Join(' ', new[] { "dotnet", Sodalite }.Concat(ScanArgs).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string a in new[] { "-q", "-e", "-f", "-c", command, capture }) start.ArgumentList.Add(a);
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in env)
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        await drained;
        // Without script's header line, and without the keypad-mode switch .NET writes when its console is a terminal.
        string text = await File.ReadAllTextAsync(capture);
        if (text.StartsWith("Script started", StringComparison.Ordinal)) text = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        return (process.ExitCode, text.Replace("\u001b[?1h\u001b=", "").Replace("\u001b[?1l\u001b>", ""));
    }

    [Fact]
    public async Task On_a_terminal_the_status_is_live_and_erased_before_every_console_line_and_the_summary()
    {
        var (exit, terminal) = await OnTerminal();
        Assert.Equal(2, exit);   // the sample fails on purpose: Soda's exit code comes through script
        // The status was shown: the dataset and "query n of m".
        Assert.Matches(@"retail · retail: query 1 of \d+", terminal);
        // Every line of Soda's output starts clean: after a line break or after an erase, never after status text.
        foreach (Match line in ConsoleLine().Matches(terminal))
        {
            int at = line.Index;
            string before = ColorAtEnd().Replace(terminal[..at], "");
            Assert.True(before.Length == 0 || before.EndsWith('\n') || before.EndsWith(Erase, StringComparison.Ordinal),
                $"a console line follows status text: …{before[^Math.Min(60, before.Length)..]}|{line.Value}");
        }
        int summary = terminal.IndexOf("Scan summary:", StringComparison.Ordinal);
        Assert.True(summary > 0, terminal);
        // Nothing of the status remains after the summary, and the last thing the status wrote was its erase.
        Assert.DoesNotContain(" of ", StripColors(terminal[summary..]).Replace("Oops!", ""), StringComparison.Ordinal);
        Assert.Contains("\u001b[31m[FAILED]\u001b[0m", terminal);
        Assert.Contains("\u001b[32m[PASSED]\u001b[0m", terminal);
        Assert.Matches("\u001b\\[31mOops! 4 failures\\. 3 warnings\\. 0 errors\\. 7 pass\\.\u001b\\[0m", terminal);
    }

    [Theory]
    [InlineData("NO_COLOR", "1")]
    [InlineData("TERM", "dumb")]
    public async Task NO_COLOR_or_a_dumb_terminal_get_plain_lines_and_no_escape_codes(string name, string value)
    {
        var (exit, terminal) = await OnTerminal((name, value));
        Assert.Equal(2, exit);
        Assert.DoesNotMatch(@"\u001b\[[0-9;]*m", terminal);   // no colours
        Assert.DoesNotContain(Erase, terminal);                // no live line
        Assert.Matches(@"\[\d+\.\d s\] retail · retail: query 1 of \d+\r?\n", terminal);
        Assert.Contains("Oops! 4 failures. 3 warnings. 0 errors. 7 pass.", terminal);
    }

    [Fact]
    public async Task In_a_log_stderr_gets_one_plain_line_per_stage_and_stdout_stays_as_soda_writes_it()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Sodalite);
        foreach (string a in ScanArgs) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string err = await stderr, output = await stdout;
        Assert.Equal(2, process.ExitCode);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^\[\d+\.\d s\] retail · retail: query 1 of \d+$", Assert.Single(lines, l => l.Contains("query", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("failed-row sample 1 of", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b", err + output);
        Assert.StartsWith("[", output);
        Assert.Contains("Oops! 4 failures. 3 warnings. 0 errors. 7 pass.", output);
    }

    [Fact]
    public void The_live_line_is_erased_before_a_console_line_and_drawn_again_after_it_then_cleared()
    {
        // stdout and stderr are one terminal: one writer shows the order of what reaches it.
        var terminal = new StringWriter();
        using var status = new ScanStatus(terminal, terminal, StatusMode.Live, colors: true, width: 60, refreshMilliseconds: 0);
        status.Report(new ScanProgress(ScanStage.Querying, "pg", "orders", null, 2, 5));
        status.WriteLine("[10:00:00]       row_count > 0 [FAILED]");
        status.Clear();
        status.Clear();
        string text = terminal.ToString();
        string[] draws = text.Split(Erase);
        Assert.Equal("", draws[0]);
        Assert.Matches(@"^[|/\\-] pg · orders: query 2 of 5 · \d+\.\d s$", draws[1]);
        // Erased, then the console line (coloured), then the status drawn again, then erased by Clear; a second Clear writes nothing.
        Assert.Equal("[10:00:00]       row_count > 0 \u001b[31m[FAILED]\u001b[0m" + Environment.NewLine, draws[2]);
        Assert.Equal(ElapsedTime().Replace(draws[1], "T"), ElapsedTime().Replace(draws[3], "T"));   // the same status (its clock may have moved)
        Assert.Equal("", draws[4]);
        Assert.Equal(5, draws.Length);
    }

    [Fact]
    public void Wide_characters_count_two_columns_when_the_status_is_cut()
    {
        var err = new StringWriter();
        using var status = new ScanStatus(TextWriter.Null, err, StatusMode.Live, width: 30, unicode: true, refreshMilliseconds: 0);
        status.Report(new ScanProgress(ScanStage.Querying, "pg", new string('表', 40), null, 1, 2));
        string line = err.ToString().Split(Erase, StringSplitOptions.RemoveEmptyEntries).Last();
        Assert.True(line.GetCellWidth() <= 29, line);
        Assert.EndsWith("…", line);
    }

    [Fact]
    public void A_long_status_is_cut_to_the_terminal_width_so_it_never_wraps()
    {
        var err = new StringWriter();
        using var status = new ScanStatus(TextWriter.Null, err, StatusMode.Live, width: 40, refreshMilliseconds: 0);
        status.Report(new ScanProgress(ScanStage.Querying, "warehouse", new string('t', 80), "last_7_days", 1, 9));
        string line = err.ToString().Split(Erase, StringSplitOptions.RemoveEmptyEntries).Last();
        Assert.Equal(39, line.Length);
        Assert.EndsWith("...", line);   // no Unicode: three dots
    }

    private static string StripColors(string s) => ColorCode().Replace(s, "");

    [GeneratedRegex(@"\d+\.\d s$")]
    private static partial Regex ElapsedTime();

    [GeneratedRegex(@"\[\d\d:\d\d:\d\d\] ")]
    private static partial Regex ConsoleLine();

    [GeneratedRegex(@"\u001b\[[0-9;]*m$")]
    private static partial Regex ColorAtEnd();

    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex ColorCode();
}
