// Every failure of a fuzz run, grouped by kind, as one message: the seed, how to reproduce each example, and an excerpt of the input.
using System.Text;

namespace Sodalite.Cli.Tests.Fuzzing;

internal sealed class FuzzReport(int seed)
{
    private readonly List<FuzzFailure> _failures = [];

    public int Inputs { get; set; }
    public TimeSpan Elapsed { get; set; }
    public string? StoppedEarly { get; set; }
    public List<(TimeSpan Duration, FuzzInput Input)> Slowest { get; } = [];
    public Dictionary<int, int> ExitCodes { get; } = [];
    private readonly List<double> _millis = [];

    public IReadOnlyList<FuzzFailure> Failures => _failures;

    public void Add(IEnumerable<FuzzFailure> failures) => _failures.AddRange(failures);

    private readonly Dictionary<string, int> _firstErrors = [];

    public void Record(TimeSpan duration, int? exit, FuzzInput input, string? firstError)
    {
        string key = firstError is null ? "(no error)" : firstError.Length > 90 ? firstError[..90] + "…" : firstError;
        _firstErrors[key] = _firstErrors.GetValueOrDefault(key) + 1;
        if (exit is int e) ExitCodes[e] = ExitCodes.GetValueOrDefault(e) + 1;
        _millis.Add(duration.TotalMilliseconds);
        Slowest.Add((duration, input));
        Slowest.Sort((a, b) => b.Duration.CompareTo(a.Duration));
        if (Slowest.Count > 5) Slowest.RemoveAt(5);
    }

    /// <summary>Kinds, most frequent first, each with its failures in input order.</summary>
    public IReadOnlyList<IGrouping<string, FuzzFailure>> Kinds() =>
        [.. _failures.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)];

    public string Summary()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Fuzz run: seed {seed}, {Inputs} inputs in {Elapsed.TotalSeconds:0.0} s ({(Inputs == 0 ? 0 : Elapsed.TotalMilliseconds / Inputs):0} ms per input)" +
                      (StoppedEarly is null ? "" : $", stopped early: {StoppedEarly}"));
        var sorted = _millis.Order().ToList();
        if (sorted.Count > 0)
            sb.AppendLine($"Per input: median {sorted[sorted.Count / 2]:0} ms, 90th percentile {sorted[sorted.Count * 9 / 10]:0} ms, max {sorted[^1]:0} ms");
        sb.AppendLine("Exit codes: " + string.Join(", ", ExitCodes.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}")));
        sb.AppendLine("Slowest: " + string.Join(", ", Slowest.Select(s => $"#{s.Input.Index} {s.Duration.TotalMilliseconds:0} ms ({string.Join("; ", s.Input.Notes)})")));
        sb.AppendLine("Most frequent first errors: " + string.Join(" | ", _firstErrors.OrderByDescending(e => e.Value).Take(12).Select(e => $"{e.Value}x {e.Key}")));
        var kinds = Kinds();
        sb.AppendLine($"{_failures.Count} failures of {kinds.Count} kinds in {_failures.Select(f => f.Input.Index).Distinct().Count()} inputs.");
        int k = 0;
        foreach (var kind in kinds)
        {
            k++;
            var inputs = kind.Select(f => f.Input.Index).Distinct().ToList();
            sb.AppendLine();
            sb.AppendLine($"[{k}] {kind.Key}");
            sb.AppendLine($"    {kind.Count()} times in {inputs.Count} inputs: #{string.Join(", #", inputs.Take(30))}{(inputs.Count > 30 ? ", …" : "")}");
            foreach (var f in kind.DistinctBy(f => f.Input.Index).Take(3))
            {
                sb.AppendLine($"    - input #{f.Input.Index} (SODALITE_FUZZ_SEED={seed} SODALITE_FUZZ_ONLY={f.Input.Index}), from {f.Input.SeedName}, " +
                              $"{f.Input.Text.Length} bytes, mutations: {string.Join("; ", f.Input.Notes)}");
                sb.AppendLine("      detail: " + Indent(f.Detail.Length > 1500 ? f.Detail[..1500] + "…" : f.Detail));
                sb.AppendLine("      input: " + Excerpt(f.Input.Text));
            }
        }
        return sb.ToString();
    }

    private static string Indent(string text) => text.Replace("\n", "\n        ");

    private static string Excerpt(string text)
    {
        string shown = ChecksMutator.Escape(text.Length > 400 ? text[..400] : text);
        return text.Length > 400 ? $"{shown}…(+{text.Length - 400} bytes)" : shown;
    }

    /// <summary>Saves the summary and, for each kind, its first inputs (the bytes as scanned) and their output, for shrinking by hand.</summary>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "summary.txt"), Summary());
        int k = 0;
        foreach (var kind in Kinds())
        {
            k++;
            foreach (var f in kind.DistinctBy(f => f.Input.Index).Take(5))
            {
                string name = Path.Combine(folder, $"kind{k:D2}-input{f.Input.Index}");
                File.WriteAllBytes(name + ".yml", f.Input.Bytes);
                File.WriteAllText(name + ".txt", $"{kind.Key}\n{string.Join("\n", f.Input.Notes)}\nvariables: {string.Join(" ", f.Input.Variables.Select(v => $"-v {v.Key}={v.Value}"))}\n\n{f.Detail}\n\n--- output ---\n{f.Output}");
            }
        }
    }
}
