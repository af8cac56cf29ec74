// The `sodalite` command: scan, convert, serve (the hub), ingest and push results, the metric history, read the hub's issues and scores, and the QALITA pack.
using System.CommandLine;
using System.Globalization;
using Sodalite.Engine;
using Sodalite.Engine.Output;
using Sodalite.Results;
using Sodalite.Results.Json;
using Sodalite.Results.Model;
using Sodalite.Results.Qalita;
using Sodalite.Results.Soda;
using Sodalite.SodaCL.Diagnostics;

namespace Sodalite.Cli;

public static partial class SodaliteCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var root = new RootCommand("Sodalite: SodaCL data quality checks on DuckDB (files), PostgreSQL, MariaDB/MySQL and ClickHouse, with Soda results and QALITA artifacts.");
        root.Subcommands.Add(ScanCommand(stdout, stderr, time));
        // A scan needs no other command: building them all (dozens of options) would cost its start-up.
        if (args is not ["scan", ..]) AddOtherCommands(root, stdout, stderr, time);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) await stderr.WriteLineAsync($"sodalite: {e.Message}");
            // Name the help of the command that was being parsed (`sodalite scan --help`), as click's "Try 'soda scan --help' for help.".
            await stderr.WriteLineAsync($"Run '{HelpCommand(parse.CommandResult)}' for usage.");
            return 3;
        }
        try
        {
            // The library's own handler would print the exception and exit 1, which Soda and CI scripts read as "warnings".
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("sodalite: cancelled.");
            return 3;
        }
        catch (Exception e)
        {
            // design.md §5: a bug or broken infrastructure still ends in one clear line and exit 3 (error), never 0 or 1.
            await stderr.WriteLineAsync($"sodalite: internal error ({e.GetType().Name}): {OneLine(e.Message)}. Please report it with the command and input that caused it.");
            if (Environment.GetEnvironmentVariable("SODALITE_DEBUG") is { Length: > 0 }) await stderr.WriteLineAsync(e.ToString());
            return 3;
        }
    }

    private static void AddOtherCommands(RootCommand root, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        root.Subcommands.Add(ConvertCommand(stdout, stderr));
        root.Subcommands.Add(ServeCommand(stdout, stderr));
        root.Subcommands.Add(IngestCommand(stdout, stderr));
        root.Subcommands.Add(PushCommand(stdout, stderr));
        root.Subcommands.Add(HistoryCommand(stdout, stderr));
        root.Subcommands.Add(IssuesCommand(stdout, stderr));
        root.Subcommands.Add(ScoresCommand(stdout, stderr));
        root.Subcommands.Add(PackCommand(stdout, stderr, time));
        root.Subcommands.Add(TestConnectionCommand(stdout, time));
    }

    /// <summary>The Soda warning when no -c is given and the default configuration file does not exist.</summary>
    private const string MissingDefaultConfiguration = Engine.Scanner.NoConfigurationFile;

    /// <summary>`sodalite scan --help` for the (sub)command a parse stopped in.</summary>
    private static string HelpCommand(System.CommandLine.Parsing.CommandResult? command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, c.Command is RootCommand ? "sodalite" : c.Command.Name);
        if (names.Count == 0) names.Add("sodalite");
        return string.Join(" ", names) + " --help";
    }

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static Command ScanCommand(TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var ds = new Option<string?>("--data-source", "-d") { Description = "Data source name from the configuration file: a duckdb (DuckDB file, CSV, Parquet, JSON), postgres, mysql (MariaDB/MySQL) or clickhouse block (env SODA_DATA_SOURCE)." };
        var cfg = new Option<string[]>("--configuration", "-c") { Description = "configuration.yml with data_source blocks (repeatable; default ~/.soda/configuration.yml).", AllowMultipleArgumentsPerToken = false };
        var vars = new Option<string[]>("--variable", "-v") { Description = "A scan variable KEY=VALUE (repeatable)." };
        var def = new Option<string>("--scan-definition", "-s") { Description = "Scan definition name.", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SODA_SCAN_DEFINITION") ?? "Soda Core CLI" };
        var ts = new Option<string?>("--data-timestamp", "-t") { Description = "Data timestamp (ISO 8601)." };
        var verbose = new Option<bool>("--verbose", "-V") { Description = "Debug logs: every query's SQL." };
        var srf = new Option<string?>("--scan-results-file", "-srf") { Description = "Write the Soda results JSON to this file." };
        var data = new Option<string[]>("--data") { Description = "Scan CSV, Parquet or JSON files directly, each a table named after its stem (repeatable; a folder: each file in it), or a DuckDB file (no configuration file needed)." };
        var checksOpt = new Option<string[]>("--checks") { Description = "Checks file or folder (same as the positional paths)." };
        var artifacts = new Option<string?>("--artifacts") { Description = "Write metrics.json, recommendations.json, schemas.json and soda_results.json to this folder." };
        var label = new Option<string?>("--label") { Description = "QALITA dataset label for the artifacts (default: with --push qalita the QALITA source's name, else the scanned table)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print each planned query and the checks it serves; runs only the catalog queries planning needs, nothing else." };
        var paths = new Argument<string[]>("checks") { Description = "Checks files or folders.", Arity = ArgumentArity.ZeroOrMore };
        var push = new Option<string?>("--push") { Description = "After the scan, push the results: hub (the Sodalite hub) or qalita (a QALITA platform). Exit 4 or 5 when the push fails." };
        push.AcceptOnlyFromAmong("hub", "qalita");
        var history = HistoryOption();
        var noHistory = new Option<bool>("--no-history") { Description = "Keep no metric history: change-over-time checks then report that they need one, as in Soda Core without Soda Cloud." };
        var pushSource = new Option<string?>("--source") { Description = "--push hub: the hub source (default: the data source name)." };
        var maxDepth = new Option<int>("--yaml-max-depth") { Description = "Deepest YAML nesting read from a checks or configuration file.", DefaultValueFactory = _ => SodaCL.Yaml.YamlLimits.Default.MaxDepth };
        var maxNodes = new Option<long>("--yaml-max-nodes") { Description = "Most YAML nodes a file may hold once its aliases are expanded.", DefaultValueFactory = _ => SodaCL.Yaml.YamlLimits.Default.MaxNodes };
        var maxSize = new Option<long>("--max-file-size") { Description = "Largest checks or configuration file read, in bytes.", DefaultValueFactory = _ => SodaCL.Yaml.YamlLimits.Default.MaxFileBytes };
        foreach (var limit in new Option[] { maxDepth, maxNodes, maxSize })
            limit.Validators.Add(r =>
            {
                if (r.Tokens.Count > 0 && (!long.TryParse(r.Tokens[^1].Value, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n < 1))
                    r.AddError($"{r.Option.Name} takes a whole number of 1 or more, not '{r.Tokens[^1].Value}'.");
            });
        vars.Validators.Add(r =>
        {
            foreach (var t in r.Tokens)
                if (t.Value.IndexOf('=') <= 0)
                    r.AddError($"-v/--variable takes KEY=VALUE, not '{t.Value}' (e.g. -v DATE=2024-01-31).");
        });
        paths.Validators.Add(r =>
        {
            // A mistyped option (--frobnicate, --srf) would otherwise be taken for a checks path.
            foreach (var t in r.Tokens)
                if (t.Value.StartsWith('-') && t.Value.Length > 1 && !File.Exists(t.Value) && !Directory.Exists(t.Value))
                    r.AddError($"Unknown option '{t.Value}'{(t.Value == "--srf" ? " (did you mean -srf?)" : "")}.");
        });
        var pushOptions = new PushOptions();
        var cmd = new Command("scan", "Run SodaCL checks on DuckDB files (CSV, Parquet, JSON, .duckdb), PostgreSQL, MariaDB/MySQL or ClickHouse, as `soda scan` does. Exit 0 pass, 1 warn, 2 fail, 3 error.") { ds, cfg, vars, def, ts, verbose, srf, data, checksOpt, artifacts, label, dryRun, push, pushSource, history, noHistory, maxDepth, maxNodes, maxSize, paths };
        foreach (var opt in pushOptions.All) cmd.Options.Add(opt);
        cmd.SetAction(async (pr, ct) =>
        {
            var variables = new Dictionary<string, string>();
            foreach (var kv in pr.GetValue(vars) ?? [])
            {
                int eq = kv.IndexOf('=');
                if (eq > 0 && eq < kv.Length - 1) variables[kv[..eq]] = kv[(eq + 1)..];
            }
            DateTimeOffset? dataTs = null;
            if (pr.GetValue(ts) is { } tsText)
            {
                if (!DateTimeOffset.TryParse(tsText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    await stderr.WriteLineAsync($"sodalite: --data-timestamp \"{tsText}\" is not an ISO 8601 timestamp (e.g. 2024-01-31T00:00:00Z).");
                    return 3;
                }
                dataTs = parsed;
            }
            await using var store = pr.GetValue(noHistory) ? null
                : await OpenHistoryAsync(pr.GetValue(history), pr.GetValue(pushOptions.Token), pr.GetValue(pushSource), stderr, ct, inBackground: true);
            if (!pr.GetValue(noHistory) && store is null) return 3;
            var options = new ScanOptions
            {
                History = store,
                DataSourceName = pr.GetValue(ds) ?? Environment.GetEnvironmentVariable("SODA_DATA_SOURCE"),
                ConfigurationFiles = pr.GetValue(cfg) is { Length: > 0 } c ? c : DefaultConfiguration(),
                CheckPaths = [.. pr.GetValue(paths) ?? [], .. pr.GetValue(checksOpt) ?? []],
                DataPaths = pr.GetValue(data) ?? [],
                Variables = variables,
                DefinitionName = pr.GetValue(def)!,
                DataTimestamp = dataTs,
                Verbose = pr.GetValue(verbose),
                DryRun = pr.GetValue(dryRun),
                // QALITA's rows_analyzed is the table's row count: counted when no check measures it.
                CountRows = pr.GetValue(artifacts) is not null || pr.GetValue(push) == "qalita",
                ReadTableColumns = pr.GetValue(artifacts) is not null || pr.GetValue(push) == "qalita",
                YamlLimits = new SodaCL.Yaml.YamlLimits(pr.GetValue(maxSize), pr.GetValue(maxDepth), pr.GetValue(maxNodes)),
            };
            bool verboseOn = options.Verbose;
            var zone = TimeZoneInfo.Local;
            // Soda loads .env from the working folder over the environment (override=True); here without changing the process's own.
            Dictionary<string, string> dotEnv;
            try
            {
                dotEnv = DotEnvFile.Read(Path.Combine(Environment.CurrentDirectory, ".env"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
            {
                await stderr.WriteLineAsync($"sodalite: could not read {Path.Combine(Environment.CurrentDirectory, ".env")}: {OneLine(e.Message)}");
                return 3;
            }
            // The live status (a terminal) or plain progress lines (a log) on stderr; Soda's console lines pass through it to stdout.
            using var status = ScanStatus.For(stdout, stderr, Environment.GetEnvironmentVariable);
            var scanner = new Scanner(time,
                l => { if (l.Level != ScanLogLevel.Debug || verboseOn) status.WriteLine(ConsoleFormatter.Format(l, zone), l.Level == ScanLogLevel.Error); },
                status.Mode == StatusMode.Off ? null : status.Report,
                name => dotEnv.TryGetValue(name, out var fromFile) ? fromFile : Environment.GetEnvironmentVariable(name));
            var run = await scanner.RunAsync(options, ct);
            status.Clear();
            if (options.DryRun)
            {
                // A dry run writes no results, artifacts or pushes; without a plan (the data source could not be reached) it is an error.
                if (scanner.DryRun is not { } plan) return 3;
                await stdout.WriteAsync(PlanListing.Write(plan, scanner.DryRunCatalogQueries));
                return run.ExitCode == 3 ? 3 : 0;
            }
            var errors = run.Logs.Where(l => l.Level == ScanLogLevel.Error).ToList();
            if (errors.Count > 0)
            {
                status.WriteLine("ERRORS:", error: true);
                foreach (var e in errors) status.WriteLine(ConsoleFormatter.Format(e, zone), error: true);
            }
            int exit = run.ExitCode;
            var results = ResultsDocument.Build(run);
            string resultsJson = SodaJsonWriter.Write(results);
            if (pr.GetValue(srf) is { } file)
            {
                await stdout.WriteLineAsync($"Saving scan results to {file}");
                try { AtomicFile.WriteAllText(file, resultsJson); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await stdout.WriteLineAsync($"Error: could not write {file}: {e.Message}");
                    exit = 3;
                }
            }
            string? artifactsDir = pr.GetValue(artifacts) ?? (pr.GetValue(push) == "qalita" ? Directory.CreateTempSubdirectory("sodalite-artifacts-").FullName : null);
            if (artifactsDir is { } dir)
            {
                var tables = run.Results.Select(r => r.Check.Definition.Table).OfType<string>().Distinct().ToList();
                string dataset = tables.FirstOrDefault() ?? run.DataSourceName;
                try
                {
                    long? rows = Engine.CheckTypes.MetricCheck.BuiltInMetrics.MeasuredRowCount(run, dataset)
                        ?? (run.RowCounts.TryGetValue(dataset, out long counted) ? counted : null);
                    // schemas.json lists the table's columns as the catalog has them (all of them, not only those checked).
                    var columns = run.TableColumns.TryGetValue(dataset, out var cols) && cols.Count > 0 ? cols.Select(c => c.Name).ToList() : null;
                    string name = pr.GetValue(label) ?? (pr.GetValue(push) == "qalita" ? await QalitaSourceNameAsync(pr, pushOptions, ct) : null) ?? dataset;
                    var a = QalitaArtifacts.Build(results, name, dataset, rows ?? 0, columns);
                    foreach (var p in a.WriteTo(dir, resultsJson)) await stdout.WriteLineAsync($"Wrote {p}");
                    // logs.txt: the scan's log as the console showed it, uploaded as the QALITA job's logs.
                    string logsTxt = Path.Combine(dir, Sodalite.Qalita.PushService.LogsFile);
                    AtomicFile.WriteAllText(logsTxt, string.Concat(run.Logs.Select(l => ConsoleFormatter.Format(l, zone) + "\n")));
                    await stdout.WriteLineAsync($"Wrote {logsTxt}");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArtifactException)
                {
                    await stderr.WriteLineAsync($"sodalite: could not write artifacts to {dir}: {e.Message}");
                    exit = 3;
                }
            }
            // The scan's exit code stands unless the push fails, which has codes of its own (4 refused, 5 kept in the outbox).
            int pushed = pr.GetValue(push) switch
            {
                // The hub gets the -srf document and the failed-row samples (its idempotency key leaves the samples out).
                "hub" => await PushToHubAsync(pr, pushOptions, pr.GetValue(pushSource) ?? run.DataSourceName, System.Text.Encoding.UTF8.GetBytes(SodaJsonWriter.WritePushBody(results)), stdout, stderr, ct),
                "qalita" when File.Exists(Path.Combine(artifactsDir!, "metrics.json")) => await PushToQalitaAsync(pr, pushOptions, artifactsDir!, stdout, stderr, ct),
                "qalita" => await NothingToPush(stderr),
                _ => 0,
            };
            return pushed != 0 ? pushed : exit;
        });
        return cmd;
    }

    private static string[] DefaultConfiguration()
    {
        string home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".soda", "configuration.yml");
        return File.Exists(home) ? [home] : [];
    }

    private static async Task<int> NothingToPush(TextWriter stderr)
    {
        await stderr.WriteLineAsync("sodalite: nothing pushed to QALITA: the scan wrote no artifacts (see the errors above).");
        return 0;
    }

    private static Command ServeCommand(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:3080" };
        var db = new Option<string?>("--db") { Description = "A SQLite file (default: sodalite/hub.db in the user's local application data folder, ~/.local/share on Linux), or PostgreSQL: postgres://user:password@host:port/database or Host=...;Database=... (env SODALITE_HUB_DB)." };
        var noSamples = new Option<bool>("--no-samples") { Description = "Keep no failed-row samples (for sensitive data; env SODALITE_HUB_SAMPLES=off)." };
        var sampleRows = new Option<int?>("--sample-rows") { Description = "Most failed rows kept per check (default 100; env SODALITE_HUB_SAMPLE_ROWS)." };
        var sampleBytes = new Option<long?>("--sample-bytes") { Description = "Most bytes of failed rows kept per scan (default 1048576; env SODALITE_HUB_SAMPLE_BYTES)." };
        sampleRows.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 0) r.AddError("--sample-rows takes a number of rows, 0 or more."); });
        sampleBytes.Validators.Add(r => { if (r.GetValueOrDefault<long?>() is < 0) r.AddError("--sample-bytes takes a number of bytes, 0 or more."); });
        var cmd = new Command("serve", "Run the hub: stores results, keeps scores, opens and resolves issues, and shows them in the browser (sign in at /login). The first admin comes from SODALITE_ADMIN_USERNAME / SODALITE_ADMIN_PASSWORD.") { urls, db, noSamples, sampleRows, sampleBytes };
        cmd.SetAction(async (pr, ct) =>
        {
            var options = new Hub.HubOptions { Urls = pr.GetValue(urls)!, Database = pr.GetValue(db) }.WithEnvironment(Environment.GetEnvironmentVariable);
            options = options with
            {
                StoreSamples = options.StoreSamples && !pr.GetValue(noSamples),
                SampleRowsPerCheck = pr.GetValue(sampleRows) ?? options.SampleRowsPerCheck,
                SampleBytesPerScan = pr.GetValue(sampleBytes) ?? options.SampleBytesPerScan,
            };
            var app = Hub.HubServer.Build(options);
            try
            {
                await Hub.HubServer.PrepareAsync(app, ct);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"sodalite: cannot open the hub's database ({options.Database ?? Hub.HubOptions.DefaultSqlitePath}): {e.Message}");
                return 3;
            }
            try
            {
                await app.StartAsync(ct);
            }
            catch (IOException e)
            {
                // Most often the port is taken (another hub, another server).
                await stderr.WriteLineAsync($"sodalite: the hub cannot listen on {options.Urls}: {e.Message} Stop what uses it or choose another address with --urls.");
                return 3;
            }
            await stdout.WriteLineAsync($"Sodalite hub {Hub.HubServer.Version} on {options.Urls} (pages: sign in at {options.Urls.Split(';')[0]}/login), storing in {(options.Database is { } d && d.Contains("://", StringComparison.Ordinal) ? "PostgreSQL" : options.Database ?? Hub.HubOptions.DefaultSqlitePath)}"
                + (options.StoreSamples ? "" : "; keeping no failed-row samples"));
            if (options.AdminUsername is null) await stdout.WriteLineAsync("No admin configured: set SODALITE_ADMIN_USERNAME and SODALITE_ADMIN_PASSWORD before the first start.");
            await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(app, ct);
            return 0;
        });
        return cmd;
    }

    private static Command ConvertCommand(TextWriter stdout, TextWriter stderr)
    {
        var results = new Option<string>("--results") { Description = "A Soda results JSON file (sodalite's or real Soda Core's -srf / get_scan_results()).", Required = true };
        var label = new Option<string>("--label") { Description = "The QALITA dataset label (the source name).", Required = true };
        var rows = new Option<long?>("--rows-analyzed") { Description = "Rows in the dataset (default: the unfiltered row_count metric)." };
        var dataset = new Option<string?>("--dataset") { Description = "The table the results are about (default: the label)." };
        var artifacts = new Option<string>("--artifacts") { Description = "Output folder.", Required = true };
        var cmd = new Command("convert", "Make QALITA artifacts from a Soda results file.") { results, label, rows, dataset, artifacts };
        cmd.SetAction(async (pr, ct) =>
        {
            string file = pr.GetValue(results)!;
            string text;
            ScanResult doc;
            try
            {
                text = await File.ReadAllTextAsync(file, ct);
                doc = SodaJsonReader.Parse(text);
            }
            catch (FileNotFoundException)
            {
                await stderr.WriteLineAsync($"sodalite: results file not found: {file}");
                return 3;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync(Directory.Exists(file)
                    ? $"sodalite: --results {file} is a folder: pass the results JSON file a scan wrote with -srf."
                    : $"sodalite: cannot read results file {file}: {e.Message}");
                return 3;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or SodaJsonException)
            {
                await stderr.WriteLineAsync($"sodalite: {file} is not a Soda results document: {e.Message}");
                return 3;
            }
            try
            {
                var a = QalitaArtifacts.Build(doc, pr.GetValue(label)!, pr.GetValue(dataset), pr.GetValue(rows));
                // soda_results.json: the document as given, in Python's layout.
                foreach (var p in a.WriteTo(pr.GetValue(artifacts)!, PyJson.Reformat(text))) await stdout.WriteLineAsync($"Wrote {p}");
                return 0;
            }
            catch (ArtifactException e)
            {
                await stderr.WriteLineAsync($"sodalite: {e.Message}");
                return 3;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"sodalite: could not write artifacts to {pr.GetValue(artifacts)}: {e.Message}");
                return 3;
            }
        });
        return cmd;
    }
}
