// One scan end to end: parse → plan → run → judge → results (design.md §1).
using Sodalite.Engine.DataSources;
using Sodalite.Engine.Evaluation;
using Sodalite.Engine.Execution;
using Sodalite.Engine.Output;
using Sodalite.Engine.Planning;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;
using Sodalite.SodaCL.Variables;

namespace Sodalite.Engine;

/// <summary>
/// Runs one scan end to end (<see cref="RunAsync"/>): reads the configuration and checks, plans, runs the queries and samples,
/// judges the checks and answers the results, as Soda Core's <c>soda scan</c> does.
/// </summary>
/// <param name="time">The scan's clock (timestamps, NOW).</param>
/// <param name="onLog">Told each log record as it is made (the console shows them as they come).</param>
/// <param name="onProgress">Told each step before it starts (connecting, query n of m, sample n of m, finished), for a live status.</param>
/// <param name="environment">Looks an environment variable up (env_var() and ${VAR}); the process's environment when null.</param>
public sealed class Scanner(TimeProvider time, Action<ScanLog>? onLog = null, Action<ScanProgress>? onProgress = null, Func<string, string?>? environment = null)
{
    public const string Version = "0.1.0";

    /// <summary>The warning of a scan given no configuration file (Soda's words, and what to do).</summary>
    public const string NoConfigurationFile = "No configuration file specified nor found in ~/.soda/configuration.yml: pass -c configuration.yml or create the default file.";

    /// <summary>
    /// One COUNT(*) per checked table whose unfiltered row_count no check measured (QALITA's rows_analyzed); a failure is logged
    /// (debug) and leaves the table out. Not listed in queries[]: the results document stays what Soda would write.
    /// </summary>
    private static async Task CountRowsAsync(DataSource ds, ScanPlan plan, Measurements measured, Dictionary<string, long> counts, ScanLogger log, CancellationToken ct)
    {
        foreach (var table in plan.Checks.Select(c => c.Definition.Table).OfType<string>().Distinct())
        {
            bool measuredHere = plan.Metrics.Any(m => m.Name == "row_count" && m.Filter is null && m.Partition is null && m.Table == table
                                                      && measured[m].Value is long);
            if (measuredHere) continue;
            try
            {
                string sql = $"SELECT COUNT(*) FROM {ds.QualifiedTable(table)}";
                counts[table] = await ds.ReadAsync(sql, async r => await r.ReadAsync(ct) ? Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) : 0L, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Only QALITA's rows_analyzed needs it: a count that fails leaves it unknown, never fails the scan.
                log.Debug($"Could not count the rows of {table} for rows_analyzed: {e.Message}");
            }
        }
    }

    public async Task<ScanRun> RunAsync(ScanOptions options, CancellationToken ct = default)
    {
        var start = time.GetUtcNow();
        var log = new ScanLogger(time, onLog);
        log.Info($"Sodalite {Version} (Soda Core 3.5.6 compatible)");
        var variables = new Dictionary<string, string>(options.Variables);
        variables.TryAdd("NOW", start.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture));
        var jinja = new Jinja(variables, environment ?? Environment.GetEnvironmentVariable);

