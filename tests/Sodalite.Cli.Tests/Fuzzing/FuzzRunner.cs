// Scans one fuzz input through the real CLI in-process (`scan -d pg -c configuration.yml checks.yml -srf results.json` on DuckDB)
// and checks what every input must give, whatever its bytes: an exit code of 0 to 3, no exception out of RunAsync, no stack trace
// or internal error (nor a bug's exception caught and logged), every YAML error with a location, valid results JSON, and an end
// within the time limit.
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sodalite.Cli.Tests.Fuzzing;

internal sealed partial class FuzzRunner(FuzzDatabase database, TimeSpan limit)
{
    /// <summary>What one input gave: the failures, how long it took, and whether it is still running (a hang).</summary>
    /// <param name="FirstError">The first error the console listed, normalized (for the report's view of what the inputs reached).</param>
    public sealed record Outcome(IReadOnlyList<FuzzFailure> Failures, TimeSpan Duration, int? ExitCode, bool Hung, string? FirstError = null);

    public async Task<Outcome> RunAsync(FuzzInput input)
    {
        string dir = Path.Combine(database.Folder, "in-" + input.Index);
        Directory.CreateDirectory(dir);
        string checks = Path.Combine(dir, "checks.yml");
        string results = Path.Combine(dir, "results.json");
        await File.WriteAllBytesAsync(checks, input.Bytes);
        var (run, duration) = await ScanAsync(Arguments(checks, results, input, verbose: false));
        var failures = new List<FuzzFailure>();
        if (run is null)
        {
            failures.Add(new FuzzFailure("timeout: the scan did not end within the limit", $"no exit after {limit.TotalSeconds:0} s", input, ""));
            return new Outcome(failures, duration, null, Hung: true);
        }
        var (exit, output, escaped) = run.Value;
        if (escaped is not null)
            failures.Add(new FuzzFailure($"exception escaped RunAsync: {escaped.GetType().Name}: {Normalize(escaped.Message)} at {StackTop(escaped.StackTrace ?? "")}",
                escaped.ToString(), input, output));
        else
        {
            try { failures.AddRange(Check(input, exit, output, checks, results)); }
            catch (Exception own)
            {
                // A bug of this test must not hide the rest of the run: it is reported like any other failure.
                failures.Add(new FuzzFailure($"the fuzz test's own checks threw {own.GetType().Name}: {Normalize(own.Message)}", own.ToString(), input, output));
            }
        }
        // The console shows each error twice (as it happens and under ERRORS:): one failure per kind and input.
        failures = [.. failures.DistinctBy(f => f.Kind)];
        if (failures.Any(f => CatchSite(f.Kind) is not null))
            await AddStackTopsAsync(failures, input, checks, results);
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        string? firstError = output.Split('\n').SkipWhile(l => l != "ERRORS:").Skip(1).FirstOrDefault() is { } e && LogStart().IsMatch(e) ? Normalize(Strip(e)) : null;
        return new Outcome(failures, duration, escaped is null ? exit : null, Hung: false, firstError);
    }

    private string[] Arguments(string checks, string results, FuzzInput input, bool verbose)
    {
        var args = new List<string> { "scan", "-d", "pg", "-c", database.ConfigurationPath, checks, "-srf", results };
        foreach (var (k, v) in input.Variables) args.AddRange(["-v", $"{k}={v}"]);
        if (verbose) args.Add("-V");
        return [.. args];
    }

