// Scan benchmarks against database servers the bench starts itself (ClickHouse, PostgreSQL): the scan workload's checks over a
// generated orders table, against the best hand-written SQL computing the same values on the same server through the same client,
// in the same run. Reports times and ratios; checks that the values are equal and how many aggregation queries the scan ran for
// the dataset (queries[]); never asserts times.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sodalite.Engine;

namespace Sodalite.Bench;

/// <summary>A server (or cluster) with the orders table, and the hand-written SQL for the workload on it.</summary>
public abstract class BenchTarget : IAsyncDisposable
{
    /// <summary>What the report's row is called, e.g. "ClickHouse, single node".</summary>
    public abstract string Layout { get; }

    /// <summary>Aggregation queries the scan should run for the dataset (design.md §4).</summary>
    public virtual int ExpectedAggregationQueries => 1;

    /// <summary>Starts the server and loads <paramref name="rows"/> orders; returns a line about the load for the log.</summary>
    public abstract Task<string> StartAndLoadAsync(long rows);

    /// <summary>A configuration.yml block for the data source <paramref name="name"/>.</summary>
    public abstract string ConfigurationYaml(string name);

    /// <summary>The workload's values (in <see cref="Workload.Checks"/> order) as hand-written SQL computes them, and the time it took.</summary>
    public abstract Task<(double Seconds, double?[] Values, string Variant)> HandWrittenAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Percentages are rounded to 2 decimals by the client as Python rounds (engines' round() differs on some halves).</summary>
    protected static void RoundPercentages(double?[] values)
    {
        for (int i = 0; i < values.Length; i++)
            if (Workload.Checks[i].Line.Contains("_percent(", StringComparison.Ordinal) && values[i] is double p)
                values[i] = Sodalite.Results.Json.PyFloat.Round(p, 2);
    }
}

public static class ServerBench
{
    public static async Task<int> RunAsync(string title, string[] args, params Func<BenchTarget>[] targets)
    {
        long rows = 10_000_000;
        int runs = 3;
        string? reportPath = null;
        for (int i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--rows": rows = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--report": reportPath = args[++i]; break;
                default: throw new ArgumentException($"unknown option {args[i]}; use --rows N --runs R --report FILE");
            }
        string dir = Directory.CreateTempSubdirectory("sodalite-bench-server-").FullName;
        try
        {
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"Sodalite {title} benchmark: {rows:N0} rows, {Workload.Checks.Length} checks, {runs} runs each (median), {Environment.ProcessorCount} cores, all servers on this machine");
            report.AppendLine();
            report.AppendLine("| layout | load | hand-written SQL | sodalite scan | ratio | sodalite, samples off | ratio | aggregation queries |");
            report.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var make in targets)
            {
                await using var target = make();
                report.AppendLine(await MeasureAsync(target, rows, runs, dir));
            }
            report.AppendLine();
            report.AppendLine("Times are measured by the client: the scan includes connecting, parsing, planning, every query and building the results.");
            Console.WriteLine(report.ToString());
            if (reportPath is not null) File.WriteAllText(reportPath, report.ToString());
            return 0;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static async Task<string> MeasureAsync(BenchTarget target, long rows, int runs, string dir)
    {
        Console.Error.WriteLine($"[bench] {target.Layout}: starting and loading {rows:N0} rows");
        var load = Stopwatch.StartNew();
        string loaded = await target.StartAndLoadAsync(rows);
        load.Stop();
        Console.Error.WriteLine($"[bench]   loaded in {load.Elapsed.TotalSeconds:F1} s{loaded}");

        string config = Path.Combine(dir, "configuration.yml");
        File.WriteAllText(config, target.ConfigurationYaml("orders_db"));
        string checks = Path.Combine(dir, "checks.yml"), checksNoSamples = Path.Combine(dir, "checks-nosamples.yml");
        File.WriteAllText(checks, Workload.ChecksYaml());
        File.WriteAllText(checksNoSamples, Workload.ChecksYaml(samplesLimit: 0));

        var sql = new List<(double Seconds, double?[] Values, string Variant)>();
        var scan = new List<ScanMeasure>();
        var scanNoSamples = new List<ScanMeasure>();
        for (int run = 0; run < runs; run++)
        {
            sql.Add(await target.HandWrittenAsync());
            scan.Add(await ScanAsync(config, checks, target.ExpectedAggregationQueries));
            scanNoSamples.Add(await ScanAsync(config, checksNoSamples, target.ExpectedAggregationQueries));
            if (run == 0)
                foreach (var q in scan[0].Slowest)
                    Console.Error.WriteLine(FormattableString.Invariant($"[bench]     {q.Seconds,6:F2} s  {q.Name}"));
            Console.Error.WriteLine(FormattableString.Invariant(
                $"[bench]   run {run + 1}: SQL {sql[^1].Seconds:F2} s ({sql[^1].Variant}), scan {scan[^1].Seconds:F2} s, scan without samples {scanNoSamples[^1].Seconds:F2} s"));
        }
        Workload.CheckSameValues(sql[0].Values, scan[0].Values);
        Workload.CheckSameValues(sql[0].Values, scanNoSamples[0].Values);
        double best = Median(sql.Select(s => s.Seconds)), s = Median(scan.Select(x => x.Seconds)), n = Median(scanNoSamples.Select(x => x.Seconds));
        return FormattableString.Invariant(
            $"| {target.Layout} | {load.Elapsed.TotalSeconds:F1} s | {best:F2} s | {s:F2} s | {s / best:F2}× | {n:F2} s | {n / best:F2}× | {scan[0].Aggregations} for orders |");
    }

    private sealed record ScanMeasure(double Seconds, double?[] Values, int Aggregations, List<(string Name, double Seconds)> Slowest);

    /// <summary>The median (the upper one of an even count).</summary>
    public static double Median(IEnumerable<double> xs)
    {
        var sorted = xs.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The scan's time, check values, aggregation query count and its slowest queries (reported for the first run).</summary>
    private static async Task<ScanMeasure> ScanAsync(string config, string checks, int expectedAggregations)
    {
        var sw = Stopwatch.StartNew();
        var run = await new Scanner(TimeProvider.System).RunAsync(new ScanOptions { DataSourceName = "orders_db", ConfigurationFiles = [config], CheckPaths = [checks] });
        sw.Stop();
        var values = Workload.FromScan(run);
        int aggregations = run.Queries.Count(q => q.Name.Contains(".orders.aggregation[", StringComparison.Ordinal));
        if (aggregations != expectedAggregations)
            throw new InvalidOperationException($"expected {expectedAggregations} aggregation queries for orders, the scan ran {aggregations}");
        var slowest = run.Queries.Where(q => q.Duration is not null).OrderByDescending(q => q.Duration).Take(5).Select(q => (q.Name, q.Duration!.Value.TotalSeconds)).ToList();
        return new ScanMeasure(sw.Elapsed.TotalSeconds, values, aggregations, slowest);
    }
}