        var results = new List<CheckResult>();
        var measured = new Measurements();
        IReadOnlyList<Metric> metrics = [];
        IReadOnlyList<QueryLog> queries = [];
        var tableColumns = new Dictionary<string, IReadOnlyList<(string Name, string Type)>>();
        var rowCounts = new Dictionary<string, long>();
        string dsName = options.DataSourceName ?? "";
        bool historyOpen = true;
        try
        {
            // Data source
            DataSourceConfig? config = null;
            var all = new Dictionary<string, DataSourceConfig>();
            IReadOnlyList<string> dataPaths = options.DataFile is null ? options.DataPaths : [options.DataFile, .. options.DataPaths];
            if (dataPaths.Count > 0)
            {
                config = DataSourceConfig.ForFiles(dataPaths);
                if (options.DataSourceName is not null) config = config with { Name = options.DataSourceName };
            }
            else
            {
                // As Soda's CLI: no -c and no ~/.soda/configuration.yml is a warning, then the data source is not found.
                if (options.ConfigurationFiles.Count == 0) log.Warning(NoConfigurationFile);
                foreach (var f in options.ConfigurationFiles)
                    foreach (var (k, v) in ConfigurationFile.Read(f, jinja, log, options.YamlLimits)) all[k] = v;
                if (options.DataSourceName is not null && options.ConfigurationFiles.Count == 0)
                    log.Error($"Data source '{options.DataSourceName}' not present: no configuration file was read (no -c given, and the default file ~/.soda/configuration.yml does not exist).");
                else if (options.DataSourceName is null)
                    log.Error("No data source given: pass -d NAME (with -c configuration.yml) or --data FILE|FOLDER.");
                else if (!all.TryGetValue(options.DataSourceName, out config))
                    log.Error($"Data source '{options.DataSourceName}' not present in the configuration. Configured data sources: {string.Join(", ", all.Keys)}");
                else if (config.HasErrors)
                {
                    log.Error($"Data source \"{config.Name}\" is not used: its configuration in {config.FilePath} has the errors above. Fix them and scan again.");
                    config = null;
                }
            }
            dsName = config?.Name ?? options.DataSourceName ?? "";

            // The connection does not depend on the checks: it is made on another thread while they are parsed (a small scan's
            // start-up is mostly these two). Its log records wait in a logger of their own and join the scan's log in their place.
            var connecting = config is null ? null : Connecting.Start(config, onProgress, time, ct);

            // Checks
            var doc = new SodaClDocument();
            var parser = new SodaClParser(log, jinja, CheckTypes.CheckTypeRegistry.Syntaxes) { Limits = options.YamlLimits, DataSourceName = config?.Name };
            try
            {
                if (options.CheckPaths.Count == 0) log.Warning("No checks file specified");
                foreach (var path in ExpandPaths(options.CheckPaths, log))
                {
                    if (ReadChecksFile(path, options.YamlLimits, log) is not { } text) continue;
                    try
                    {
                        parser.Parse(path, text, doc);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A bug in the parser must not cost the other files their checks, nor pass as success.
                        log.Error($"Could not add SodaCL file {path}: {e.GetType().Name}: {e.Message}", new SodaCL.Diagnostics.SourceLocation(path, 1, 1));
                        log.Debug(e.ToString());
                    }
                }
                // A `variables:` section wins over -v for the same name, as in Soda (it sets the scan's variable).
                foreach (var (k, v) in doc.Variables) variables[k] = v;
            }
            catch
            {
                // Stopped (cancelled, or an internal error) before the connection was taken: it is closed once made.
                connecting?.Abandon();
                throw;
            }
            DataSource? ds = connecting is null ? null : await connecting.TakeAsync(log);
            if (ds is not null)
            {
                await using (ds)
                {
                    var catalogQueries = await CheckTypes.ForEachDataset.ForEachDatasetSection.InstantiateAsync(doc, parser, ds, log, ct);
                    await using var others = await ConnectOtherDataSourcesAsync(doc, ds.Name, all, log, ct);
                    var planner = new Planner(ds, options.DefinitionName, log, DefaultSamplesLimit(config!))
                    {
                        OtherDataSources = others.Connected,
                        HistoryLocation = options.History?.Location,
                    };
                    var plan = planner.Plan(doc, catalogQueries.Count);
                    if (options.DryRun)
                    {
                        DryRun = plan;
                        DryRunCatalogQueries = catalogQueries;
                    }
                    else
                    {
                        var exec = new QueryExecutor(ds, log, jinja, onProgress, measured);
                        // Passes over the data: every planned query, plus the sample query each sampled metric may need; each data file
                        // counts the statements that read its table.
                        string[] statements = [.. plan.Queries.Where(q => q.Kind != QueryKind.Schema && q.DataSourceName is null).Select(q => q.Sql),
                            .. plan.Samples.Select(s => s.Sql)];
                        try { await ds.PrepareAsync(statements, ct); }
                        catch (System.Data.Common.DbException e) { log.Debug($"Data left in place, loading it failed: {e.Message}"); }
                        await exec.RunAsync(plan, ct);
                        foreach (var (name, other) in others.Connected)
                        {
                            var otherExec = new QueryExecutor(other, log, jinja, onProgress, measured);
                            await otherExec.RunAsync(plan, ct, name);
                            exec.Queries.AddRange(otherExec.Queries);
                        }
                        await exec.RunSamplesAsync(plan, ct);
                        if (options.History is { } opening)
                        {
                            // A store opened in the background (while the checks were parsed) is ready here, or an error the summary counts.
                            try
                            {
                                await opening.OpenedAsync(ct);
                            }
                            catch (History.HistoryException e)
                            {
                                historyOpen = false;
                                log.Error($"{e.Message} The checks that compare with past values are not evaluated, and this scan's metrics are not kept.");
                            }
                        }
                        var history = await ReadHistoryAsync(historyOpen ? options.History : null, plan, log, ct);
                        var evaluator = new Evaluator(log, jinja, ds.Dialect, measured)
                        {
                            History = history,
                            DataTimestamp = options.DataTimestamp ?? start,
                            Document = doc,
                            Parser = parser,
                            Planner = planner,
                            DataSourceName = ds.Name,
                            Metrics = plan.Metrics,
                        };
                        // Group by checks add a check per group and nested check; Soda lists those after all other checks.
                        foreach (var pc in plan.Checks)
                        {
                            try
                            {
                                results.Add(evaluator.Evaluate(pc));
                            }
                            catch (Exception e) when (e is not OperationCanceledException)
                            {
                                // As Soda: one check that cannot be evaluated is an error of its own, the others still are.
                                log.Error($"Evaluation of check {pc.Definition.Line} failed: {e.Message}", pc.Definition.Location);
                                log.Debug(e.ToString());
                            }
                        }
                        results.AddRange(evaluator.NestedResults);
                        metrics = plan.Metrics;
                        queries = [.. catalogQueries, .. exec.Queries];
                        if (options.ReadTableColumns)
                            foreach (var table in plan.Checks.Select(c => c.Definition.Table).OfType<string>().Distinct())
                                tableColumns[table] = await ds.ColumnsAsync(table, ct);
                        if (options.CountRows) await CountRowsAsync(ds, plan, measured, rowCounts, log, ct);
                    }
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug or broken infrastructure: the scan ends in an error (exit 3) with what it got that far, never in a pass.
            log.Error($"Scan stopped by an internal error: {e.GetType().Name}: {e.Message}");
            log.Debug(e.ToString());
        }
        // A dry run judges nothing: it has no summary, and leaves no history.
        // The live status ends before the summary, so none of it shows between the summary's lines.
        onProgress?.Invoke(new ScanProgress(ScanStage.Finished, dsName, null, null, 0, 0));
        if (!options.DryRun) ScanSummary.Log(log, results, measured, dsName, options.Verbose);
        var run = new ScanRun(options.DefinitionName, dsName, options.DataTimestamp ?? start, start, time.GetUtcNow(),
            metrics, results, queries, log.Logs, options.Verbose)
        { TableColumns = tableColumns, Measurements = measured, RowCounts = rowCounts };
        if (!options.DryRun && historyOpen && options.History is { } store && metrics.Count > 0)
        {
            try
            {
                await store.AppendAsync(ResultsDocument.Build(run), ct);
            }
            catch (History.HistoryException e)
            {
                // The next scan's history-aware checks would miss this point: the scan ends in an error (exit 3).
                log.Error($"{e.Message} This scan's metrics are not in the history; fix it and scan again.");
                run = run with { Logs = log.Logs };
            }
        }
        return run;
    }

    /// <summary>
    /// The past values the plan's history-aware checks need, read before judging; empty (logged) when the history cannot be read,
    /// so those checks are not evaluated.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<History.HistoricMeasurement>>> ReadHistoryAsync(
        History.IMetricHistory? store, ScanPlan plan, ScanLogger log, CancellationToken ct)
    {
        if (store is null || plan.HistoryIdentities.Count == 0) return new Dictionary<string, IReadOnlyList<History.HistoricMeasurement>>();
        try
        {
            return await store.ReadAsync(plan.HistoryIdentities, ct);
        }
        catch (History.HistoryException e)
        {
            log.Error($"{e.Message} The checks that compare with past values are not evaluated.");
            return new Dictionary<string, IReadOnlyList<History.HistoricMeasurement>>();
        }
    }

