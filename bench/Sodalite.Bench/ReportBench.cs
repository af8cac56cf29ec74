// The one-run speed report (issue 17, "keep it measured"): for each size and each input (CSV, Parquet, a .duckdb file, PostgreSQL)
// the scan against the fastest hand-written SQL computing the same values, with peak memory; the tiny scan (a 6-row CSV) against
// `sodalite --version`, the runtime's floor; and whole `sodalite scan` processes of the CLI published as users get it, from this
// tree and from a previous release, on the same inputs, so that a regression shows. Prints markdown; checks that the values are
// equal; never asserts times.
using System.Globalization;
using System.Text;
using Sodalite.TestSupport;

namespace Sodalite.Bench;

public static class ReportBench
{
    /// <summary>An input of the report: its hand-written SQL variants and source, and the scan's source (a file or a configuration.yml).</summary>
    private sealed record Input(string Name, string[] Variants, string SqlSource, string ScanSource);

    /// <summary>Runs the report: <c>report [--rows 1000000,10000000] [--runs 3] [--tiny-runs 10] [--previous REV] [--data DIR] [--report FILE]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var o = Options.Parse(args);
        string repo = RepoPaths.Repo;
        string data = Path.GetFullPath(o.DataDir);
        string? previousRev = o.Previous ?? await PublishedCli.NewestTagAsync(repo);
        string temp = Directory.CreateTempSubdirectory("sodalite-bench-report-").FullName;
        PublishedCli? current = null, previous = null;
        try
        {
            current = await PublishedCli.FromWorkingTreeAsync(repo, Path.Combine(data, "cli"));
            if (previousRev is not null) previous = await PublishedCli.FromRevisionAsync(repo, previousRev, Path.Combine(data, "cli"));

            var scans = new StringBuilder();
            var processes = new StringBuilder();
            var loads = new List<string>();
            await using (var pg = new PostgresTarget())
            {
                Console.Error.WriteLine("[bench] starting a private PostgreSQL cluster");
                await pg.StartAsync();
                string pgConfig = Path.Combine(temp, "configuration-postgres.yml");
                File.WriteAllText(pgConfig, pg.ConfigurationYaml("orders_db"));
                foreach (long rows in o.Rows)
                {
                    string rowsText = rows.ToString("N0", CultureInfo.InvariantCulture);
                    // The table is named after the file stem, so each size gets its own folder: DATA/ROWS/orders.*, as the default mode's.
                    string folder = Path.Combine(data, rows.ToString(CultureInfo.InvariantCulture));
                    Directory.CreateDirectory(folder);
                    string stem = Path.Combine(folder, "orders");
                    Program.Generate(stem, rows);
                    Program.GenerateDuckDb(stem);
                    string checks = Path.Combine(folder, "checks.yml");
                    File.WriteAllText(checks, Workload.ChecksYaml());
                    string duckConfig = Path.Combine(folder, "configuration-duckdb.yml");
                    File.WriteAllText(duckConfig, $"data_source orders_db:\n  type: duckdb\n  path: '{(stem + ".duckdb").Replace("'", "''")}'\n");
                    Console.Error.WriteLine($"[bench] PostgreSQL: loading {rowsText} orders");
                    double load = await TimeAsync(() => pg.LoadAsync(rows));
                    loads.Add(FormattableString.Invariant($"{rowsText} rows in {load:F1} s"));

                    Input[] inputs =
                    [
                        new($"CSV ({Megabytes(stem + ".csv")})", ["csv-direct", "csv-load"], stem + ".csv", stem + ".csv"),
                        new($"Parquet ({Megabytes(stem + ".parquet")})", ["parquet"], stem + ".parquet", stem + ".parquet"),
                        new($"DuckDB file ({Megabytes(stem + ".duckdb")})", ["duckdb"], stem + ".duckdb", duckConfig),
                        new("PostgreSQL 15", ["pg-one", "pg-apart"], pg.ConnectionString, pgConfig),
                    ];
                    foreach (var input in inputs)
                    {
                        Console.Error.WriteLine($"[bench] {rowsText} rows, {input.Name}");
                        var m = await Program.MeasureInputAsync(input.Variants, input.SqlSource, input.ScanSource, checks, o.Runs);
                        scans.AppendLine(CultureInfo.InvariantCulture,
                            $"| {rowsText} | {input.Name} | {m.Sql.Seconds:F2} s ({m.BestVariant}) | {m.Scan.Seconds:F2} s | {m.Scan.Seconds / m.Sql.Seconds:F2}× | {m.ScanNoSamples.Seconds:F2} s | {m.ScanNoSamples.Seconds / m.Sql.Seconds:F2}× | {m.Sql.PeakMb:N0} MB / {m.Scan.PeakMb:N0} MB |");

                        var (now, before, note) = await ProcessesAsync(current, previous, input.ScanSource, checks, o.Runs, m.Sql.Values);
                        processes.AppendLine(CultureInfo.InvariantCulture,
                            $"| {rowsText} | {input.Name} | {m.Scan.Seconds:F2} s | {now:F2} s | {Seconds(before)} | {Ratio(now, before)}{note} |");
                    }
                }
            }

            var (tinyScan, tinyVersion) = await TinyAsync(temp, current, previous, o.TinyRuns);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Sodalite speed report: {Workload.Checks.Length} checks, median of {Runs(o.Runs)} ({Runs(o.TinyRuns)} for the tiny scan), {Environment.ProcessorCount} cores; CLI from the {current.Label}, previous release: {previous?.Label ?? "none"}");
            report.AppendLine();
            report.AppendLine("#### Scans against the fastest hand-written SQL");
            report.AppendLine();
            report.AppendLine("| rows | input | hand-written SQL (fastest variant) | sodalite scan | ratio | samples off | ratio | peak memory: SQL / sodalite |");
            report.AppendLine("|---|---|---|---|---|---|---|---|");
            report.Append(scans);
            report.AppendLine();
            report.AppendLine("Each measurement runs in its own process and is timed inside it (connect, parse, plan, queries, results). \"Samples off\" computes exactly what the hand-written SQL computes; the default scan also collects failed-row samples. For PostgreSQL the peak memory is the client process's (the bench's child running the SQL, or the scan): the server's is not counted. The bench's children are JIT-compiled (the published CLI is ReadyToRun), so on small inputs the scan's times here include some JIT work the hand-written SQL's smaller path does not have; the whole processes below do not. PostgreSQL load: " + string.Join(", ", loads) + ".");
            report.AppendLine();
            report.AppendLine("#### The tiny scan (a 6-row CSV, 2 checks), whole processes");
            report.AppendLine();
            report.AppendLine("| process | this tree | previous release | this ÷ previous |");
            report.AppendLine("|---|---|---|---|");
            report.AppendLine(CultureInfo.InvariantCulture, $"| `sodalite scan --data tiny.csv checks.yml` | {tinyScan.Now:F2} s | {Seconds(tinyScan.Before)} | {Ratio(tinyScan.Now, tinyScan.Before)} |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| `sodalite --version` (the runtime's floor) | {tinyVersion.Now:F2} s | {Seconds(tinyVersion.Before)} | {Ratio(tinyVersion.Now, tinyVersion.Before)} |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| the scan's own work (difference) | {tinyScan.Now - tinyVersion.Now:F2} s | {Seconds(tinyScan.Before - tinyVersion.Before)} |  |");
            report.AppendLine();
            report.AppendLine("#### Whole `sodalite scan` processes, this tree and the previous release");
            report.AppendLine();
            report.AppendLine("| rows | input | sodalite scan, in process (above) | `sodalite scan` process, this tree | previous release | this ÷ previous |");
            report.AppendLine("|---|---|---|---|---|---|");
            report.Append(processes);
            report.AppendLine();
            report.AppendLine("Processes are the CLI published as users get it (`dotnet publish src/Sodalite.Cli -c Release -r linux-x64 --self-contained false`: ReadyToRun where that revision's project switches it on), timed from start to exit (the runtime's start-up, the scan with samples, the `-srf` results file), with `--no-history` where the release has it; their values are checked against the hand-written SQL's. A ratio above 1 is a slowdown since the previous release.");
            if (previous is null) report.AppendLine().AppendLine("No previous release given (no git tag, no `--previous REV`): the previous release's columns are empty.");

            Console.WriteLine(report.ToString());
            if (o.Report is not null) File.WriteAllText(o.Report, report.ToString());
            return 0;
        }
        finally
        {
            current?.Dispose();
            previous?.Dispose();
            Directory.Delete(temp, true);
        }
    }

