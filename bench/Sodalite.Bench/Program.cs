// Sodalite's scan benchmark (design.md §4): generate a 10M-row orders table as CSV and Parquet, scan it
// with ~25 SodaCL checks, and compare with the fastest hand-written DuckDB SQL computing the same values,
// in the same run. Each measurement runs in a fresh child process, so peak memory (VmHWM) is its own.
// Reports ratios; never asserts times.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Sodalite.Engine;
using Sodalite.SodaCL.Formats;

namespace Sodalite.Bench;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "child") return await Child(args[1..]);
        if (args.Length > 0 && args[0] == "hub") return await HubLoad.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "hub-serve") return await HubLoad.ServeAsync(args[1..]);
        if (args.Length > 0 && args[0] == "anomaly") return AnomalyBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "pages") return await PagesBench.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "clickhouse") return await ClickHouseTarget.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "postgres") return await PostgresTarget.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "report") return await ReportBench.RunAsync(args[1..]);
        var o = Options.Parse(args);
        // The table is named after the file stem, so each size gets its own folder: DATA/ROWS/orders.*
        string folder = Path.Combine(Path.GetFullPath(o.DataDir), o.Rows.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        string stem = Path.Combine(folder, "orders");
        Generate(stem, o.Rows);
        string checks = Path.Combine(folder, "checks.yml");
        File.WriteAllText(checks, Workload.ChecksYaml());

        var report = new StringBuilder();
        report.AppendLine($"Sodalite scan benchmark: {o.Rows:N0} rows, {Workload.Checks.Length} checks, {o.Runs} runs each (median), {Environment.ProcessorCount} cores");
        report.AppendLine();
        report.AppendLine("| input | hand-written SQL (fastest variant) | sodalite scan | ratio | sodalite, samples off | ratio | peak memory: SQL / sodalite |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (string format in o.Formats)
        {
            string file = $"{stem}.{format}";
            Console.Error.WriteLine($"[bench] {Path.GetFileName(file)} ({new FileInfo(file).Length / 1024.0 / 1024:N0} MB)");
            var m = await MeasureInputAsync(format == "csv" ? ["csv-direct", "csv-load"] : ["parquet"], file, file, checks, o.Runs);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {format} | {m.Sql.Seconds:F2} s ({m.BestVariant}) | {m.Scan.Seconds:F2} s | {m.Scan.Seconds / m.Sql.Seconds:F2}× | {m.ScanNoSamples.Seconds:F2} s | {m.ScanNoSamples.Seconds / m.Sql.Seconds:F2}× | {m.Sql.PeakMb:N0} MB / {m.Scan.PeakMb:N0} MB |");
            foreach (var (v, median) in m.Others)
                report.AppendLine(CultureInfo.InvariantCulture, $"|  | other variant {v}: {median.Seconds:F2} s, {median.PeakMb:N0} MB |  |  |  |  |  |");
        }
        report.AppendLine();
        report.AppendLine("Times are measured inside each child process (connect, parse, plan, queries, results); process start-up of .NET adds about 0.1 s to each.");
        Console.WriteLine(report.ToString());
        if (o.Report is not null) File.WriteAllText(o.Report, report.ToString());
        return 0;
    }

    /// <summary>
    /// Measures one input <paramref name="runs"/> times, each measurement in its own child process: every hand-written SQL
    /// <paramref name="variants"/> over <paramref name="sqlSource"/> (a data file, a .duckdb file or a PostgreSQL connection string),
    /// and the scan with and without failed-row samples over <paramref name="scanSource"/> (a data file, or a configuration.yml whose
    /// data source <c>orders_db</c> holds the orders). Medians; throws unless the scans computed the fastest variant's values.
    /// </summary>
    public static async Task<InputMeasure> MeasureInputAsync(string[] variants, string sqlSource, string scanSource, string checks, int runs)
    {
        var sql = new Dictionary<string, List<Measure>>();
        var scan = new List<Measure>();
        var scanNoSamples = new List<Measure>();
        for (int run = 0; run < runs; run++)
        {
            foreach (var v in variants) Add(sql, v, await RunChild("sql", v, sqlSource, checks));
            scan.Add(await RunChild("scan", "samples", scanSource, checks));
            scanNoSamples.Add(await RunChild("scan", "nosamples", scanSource, checks));
        }
        var (bestVariant, best) = sql.Select(p => (p.Key, Median(p.Value))).MinBy(p => p.Item2.Seconds);
        Workload.CheckSameValues(sql[bestVariant][0].Values, scan[0].Values);
        Workload.CheckSameValues(sql[bestVariant][0].Values, scanNoSamples[0].Values);
        return new InputMeasure(bestVariant, best, Median(scan), Median(scanNoSamples),
            [.. sql.Where(p => p.Key != bestVariant).Select(p => (p.Key, Median(p.Value)))]);
    }

    private static void Add(Dictionary<string, List<Measure>> d, string k, Measure m)
    {
        if (!d.TryGetValue(k, out var l)) d[k] = l = [];
        l.Add(m);
    }

    private static Measure Median(List<Measure> ms)
    {
        var sorted = ms.OrderBy(m => m.Seconds).ToList();
        return sorted[sorted.Count / 2] with { PeakMb = ms.Max(m => m.PeakMb) };
    }

    private static async Task<Measure> RunChild(string kind, string variant, string source, string checks)
    {
        // Under `dotnet run` the program is Sodalite.Bench.dll run by dotnet: pass the assembly when the host is dotnet itself.
        var args = new List<string>();
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") args.Add(typeof(Program).Assembly.Location);
        args.AddRange(["child", kind, variant, source, checks]);
        var p = await ProcessRun.RunAsync(Environment.ProcessPath!, args);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{kind} {variant} failed ({p.ExitCode}): {p.Stderr}");
        var m = JsonSerializer.Deserialize<Measure>(p.Stdout)!;
        Console.Error.WriteLine(FormattableString.Invariant($"[bench]   {kind,-4} {variant,-10} {m.Seconds,6:F2} s  peak {m.PeakMb,6:N0} MB"));
        return m;
    }

    private static async Task<int> Child(string[] args)
    {
        string kind = args[0], variant = args[1], source = args[2], checks = args[3];
        var sw = Stopwatch.StartNew();
        double?[] values = kind != "scan" ? await HandWrittenAsync(source, variant)
            : await Scan(source.EndsWith(".yml", StringComparison.Ordinal)
                ? new ScanOptions { DataSourceName = "orders_db", ConfigurationFiles = [source] }
                : new ScanOptions { DataFile = source }, checks, variant == "samples");
        sw.Stop();
        Console.WriteLine(JsonSerializer.Serialize(new Measure(sw.Elapsed.TotalSeconds, PeakMb(), values)));
        return 0;
    }

    private static async Task<double?[]> Scan(ScanOptions source, string checks, bool samples)
    {
        string path = checks;
        if (!samples)
        {
            path = Path.Combine(Path.GetTempPath(), $"sodalite-bench-{Environment.ProcessId}.yml");
            File.WriteAllText(path, Workload.ChecksYaml(samplesLimit: 0));
        }
        try
        {
            return Workload.FromScan(await new Scanner(TimeProvider.System).RunAsync(source with { CheckPaths = [path] }));
        }
        finally
        {
            if (!samples) File.Delete(path);
        }
    }

    /// <summary>
    /// The best a person writing DuckDB SQL by hand would do: one aggregate pass and one GROUP BY, over a file read in place, a CSV
    /// loaded first, or the orders table of a .duckdb file; or the PostgreSQL variants (<paramref name="file"/>: a connection string).
    /// </summary>
    private static async Task<double?[]> HandWrittenAsync(string file, string variant)
    {
        if (variant is "pg-one" or "pg-apart") return (await PostgresTarget.HandWrittenAsync(file, apart: variant == "pg-apart")).Values;
        string lit = file.Replace("'", "''");
        string source;
        using var c = new DuckDBConnection(variant == "duckdb" ? $"Data Source={file};ACCESS_MODE=READ_ONLY" : "Data Source=:memory:");
        c.Open();
        switch (variant)
        {
            case "duckdb": source = "orders"; break;
            case "csv-load":
                // Parsed once into an in-memory table, row order not kept: the fastest load DuckDB offers.
                Exec(c, "SET preserve_insertion_order = false");
                Exec(c, $"CREATE TABLE orders AS SELECT * FROM read_csv_auto('{lit}')");
                source = "orders";
                break;
            case "csv-direct": source = $"read_csv_auto('{lit}')"; break;
            default: source = $"read_parquet('{lit}')"; break;
        }
        var values = new double?[Workload.Checks.Length];
        using (var cmd = c.CreateCommand())
        {
            var agg = Workload.Checks.Select((ch, i) => (ch, i)).Where(x => x.ch.Sql is not null).ToList();
            cmd.CommandText = $"SELECT {string.Join(",\n ", agg.Select(x => x.ch.Sql))} FROM {source}";
            using var r = cmd.ExecuteReader();
            r.Read();
            for (int k = 0; k < agg.Count; k++) values[agg[k].i] = r.IsDBNull(k) ? null : Convert.ToDouble(r.GetValue(k), CultureInfo.InvariantCulture);
        }
        int dup = Array.FindIndex(Workload.Checks, ch => ch.Sql is null);
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"SELECT count(*) FROM (SELECT order_id FROM {source} WHERE order_id IS NOT NULL GROUP BY order_id HAVING count(*) > 1)";
            values[dup] = Convert.ToDouble(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        return values;
    }

    private static void Exec(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static double PeakMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return double.NaN;
    }

    /// <summary>Writes orders.duckdb (table <c>orders</c>) from orders.parquet once; later runs reuse it.</summary>
    public static void GenerateDuckDb(string stem)
    {
        if (File.Exists(stem + ".duckdb")) return;
        Console.Error.WriteLine($"[bench] generating {stem}.duckdb from {stem}.parquet");
        File.Delete(stem + ".duckdb.tmp");
        using (var c = new DuckDBConnection($"Data Source={stem}.duckdb.tmp"))
        {
            c.Open();
            Exec(c, $"CREATE TABLE orders AS SELECT * FROM read_parquet('{(stem + ".parquet").Replace("'", "''")}')");
            Exec(c, "CHECKPOINT");
        }
        File.Move(stem + ".duckdb.tmp", stem + ".duckdb", true);
    }

    /// <summary>Writes orders.csv and orders.parquet once; later runs reuse them. Deterministic (hash-based).</summary>
    public static void Generate(string stem, long rows)
    {
        if (File.Exists(stem + ".csv") && File.Exists(stem + ".parquet")) return;
        Console.Error.WriteLine($"[bench] generating {rows:N0} orders in {stem}.csv/.parquet");
        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        string select = $"""
            SELECT
              CASE WHEN i % 50000 = 1 THEN i - 1 ELSE i END AS order_id,
              CASE WHEN i % 100003 = 5 THEN NULL ELSE (hash(i) % 500000)::BIGINT END AS customer_id,
              CASE WHEN hash(i * 3) % 100 = 0 THEN NULL
                   WHEN hash(i * 3) % 200 = 1 THEN 'customer' || i || '@invalid'
                   ELSE 'customer' || (hash(i) % 500000) || '@example.com' END AS customer_email,
              DATE '2024-01-01' + (i % 700)::INTEGER AS order_date,
              CASE WHEN hash(i * 5) % 500 = 0 THEN 'unknown'
                   ELSE ['pending', 'shipped', 'delivered', 'cancelled', 'returned'][1 + (hash(i * 7) % 5)::INTEGER] END AS status,
              CASE WHEN hash(i * 11) % 1000 = 0 THEN -((hash(i * 13) % 5000) / 100.0)
                   ELSE (hash(i * 13) % 200000) / 100.0 END::DOUBLE AS amount,
              (1 + hash(i * 17) % 20)::INTEGER AS quantity,
              CASE WHEN hash(i * 19) % 2000 = 0 THEN 1.5 ELSE (hash(i * 19) % 50) / 100.0 END::DOUBLE AS discount,
              CASE WHEN hash(i * 23) % 300 = 0 THEN NULL
                   WHEN hash(i * 23) % 10000 = 1 THEN 'USA'
                   ELSE ['US', 'DE', 'FR', 'BE', 'NL', 'GB', 'ES', 'IT'][1 + (hash(i * 29) % 8)::INTEGER] END AS country
            FROM range({rows}) t(i)
            """;
        Exec(c, $"CREATE TABLE orders AS {select}");
        string csv = (stem + ".csv").Replace("'", "''"), parquet = (stem + ".parquet").Replace("'", "''");
        Exec(c, $"COPY orders TO '{csv}.tmp' (HEADER, DELIMITER ',')");
        Exec(c, $"COPY orders TO '{parquet}.tmp' (FORMAT PARQUET)");
        File.Move(stem + ".csv.tmp", stem + ".csv", true);
        File.Move(stem + ".parquet.tmp", stem + ".parquet", true);
    }

    private sealed record Options(long Rows, string DataDir, int Runs, string[] Formats, string? Report)
    {
        public static Options Parse(string[] args)
        {
            var o = new Options(10_000_000, "bench/data", 3, ["parquet", "csv"], null);
            for (int i = 0; i < args.Length; i++)
                o = args[i] switch
                {
                    "--rows" => o with { Rows = long.Parse(args[++i], CultureInfo.InvariantCulture) },
                    "--data" => o with { DataDir = args[++i] },
                    "--runs" => o with { Runs = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                    "--formats" => o with { Formats = args[++i].Split(',') },
                    "--report" => o with { Report = args[++i] },
                    _ => throw new ArgumentException($"unknown option {args[i]}; use --rows N --data DIR --runs R --formats parquet,csv --report FILE"),
                };
            return o;
        }
    }
}

/// <summary>One measurement in a child process: its own time, its peak resident memory (VmHWM), and the workload's values.</summary>
public sealed record Measure(double Seconds, double PeakMb, double?[] Values);

/// <summary>An input's medians: the fastest hand-written variant, the scan with and without samples, and the other variants.</summary>
public sealed record InputMeasure(string BestVariant, Measure Sql, Measure Scan, Measure ScanNoSamples, IReadOnlyList<(string Variant, Measure Median)> Others);

/// <summary>The ~25 checks and, for each, the hand-written DuckDB expression computing its value (null: the duplicate query).</summary>
public static class Workload
{
    private const string Valid = "'pending', 'shipped', 'delivered', 'cancelled', 'returned'";

    /// <summary>Each check's line, its configuration keys (or null), and its hand-written DuckDB expression (null: the duplicate query).</summary>
    public static readonly (string Line, string? Config, string? Sql)[] Checks =
    [
        ("row_count > 0", null, "count(*)"),
        ("missing_count(order_id) = 0", null, "count(*) - count(order_id)"),
        ("duplicate_count(order_id) = 0", null, null),
        ("missing_count(customer_email) = 0", null, "count(*) - count(customer_email)"),
        ("missing_percent(customer_email) < 5", null, "round((count(*) - count(customer_email)) * 100.0 / count(*), 2)"),
        ("invalid_count(customer_email) = 0", "valid format: email", $"count(*) FILTER (WHERE NOT regexp_matches(customer_email, '{SodaFormats.All["email"].Replace("'", "''")}'))"),
        ("invalid_percent(status) < 1", $"valid values: [{Valid.Replace("'", "")}]", $"round(count(*) FILTER (WHERE status NOT IN ({Valid})) * 100.0 / count(*), 2)"),
        ("min(amount) >= 0", null, "min(amount)"),
        ("max(amount) < 10000", null, "max(amount)"),
        ("avg(amount) between 20 and 1000", null, "avg(amount)"),
        ("sum(amount) > 0", null, "sum(amount)"),
        ("stddev(amount) > 0", null, "stddev(amount)"),
        ("variance(amount) > 0", null, "variance(amount)"),
        ("percentile(amount, 0.95) < 5000", null, "quantile_disc(amount, 0.95)"),
        ("min(quantity) >= 1", null, "min(quantity)"),
        ("max(quantity) <= 50", null, "max(quantity)"),
        ("avg(quantity) < 10", null, "avg(quantity)"),
        ("stddev_pop(quantity) > 0", null, "stddev_pop(quantity)"),
        ("missing_count(country) = 0", null, "count(*) - count(country)"),
        ("min_length(country) = 2", null, "min(length(country))"),
        ("max_length(country) = 2", null, "max(length(country))"),
        ("invalid_count(country) = 0", "valid length: 2", "count(*) FILTER (WHERE length(country) <> 2)"),
        ("avg_length(customer_email) < 40", null, "avg(length(customer_email))"),
        ("invalid_count(discount) = 0", "valid min: 0\n      valid max: 1", "count(*) FILTER (WHERE discount < 0 OR discount > 1)"),
        ("missing_count(customer_id) = 0", null, "count(*) - count(customer_id)"),
    ];

    /// <summary>The comparison is only fair if both sides computed the same numbers (within 1e-9, relative).</summary>
    public static void CheckSameValues(double?[] sql, double?[] scan)
    {
        if (Difference(sql, scan) is { } d) throw new InvalidOperationException(d);
    }

    /// <summary>Where <paramref name="scan"/>'s values differ from <paramref name="sql"/>'s (within 1e-9, relative), or null when they agree.</summary>
    public static string? Difference(double?[] sql, double?[] scan)
    {
        for (int i = 0; i < Checks.Length; i++)
        {
            double? a = sql[i], b = scan[i];
            bool same = a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value));
            if (!same) return $"check {i + 1} ({Checks[i].Line}): hand-written SQL gives {a}, sodalite gives {b}";
        }
        return null;
    }

    /// <summary>The workload's values (in <see cref="Checks"/> order; results come in Soda's check order) from a scan; throws on any error it logged.</summary>
    public static double?[] FromScan(Sodalite.Engine.Output.ScanRun run)
    {
        var errors = run.Logs.Where(l => l.Level == Sodalite.SodaCL.Diagnostics.ScanLogLevel.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException(string.Join("\n", errors.Select(e => e.Message)));
        var byName = run.Results.ToDictionary(r => r.Name);
        return [.. Checks.Select(c => byName[c.Line].Value is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : (double?)null)];
    }

    /// <summary>The workload's values (in <see cref="Checks"/> order) from a Soda results JSON (<c>-srf</c>): each check's diagnostics value.</summary>
    public static double?[] FromResultsJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var byName = new Dictionary<string, double?>();
        foreach (var check in doc.RootElement.GetProperty("checks").EnumerateArray())
        {
            double? value = check.TryGetProperty("diagnostics", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number
                ? v.GetDouble() : null;
            byName[check.GetProperty("name").GetString()!] = value;
        }
        return [.. Checks.Select(c => byName.TryGetValue(c.Line, out var v) ? v : throw new InvalidOperationException($"the results have no check '{c.Line}'"))];
    }

    /// <summary>The checks file: every check of the workload on <c>orders</c>; <paramref name="samplesLimit"/> sets each sampling check's limit.</summary>
    public static string ChecksYaml(int? samplesLimit = null)
    {
        var sb = new StringBuilder("checks for orders:\n");
        foreach (var (line, config, _) in Checks)
        {
            var keys = new List<string>();
            if (config is not null) keys.Add(config);
            if (samplesLimit is int n && (line.StartsWith("missing", StringComparison.Ordinal) || line.StartsWith("invalid", StringComparison.Ordinal) || line.StartsWith("duplicate", StringComparison.Ordinal)))
                keys.Add($"samples limit: {n}");
            sb.Append("  - ").Append(line);
            if (keys.Count == 0) { sb.Append('\n'); continue; }
            sb.Append(":\n");
            foreach (var k in keys) sb.Append("      ").Append(k).Append('\n');
        }
        return sb.ToString();
    }
}
