// Fuzz test of `sodalite scan` on mutated checks files (issue 11: no crash, no hang, no error without a location).
//
// Each input is one of the corpus files (every acceptance case's checks.yml and samples/retail/checks.yml) with one to three random
// mutations (ChecksMutator: byte flips, line and indentation edits, tabs, unicode and invalid UTF-8, anchors/aliases/merge keys,
// alias bombs, deep nesting, huge numbers and durations, long lines, documents, directives, tags, garbage, BOMs, CRLF, broken
// thresholds and Jinja...). It is scanned in-process through SodaliteCli.RunAsync against a DuckDB file holding the corpus's
// tables, and FuzzRunner checks that the run ends within the time limit with exit 0-3, no exception, no stack trace or internal
// error, every YAML error with a "+-> line=L,col=C" location, and a results file of valid JSON. All failures of the run are
// reported together, grouped by kind, with the seed and an excerpt of each example input.
//
// In CI (dotnet test): a fixed seed and 2,000 inputs (about 35 s on 2 cores, 16 ms per input; the run also stops at a 90 s budget).
//
// A longer run, from the repository root:
//   dotnet build tests/Sodalite.Cli.Tests -nologo -v q
//   SODALITE_FUZZ_COUNT=10000 SODALITE_FUZZ_SEED=7 SODALITE_FUZZ_OUT=/tmp/fuzz \
//     dotnet test tests/Sodalite.Cli.Tests --nologo --no-build --filter FullyQualifiedName~Fuzz
// Environment variables (all optional):
//   SODALITE_FUZZ_COUNT      number of inputs (default 2000); when set, no time budget applies unless SODALITE_FUZZ_BUDGET_S is set
//   SODALITE_FUZZ_SEED       seed of the run (default 20240611)
//   SODALITE_FUZZ_ONLY       comma-separated input numbers to run alone (reproduces an example of the report with its seed)
//   SODALITE_FUZZ_TIMEOUT_S  per-input time limit in seconds (default 10)
//   SODALITE_FUZZ_BUDGET_S   stop starting new inputs after this many seconds (default 90 in CI, none for a set count)
//   SODALITE_FUZZ_OUT        folder for summary.txt, the failing inputs (bytes as scanned, and their output), and the DuckDB
//                            database with a configuration.yml to scan them again by hand (sodalite scan -d pg -c ... FILE)
using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Sodalite.Cli.Tests.Fuzzing;

public sealed class ChecksFuzzTests(ITestOutputHelper output)
{
    private const int CiCount = 2000;
    private const int CiSeed = 20240611;
    private const int CiBudgetSeconds = 90;
    /// <summary>After this many inputs that never ended (each still holds a thread), the run stops: the rest would not be measured fairly.</summary>
    private const int MaxHangs = 3;

    [Fact]
    public async Task Mutated_checks_files_end_in_time_with_exit_0_to_3_no_stack_trace_and_located_yaml_errors()
    {
        string? countText = Env("SODALITE_FUZZ_COUNT");
        int count = countText is null ? CiCount : int.Parse(countText, CultureInfo.InvariantCulture);
        int seed = Env("SODALITE_FUZZ_SEED") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : CiSeed;
        var limit = TimeSpan.FromSeconds(Env("SODALITE_FUZZ_TIMEOUT_S") is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : 10);
        double? budget = Env("SODALITE_FUZZ_BUDGET_S") is { } b ? double.Parse(b, CultureInfo.InvariantCulture) : countText is null ? CiBudgetSeconds : null;
        IEnumerable<int> indexes = Env("SODALITE_FUZZ_ONLY") is { } only
            ? only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => int.Parse(i, CultureInfo.InvariantCulture))
            : Enumerable.Range(0, count);

        var corpus = FuzzSeed.Load();
        Assert.True(corpus.Count > 50, $"only {corpus.Count} corpus files found under {Sodalite.TestSupport.RepoPaths.Acceptance}");
        var mutator = new ChecksMutator([.. corpus.Select(c => c.Text)]);
        using var database = new FuzzDatabase();
        var runner = new FuzzRunner(database, limit);
        var report = new FuzzReport(seed);

        // Warm-up (JIT, DuckDB's first open) on the unmutated sample, outside the time limit's measure.
        await new FuzzRunner(database, TimeSpan.FromMinutes(2)).RunAsync(new FuzzInput(-1, corpus[^1].Name, ["none"], corpus[^1].Text, corpus[^1].Variables));

        var clock = Stopwatch.StartNew();
        int hangs = 0;
        foreach (int index in indexes)
        {
            if (budget is double seconds && clock.Elapsed.TotalSeconds > seconds)
            {
                report.StoppedEarly = $"time budget of {seconds:0} s reached";
                break;
            }
            var input = FuzzInput.Create(seed, index, corpus, mutator);
            // Should an input take the whole test process down (out of memory, stack overflow), the last one started is on disk.
            if (Env("SODALITE_FUZZ_OUT") is { } started)
            {
                Directory.CreateDirectory(started);
                File.WriteAllBytes(Path.Combine(started, "last-started.yml"), input.Bytes);
                File.WriteAllText(Path.Combine(started, "last-started.txt"), $"input #{index} of seed {seed} from {input.SeedName}: {string.Join("; ", input.Notes)}\n");
            }
            var outcome = await runner.RunAsync(input);
            report.Inputs++;
            report.Add(outcome.Failures);
            report.Record(outcome.Duration, outcome.ExitCode, input, outcome.FirstError);
            if (outcome.Hung && ++hangs >= MaxHangs)
            {
                report.StoppedEarly = $"{hangs} inputs did not end";
                break;
            }
        }
        report.Elapsed = clock.Elapsed;

        string summary = report.Summary();
        output.WriteLine(summary);
        if (Env("SODALITE_FUZZ_OUT") is { } folder)
        {
            report.Save(folder);
            database.SaveCopy(folder);
        }
        Assert.True(report.Failures.Count == 0, summary);
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