    /// <summary>
    /// Whole <c>sodalite scan</c> processes of this tree's CLI and the previous release's, alternated, <paramref name="runs"/> each:
    /// the medians, and a note when the previous release's values differ from the hand-written SQL's (this tree's must not).
    /// </summary>
    private static async Task<(double Now, double? Before, string Note)> ProcessesAsync(PublishedCli current, PublishedCli? previous, string source, string checks, int runs, double?[] expected)
    {
        var now = new List<double>();
        var before = new List<double>();
        string note = "";
        for (int run = 0; run < runs; run++)
        {
            var (seconds, values) = await current.ScanAsync(source, checks);
            if (run == 0) Workload.CheckSameValues(expected, values);
            now.Add(seconds);
            if (previous is null) continue;
            var (previousSeconds, previousValues) = await previous.ScanAsync(source, checks);
            if (run == 0 && Workload.Difference(expected, previousValues) is { } d) note = $" (previous release's values differ: {d})";
            before.Add(previousSeconds);
        }
        return (ServerBench.Median(now), before.Count > 0 ? ServerBench.Median(before) : null, note);
    }

    /// <summary>The tiny scan and <c>sodalite --version</c>, each CLI alternately, after one unmeasured run of each (medians).</summary>
    private static async Task<((double Now, double? Before) Scan, (double Now, double? Before) Version)> TinyAsync(string temp, PublishedCli current, PublishedCli? previous, int runs)
    {
        string csv = Path.Combine(temp, "tiny.csv"), checks = Path.Combine(temp, "checks.yml");
        File.WriteAllText(csv, "id,name\n1,a\n2,b\n3,c\n4,d\n5,e\n6,f\n");
        File.WriteAllText(checks, "checks for tiny:\n  - row_count > 0\n  - missing_count(id) = 0\n");
        string[] scan = ["scan", "--data", csv, checks], version = ["--version"];
        var clis = previous is null ? new[] { current } : [current, previous];
        var times = clis.ToDictionary(c => c, _ => (Scan: new List<double>(), Version: new List<double>()));
        Console.Error.WriteLine("[bench] the tiny scan and --version");
        for (int run = -1; run < runs; run++)
            foreach (var cli in clis)
            {
                double s = await cli.TimeAsync(scan), v = await cli.TimeAsync(version);
                if (run < 0) continue;
                times[cli].Scan.Add(s);
                times[cli].Version.Add(v);
            }
        double? Before(Func<(List<double> Scan, List<double> Version), List<double>> pick) => previous is null ? null : ServerBench.Median(pick(times[previous]));
        return ((ServerBench.Median(times[current].Scan), Before(t => t.Scan)), (ServerBench.Median(times[current].Version), Before(t => t.Version)));
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalSeconds;
    }

