// `sodalite test-connection -d NAME [-c FILE ...] [-V]`, as `soda test-connection`: read the configuration, connect to the data
// source, run `SELECT 1`. Prints Soda's two lines and exits 0 when both work; otherwise says why and exits 1, the code Soda exits
// with for every failure of this command (it has no checks, so there is no warn/fail/error distinction to keep).
using System.CommandLine;
using Sodalite.Engine.DataSources;
using Sodalite.Engine.Output;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Variables;

namespace Sodalite.Cli;

public static partial class SodaliteCli
{
    /// <summary>The exit code of a failed connection test: Soda's (1).</summary>
    public const int ExitConnectionFailed = 1;

    private static Command TestConnectionCommand(TextWriter stdout, TimeProvider time)
    {
        var ds = new Option<string?>("--data-source", "-d") { Description = "Data source name from the configuration file (env SODA_DATA_SOURCE)." };
        var cfg = new Option<string[]>("--configuration", "-c") { Description = "configuration.yml with data_source blocks (repeatable; default ~/.soda/configuration.yml)." };
        var verbose = new Option<bool>("--verbose", "-V") { Description = "Debug logs: the verification query." };
        var cmd = new Command("test-connection", "Connect to a data source (DuckDB file, PostgreSQL, MariaDB/MySQL or ClickHouse) and run SELECT 1, as `soda test-connection` does. Exit 0 when it works, 1 when not.")
        { ds, cfg, verbose };
        cmd.SetAction(async (pr, ct) =>
        {
            var zone = TimeZoneInfo.Local;
            bool verboseOn = pr.GetValue(verbose);
            var log = new ScanLogger(time, l => { if (l.Level != ScanLogLevel.Debug || verboseOn) stdout.WriteLine(ConsoleFormatter.Format(l, zone)); });
            string? name = pr.GetValue(ds) ?? Environment.GetEnvironmentVariable("SODA_DATA_SOURCE");
            if (name is null)
            {
                log.Error("No data source given: pass -d NAME (a data_source block of the configuration file).");
                return ExitConnectionFailed;
            }
            var files = pr.GetValue(cfg) is { Length: > 0 } given ? given : DefaultConfiguration();
            if (files.Length == 0) log.Warning(MissingDefaultConfiguration);
            var jinja = new Jinja(new Dictionary<string, string>(), Environment.GetEnvironmentVariable);
            var all = new Dictionary<string, DataSourceConfig>();
            foreach (var f in files)
            {
                if (!File.Exists(f) && !Directory.Exists(f))
                {
                    log.Error($"Configuration path '{f}' does not exist");
                    continue;
                }
                foreach (var (k, v) in ConfigurationFile.Read(f, jinja, log)) all[k] = v;
            }
            if (!all.TryGetValue(name, out var config))
            {
                log.Error($"Data source '{name}' not present in the configuration. Configured data sources: {string.Join(", ", all.Keys)}");
                return await Unable(stdout, name);
            }
            if (config.HasErrors)
            {
                log.Error($"Data source \"{name}\" is not used: its configuration in {config.FilePath} has the errors above. Fix them and test again.");
                return await Unable(stdout, name);
            }
            DataSource source;
            try
            {
                source = await DataSource.ConnectAsync(config, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.Error($"Could not connect to data source \"{name}\": {OneLine(e.Message)}");
                return await Unable(stdout, name);
            }
            await using (source)
            {
                await stdout.WriteLineAsync($"Successfully connected to '{name}'.");
                const string sql = "SELECT 1";
                log.Debug($"Query {name}.test-connection:\n{sql}");
                try
                {
                    await source.ReadAsync(sql, async r => await r.ReadAsync(ct), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.Error($"Query execution error in {name}.test-connection: {OneLine(e.Message)}\n{sql}");
                    await stdout.WriteLineAsync($"Unable to run verification query for '{name}'.");
                    return ExitConnectionFailed;
                }
                await stdout.WriteLineAsync($"Connection '{name}' is valid.");
                return 0;
            }
        });
        return cmd;
    }

    private static async Task<int> Unable(TextWriter stdout, string name)
    {
        await stdout.WriteLineAsync($"Unable to connect to '{name}'.");
        return ExitConnectionFailed;
    }
}