    /// <summary>A checks file's text, or null (logged) when it cannot be read or is larger than the limit.</summary>
    private static string? ReadChecksFile(string path, SodaCL.Yaml.YamlLimits limits, ScanLogger log)
    {
        try
        {
            long size = new FileInfo(path).Length;
            if (size > limits.MaxFileBytes)
            {
                log.Error($"Could not read checks file {path}: {size:N0} bytes is more than the limit of {limits.MaxFileBytes:N0} (--max-file-size).");
                return null;
            }
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            log.Error($"Could not read checks file {path}: {e.Message}");
            return null;
        }
    }

    /// <summary>Set by a --dry-run scan: the plan that would have run.</summary>
    public ScanPlan? DryRun { get; private set; }

    /// <summary>Set by a --dry-run scan: the catalog queries that ran to plan it ('for each dataset' table lists).</summary>
    public IReadOnlyList<QueryLog> DryRunCatalogQueries { get; private set; } = [];

    /// <summary>
    /// The other configured data sources the checks count rows on ("row_count same as T in OTHER_DS"), connected before planning;
    /// one that is not configured or cannot be reached is reported once, and its checks are not evaluated.
    /// </summary>
    private async Task<OtherDataSources> ConnectOtherDataSourcesAsync(SodaClDocument doc, string own, Dictionary<string, DataSourceConfig> configs,
        ScanLogger log, CancellationToken ct)
    {
        var others = new OtherDataSources();
        foreach (var (name, location) in Planner.OtherDataSourceNames(doc, own))
        {
            if (!configs.TryGetValue(name, out var otherConfig))
            {
                log.Error($"Data source '{name}' is not configured. Add 'data_source {name}:' to a configuration file passed with -c. Configured: {string.Join(", ", configs.Keys)}", location);
                continue;
            }
            try
            {
                onProgress?.Invoke(new ScanProgress(ScanStage.Connecting, $"{name} ({otherConfig.Type})", null, null, 0, 0));
                others.Connected[name] = await DataSource.ConnectAsync(otherConfig, ct, log);
            }
            catch (OperationCanceledException)
            {
                await others.DisposeAsync();
                throw;
            }
            catch (Exception e)
            {
                log.Error($"Could not connect to data source \"{name}\": {e.Message}", location);
            }
        }
        return others;
    }

    /// <summary>The data source's samples limit (sampler.samples_limit, default 100); null when its samples are disabled.</summary>
    private static int? DefaultSamplesLimit(DataSourceConfig config) =>
        config.Get("sampler.disable_samples") is "true" || config.Get("disable_samples") is "true" || config.Get("sampler.exclude_columns") is not null ? null
        : int.TryParse(config.Get("sampler.samples_limit"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int l) ? l : 100;

    private static IEnumerable<string> ExpandPaths(IReadOnlyList<string> paths, ScanLogger log)
    {
        var seen = new HashSet<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                var walk = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
                foreach (var f in Directory.EnumerateFiles(p, "*.*", walk)
                             .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order())
                    if (seen.Add(Path.GetFullPath(f))) yield return f;
            }
            else if (File.Exists(p))
            {
                if (seen.Add(Path.GetFullPath(p))) yield return p;
            }
            else
            {
                log.Error($"Checks file or folder not found: {p}. Check the path (relative to {Environment.CurrentDirectory}).");
            }
        }
    }
}