    private static string Runs(int n) => n == 1 ? "1 run" : FormattableString.Invariant($"{n} runs");

    private static string Megabytes(string file) => new FileInfo(file).Length / 1024.0 / 1024 is var mb && mb < 10
        ? FormattableString.Invariant($"{mb:F1} MB") : FormattableString.Invariant($"{mb:N0} MB");

    private static string Seconds(double? s) => s is double x ? FormattableString.Invariant($"{x:F2} s") : "—";

    private static string Ratio(double now, double? before) => before is double b ? FormattableString.Invariant($"{now / b:F2}×") : "—";

    private sealed record Options(long[] Rows, int Runs, int TinyRuns, string? Previous, string DataDir, string? Report)
    {
        public static Options Parse(string[] args)
        {
            var o = new Options([1_000_000, 10_000_000], 3, 10, null, "bench/data", null);
            for (int i = 0; i < args.Length; i++)
                o = args[i] switch
                {
                    "--rows" => o with { Rows = [.. args[++i].Split(',').Select(r => long.Parse(r, CultureInfo.InvariantCulture))] },
                    "--runs" => o with { Runs = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                    "--tiny-runs" => o with { TinyRuns = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                    "--previous" => o with { Previous = args[++i] },
                    "--data" => o with { DataDir = args[++i] },
                    "--report" => o with { Report = args[++i] },
                    _ => throw new ArgumentException($"unknown option {args[i]}; use --rows 1000000,10000000 --runs R --tiny-runs R --previous REV --data DIR --report FILE"),
                };
            return o;
        }
    }
}