    /// <summary>Runs the CLI; null when it has not ended within the limit (it is left running: a hang cannot be stopped).</summary>
    private async Task<((int Exit, string Output, Exception? Escaped)? Run, TimeSpan Duration)> ScanAsync(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var o = TextWriter.Synchronized(stdout);
        var e = TextWriter.Synchronized(stderr);
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() => SodaliteCli.RunAsync(args, o, e));
        if (await Task.WhenAny(task, Task.Delay(limit)) != task) return (null, clock.Elapsed);
        var duration = clock.Elapsed;
        try
        {
            int exit = await task;
            return ((exit, Combined(stdout, o, stderr, e), null), duration);
        }
        catch (Exception ex)
        {
            return ((-1, Combined(stdout, o, stderr, e), ex), duration);
        }
    }

    /// <summary>What was written to stdout, then stderr after a "[stderr]" line; read under the synchronized writers' locks.</summary>
    private static string Combined(StringWriter stdout, TextWriter syncOut, StringWriter stderr, TextWriter syncErr)
    {
        string err, text;
        lock (syncErr) err = stderr.ToString();
        lock (syncOut) text = stdout.ToString();
        return text + (err.Length > 0 ? "\n[stderr]\n" + err : "");
    }

    private static IEnumerable<FuzzFailure> Check(FuzzInput input, int exit, string output, string checks, string results)
    {
        if (exit is < 0 or > 3) yield return new FuzzFailure($"exit code {exit}", $"exit code {exit}", input, output);
        foreach (Match m in StackFrame().Matches(output))
            yield return new FuzzFailure($"stack trace in the output at {Normalize(m.Value.Trim())}", m.Value.Trim(), input, output);
        foreach (string line in output.Split('\n'))
        {
            if (line.Contains("internal error", StringComparison.OrdinalIgnoreCase))
                yield return new FuzzFailure($"internal error: {Normalize(Strip(line))}", line.Trim(), input, output);
            else if (CaughtBug().Match(line) is { Success: true } bug)
                yield return new FuzzFailure($"caught exception: {Normalize(Regex.Replace(bug.Value, @"^Evaluation of check .* failed: ", "Evaluation of check <check> failed: "))}",
                    line.Trim(), input, output);
        }
        int stderrAt = output.IndexOf("\n[stderr]\n", StringComparison.Ordinal);
        if (stderrAt >= 0 && !output[stderrAt..].Contains("internal error", StringComparison.OrdinalIgnoreCase))
            yield return new FuzzFailure($"unexpected stderr: {Normalize(output[(stderrAt + 10)..].Split('\n')[0])}", output[(stderrAt + 10)..].Trim(), input, output);
        foreach (var f in CheckErrorLocations(input, output, checks)) yield return f;
        if (exit is >= 0 and <= 3)
            foreach (var f in CheckResultsFile(input, output, results)) yield return f;
    }

    /// <summary>The console's ERRORS: section: each error that mentions YAML shows "+-> line=L,col=C in FILE", and every location is in the file.</summary>
    private static IEnumerable<FuzzFailure> CheckErrorLocations(FuzzInput input, string output, string checks)
    {
        string[] lines = output.Split('\n');
        int start = Array.LastIndexOf(lines, "ERRORS:");
        if (start < 0) yield break;
        var entries = new List<List<string>>();
        for (int i = start + 1; i < lines.Length && !lines[i].StartsWith("Saving scan results to ", StringComparison.Ordinal); i++)
        {
            if (LogStart().IsMatch(lines[i]) || entries.Count == 0) entries.Add([]);
            entries[^1].Add(lines[i]);
        }
        foreach (var entry in entries)
        {
            var locations = entry.Select(l => LocationLine().Match(l)).Where(m => m.Success).ToList();
            string message = string.Join("\n", entry.Where(l => !l.StartsWith("  +-> ", StringComparison.Ordinal)));
            if (locations.Count == 0 && MentionsYaml().IsMatch(message))
                yield return new FuzzFailure($"YAML error without a location: {Normalize(Strip(entry[0]))}", string.Join("\n", entry), input, output);
            foreach (var loc in locations)
                if (Bad(loc, input, checks) is { } why)
                    yield return new FuzzFailure($"location outside the file ({why}): {Normalize(Strip(entry[0]))}", string.Join("\n", entry), input, output);
        }
    }

    private static string? Bad(Match location, FuzzInput input, string checks)
    {
        int line = int.Parse(location.Groups[1].Value), col = int.Parse(location.Groups[2].Value);
        if (line < 1 || col < 1) return "line or column below 1";
        if (location.Groups[3].Value.Trim() != checks) return null;
        // Every line break YAML knows (\n, \r, NEL, LS, PS) may start a line; a location may point just past the last line.
        string text = input.Text;
        int breaks = text.Count(c => c is '\n' or '\r') + CountOf(text, "\xC2\x85") + CountOf(text, "\xE2\x80\xA8") + CountOf(text, "\xE2\x80\xA9");
        return line > breaks + 2 ? "line past the end" : null;
    }

    private static int CountOf(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static IEnumerable<FuzzFailure> CheckResultsFile(FuzzInput input, string output, string results)
    {
        if (!File.Exists(results))
        {
            yield return new FuzzFailure("no results file although -srf was given", results, input, output);
            yield break;
        }
        string json = File.ReadAllText(results);
        JsonDocument? doc = null;
        string? invalid = null;
        try { doc = JsonDocument.Parse(WithoutPythonFloats(json), new JsonDocumentOptions { MaxDepth = 100_000 }); }
        catch (JsonException e) { invalid = e.Message; }
        if (doc is null)
        {
            yield return new FuzzFailure($"results file is not valid JSON: {Normalize(invalid!)}", invalid!, input, output);
            yield break;
        }
        using (doc)
        {
            foreach (string path in UnreadableStrings(doc.RootElement).Take(1))
                yield return new FuzzFailure("results file has a string that is not text (a lone UTF-16 surrogate escape)", $"at {path}", input, output);
            if (!doc.RootElement.TryGetProperty("logs", out var logs) || logs.ValueKind != JsonValueKind.Array)
            {
                yield return new FuzzFailure("results file has no logs[]", json.Length > 300 ? json[..300] : json, input, output);
                yield break;
            }
            foreach (var log in logs.EnumerateArray())
            {
                string level = log.TryGetProperty("level", out var l) ? Text(l) : "";
                string message = log.TryGetProperty("message", out var m) ? Text(m) : "";
                if (level == "error" && MentionsYaml().IsMatch(message) && !log.TryGetProperty("location", out _))
                    yield return new FuzzFailure($"YAML error without a location in results.json: {Normalize(message.Split('\n')[0])}", message, input, output);
            }
        }
    }

    /// <summary>A JSON string's text; "" when it is not a string or not text (a lone surrogate escape such as \ud800).</summary>
    private static string Text(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.String) return "";
        try { return e.GetString() ?? ""; }
        catch (InvalidOperationException) { return ""; }
    }

    /// <summary>Paths of the strings (values and property names) that do not decode to text: JSON syntax allows "\ud800", but it is no character.</summary>
    private static IEnumerable<string> UnreadableStrings(JsonElement root)
    {
        var stack = new Stack<(JsonElement Element, string Path)>();
        stack.Push((root, "$"));
        while (stack.Count > 0)
        {
            var (e, path) = stack.Pop();
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        string name;
                        try { name = p.Name; }
                        catch (InvalidOperationException) { name = "?"; }
                        if (name == "?") yield return path + ".<name>";
                        stack.Push((p.Value, $"{path}.{name}"));
                    }
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    foreach (var item in e.EnumerateArray()) stack.Push((item, $"{path}[{i++}]"));
                    break;
                case JsonValueKind.String:
                    bool ok;
                    try { ok = e.GetString() is not null; }
                    catch (InvalidOperationException) { ok = false; }
                    if (!ok) yield return path;
                    break;
            }
        }
    }

    /// <summary>
    /// The results file is written as Python's json.dumps writes it, which allows the bare words NaN, Infinity and -Infinity (Soda's
    /// files have them too); they become null here so that a strict parser can check everything else.
    /// </summary>
    private static string WithoutPythonFloats(string json)
    {
        var sb = new System.Text.StringBuilder(json.Length);
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                sb.Append(c);
                if (c == '\\' && i + 1 < json.Length) sb.Append(json[++i]);
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            string? word = json.AsSpan(i).StartsWith("NaN") ? "NaN" : json.AsSpan(i).StartsWith("-Infinity") ? "-Infinity" : json.AsSpan(i).StartsWith("Infinity") ? "Infinity" : null;
            if (word is not null)
            {
                sb.Append("null");
                i += word.Length - 1;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Runs an input with a caught exception again with -V, whose debug log holds each caught exception's stack, and adds the
    /// exception's type and top frame to the kind. "Evaluation of check ... failed" is also how a user's error is worded on purpose
    /// (a threshold variable that is not a number): it is a bug only when the debug log shows an exception behind it, other than a
    /// FormatException thrown by Sodalite itself.
    /// </summary>
    private async Task AddStackTopsAsync(List<FuzzFailure> failures, FuzzInput input, string checks, string results)
    {
        var (run, _) = await ScanAsync(Arguments(checks, results, input, verbose: true));
        if (run is null) return;
        var blocks = ExceptionBlock().Matches(run.Value.Output).Select(m => (Header: m.Groups[1].Value, Frames: m.Groups[2].Value)).ToList();
        for (int i = failures.Count - 1; i >= 0; i--)
        {
            var f = failures[i];
            if (CatchSite(f.Kind) is not { } site) continue;
            bool evaluation = site.Contains("Evaluation of check", StringComparison.Ordinal);
            // The message may hold the time of the run (a NOW variable): compared normalized.
            string detail = Normalize(f.Detail);
            var block = blocks.FirstOrDefault(b => Normalize(ExceptionMessage(b.Header)) is { Length: > 0 } msg && detail.Contains(msg[..Math.Min(60, msg.Length)], StringComparison.Ordinal));
            if (block.Header is null && !evaluation && blocks.Count > 0) block = blocks[0];
            if (block.Header is null)
            {
                if (evaluation) failures.RemoveAt(i);
                continue;
            }
            string type = block.Header.Split(':')[0].Trim();
            string firstFrame = block.Frames.TrimStart().Split('\n')[0];
            if (evaluation && type == "System.FormatException" && firstFrame.StartsWith("at Sodalite.", StringComparison.Ordinal))
            {
                failures.RemoveAt(i);
                continue;
            }
            failures[i] = f with
            {
                // Grouped by where it was caught, the exception's type and where it was thrown; the message is in the detail.
                Kind = $"{site}: {type} thrown in {Namespace(StackTop(block.Frames))}, escaped through {EscapePoint(block.Frames)}",
                Detail = $"{f.Detail}\n  {block.Header}\n{string.Join("\n", block.Frames.Split('\n').Take(8))}",
            };
        }
    }

    /// <summary>For a failure that is a caught exception (logged with its message by a catch-all), where it was caught; else null.</summary>
    private static string? CatchSite(string kind) =>
        kind.StartsWith("internal error: Scan stopped by an internal error", StringComparison.Ordinal) ? "internal error: Scan stopped by an internal error"
        : kind.StartsWith("caught exception: Could not add SodaCL file", StringComparison.Ordinal) ? "caught exception: Could not add SodaCL file"
        : kind.StartsWith("caught exception: Invalid check", StringComparison.Ordinal) ? "caught exception: Invalid check \"…\": it could not be read"
        : kind.StartsWith("caught exception: Evaluation of check", StringComparison.Ordinal) ? "caught exception: Evaluation of check <check> failed"
        : null;

    private static string ExceptionMessage(string header)
    {
        int colon = header.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? "" : header[(colon + 2)..].Trim();
    }

    /// <summary>The first frame of a stack trace in Sodalite's own code (or the first frame), without file and line.</summary>
    private static string StackTop(string stack) => Frames(stack).FirstOrDefault(f => f.StartsWith("Sodalite.", StringComparison.Ordinal)) ?? Frames(stack).FirstOrDefault() ?? "?";

    /// <summary>
    /// Where the exception left the namespace that threw it (Sodalite's first frame in another namespace, e.g. the parser that called
    /// the Jinja renderer): the place that let it escape, the same for every input of one bug whatever the deepest frame is.
    /// </summary>
    private static string EscapePoint(string stack)
    {
        var frames = Frames(stack).Where(f => f.StartsWith("Sodalite.", StringComparison.Ordinal)).Select(f => f.Split('(')[0]).ToList();
        if (frames.Count == 0) return StackTop(stack);
        string ns = Namespace(frames[0]);
        int at = frames.FindIndex(f => Namespace(f) != ns);
        if (at < 0) at = frames.Count - 1;
        return at + 1 < frames.Count ? $"{frames[at]} (called by {frames[at + 1]})" : frames[at];
    }

    /// <summary>A frame's namespace: Sodalite's are Sodalite.Project.Folder (or Sodalite.Project.Type for a type at a project's root).</summary>
    private static string Namespace(string frame) => string.Join('.', frame.Split('(')[0].Split('.').Take(3));

    private static List<string> Frames(string stack) =>
        [.. stack.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal)).Select(l => Regex.Replace(l[3..], @" in .*$", ""))];

    private static string Strip(string line) => LogStart().Replace(line, "").Trim();

    /// <summary>A message with what varies between inputs taken out: quoted text, numbers and temporary paths.</summary>
    public static string Normalize(string text)
    {
        text = Regex.Replace(text, @"/tmp/\S+", "<path>");
        text = Regex.Replace(text, @"""[^""]*""", "\"…\"");
        text = Regex.Replace(text, @"'[^']*'", "'…'");
        text = Regex.Replace(text, @"\d+", "N");
        return text.Length > 220 ? text[..220] + "…" : text;
    }

    [GeneratedRegex(@"^\s*at (?:Sodalite|System|YamlDotNet|DuckDB|Microsoft)\.[^\s(]+\(.*$", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    /// <summary>"YAML" as a word: a YAML error (not a table named bug_yaml_multidoc).</summary>
    [GeneratedRegex(@"\bYAML\b")]
    private static partial Regex MentionsYaml();

    [GeneratedRegex(@"^\[\d\d:\d\d:\d\d\] ")]
    private static partial Regex LogStart();

    [GeneratedRegex(@"^  \+-> line=(-?\d+),col=(-?\d+) in (.*)$")]
    private static partial Regex LocationLine();

    /// <summary>Messages the code logs when it catches an exception that is a bug (the catch-alls in Scanner and SodaClParser).</summary>
    [GeneratedRegex(@"(Scan stopped by an internal error: .*|Could not add SodaCL file .*?: \w*Exception: .*|Invalid check "".*"": it could not be read \(.*|Evaluation of check .* failed: .*)$")]
    private static partial Regex CaughtBug();

    /// <summary>An exception's ToString() in a -V debug log: "Namespace.TypeException: message" then its "   at" frames.</summary>
    [GeneratedRegex(@"^(?:\[\d\d:\d\d:\d\d\] )?((?:\w+\.)+\w*Exception\b[^\n]*)\n(?:(?![ \t]+at ).*\n){0,10}?((?:[ \t]+at .*(?:\n|$))+)", RegexOptions.Multiline)]
    private static partial Regex ExceptionBlock();
}
