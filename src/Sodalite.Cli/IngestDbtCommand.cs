// `sodalite ingest dbt`: dbt test results (manifest.json + run_results.json) as check results, pushed to the hub or to QALITA
// like any scan, with `soda ingest dbt`'s flags. Exit codes: 0 ingested (whatever the tests' outcomes, as Soda); 3 bad input;
// 4 the server refused; 5 unreachable, kept in the outbox.
using System.CommandLine;
using System.Globalization;
using Sodalite.Engine.DataSources;
using Sodalite.Results;
using Sodalite.Results.Dbt;
using Sodalite.Results.Json;
using Sodalite.Results.Model;
using Sodalite.Results.Qalita;
using Sodalite.Results.Soda;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Variables;

namespace Sodalite.Cli;

public static partial class SodaliteCli
{
    private static Command IngestDbtCommand(TextWriter stdout, TextWriter stderr)
    {
        var o = new PushOptions();
        var artifactsDir = new Option<string?>("--dbt-artifacts") { Description = "The folder with dbt's manifest.json and run_results.json (typically the dbt project's target/); then --dbt-manifest and --dbt-run-results are not needed." };
        var manifest = new Option<string?>("--dbt-manifest") { Description = "dbt's manifest.json." };
        var runResults = new Option<string?>("--dbt-run-results") { Description = "dbt's run_results.json (of dbt test or dbt build)." };
        var ds = new Option<string?>("--data-source", "-d") { Description = "The data source the dbt tests ran on, as the checks' dataSource (env SODA_DATA_SOURCE)." };
        var cfg = new Option<string?>("--configuration", "-c") { Description = "A configuration.yml that must name the data source (optional)." };
        var verbose = new Option<bool>("--verbose", "-V") { Description = "Also list every test ingested." };
        var push = new Option<string?>("--push") { Description = "Where the results go: hub (the Sodalite hub; the default) or qalita (a QALITA platform). Without --push and with -srf, they are only written to the file." };
        push.AcceptOnlyFromAmong("hub", "qalita");
        var srf = new Option<string?>("--scan-results-file", "-srf") { Description = "Also write the results as a Soda results JSON file." };
        var source = new Option<string?>("--source") { Description = "--push hub: the hub source (default: the data source name)." };
        var dataset = new Option<string?>("--dataset") { Description = "--push qalita: the model whose tests are uploaded (default: the only one tested)." };
        var label = new Option<string?>("--label") { Description = "--push qalita: the dataset label (default: the QALITA source's name, else the model)." };
        var rows = new Option<long?>("--rows-analyzed") { Description = "--push qalita: rows in the model (dbt does not say; QALITA needs it)." };
        var cmd = new Command("dbt", "Ingest dbt test results (manifest.json and run_results.json) as check results, as `soda ingest dbt` does, and push them to the hub or QALITA.")
        { artifactsDir, manifest, runResults, ds, cfg, verbose, push, srf, source, dataset, label, rows };
        foreach (var opt in o.All) cmd.Options.Add(opt);
        cmd.SetAction(async (pr, ct) =>
        {
            string? name = pr.GetValue(ds) ?? Environment.GetEnvironmentVariable("SODA_DATA_SOURCE");
            if (name is null)
            {
                await stderr.WriteLineAsync("sodalite: pass -d NAME: the data source the dbt tests ran on (it names the checks' dataSource).");
                return 3;
            }
            string? manifestPath = pr.GetValue(manifest), runResultsPath = pr.GetValue(runResults);
            if (pr.GetValue(artifactsDir) is { } dir)
            {
                if (!Directory.Exists(dir))
                {
                    await stderr.WriteLineAsync($"sodalite: --dbt-artifacts {dir} is not a folder: pass the dbt project's target/ folder, which holds manifest.json and run_results.json.");
                    return 3;
                }
                manifestPath = Path.Combine(dir, "manifest.json");
                runResultsPath = Path.Combine(dir, "run_results.json");
            }
            if (manifestPath is null || runResultsPath is null)
            {
                await stderr.WriteLineAsync("sodalite: say where dbt's results are: --dbt-artifacts target/, or both --dbt-manifest manifest.json and --dbt-run-results run_results.json.");
                return 3;
            }
            if (pr.GetValue(cfg) is { } configuration && !await DataSourceConfiguredAsync(configuration, name, stderr)) return 3;

            ScanResult doc;
            try
            {
                doc = DbtIngest.Read(manifestPath, runResultsPath, name, TimeProvider.System.GetUtcNow(), pr.GetValue(verbose));
            }
            catch (DbtArtifactException e)
            {
                await stderr.WriteLineAsync($"sodalite: {e.Message}");
                return 3;
            }
            var zone = TimeZoneInfo.Local;
            foreach (var l in doc.Logs)
                await stdout.WriteLineAsync($"[{TimeZoneInfo.ConvertTime(l.Timestamp!.Value, zone):HH:mm:ss}] {l.Message}");
            var tables = doc.Checks.Select(c => c.Table).OfType<string>().Distinct().ToList();
            await stdout.WriteLineAsync($"Ingested {doc.Checks.Count} dbt {(doc.Checks.Count == 1 ? "test" : "tests")} on {tables.Count} {(tables.Count == 1 ? "dataset" : "datasets")}: " +
                                        $"{doc.Checks.Count(c => c.Outcome == Outcome.Pass)} passed, {doc.Checks.Count(c => c.Outcome == Outcome.Warn)} warned, {doc.Checks.Count(c => c.Outcome == Outcome.Fail)} failed.");
            if (pr.GetValue(srf) is { } file)
            {
                await stdout.WriteLineAsync($"Saving scan results to {file}");
                try { AtomicFile.WriteAllText(file, SodaJsonWriter.Write(doc)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await stderr.WriteLineAsync($"sodalite: could not write {file}: {e.Message}");
                    return 3;
                }
                if (pr.GetValue(push) is null) return 0;
            }
            if (doc.Checks.Count == 0)
            {
                await stderr.WriteLineAsync("sodalite: no dbt test result to push (see the warning above).");
                return 3;
            }
            if (pr.GetValue(push) is null or "hub")
                return await PushToHubAsync(pr, o, pr.GetValue(source) ?? name, System.Text.Encoding.UTF8.GetBytes(SodaJsonWriter.WritePushBody(doc)), stdout, stderr, ct);

            // QALITA: one source is one dataset; its artifacts are built from that model's tests.
            string? model = pr.GetValue(dataset) ?? (tables.Count == 1 ? tables[0] : null);
            if (model is null || !tables.Contains(model))
            {
                await stderr.WriteLineAsync($"sodalite: --push qalita uploads one dataset's results: pass --dataset with one of {string.Join(", ", tables)}.");
                return 3;
            }
            var one = doc with { Checks = [.. doc.Checks.Where(c => c.Table == model)] };
            string artifacts = Directory.CreateTempSubdirectory("sodalite-artifacts-").FullName;
            try
            {
                string labelText = pr.GetValue(label) ?? await QalitaSourceNameAsync(pr, o, ct) ?? model;
                QalitaArtifacts.Build(one, labelText, model, pr.GetValue(rows)).WriteTo(artifacts, PyJson.Reformat(SodaJsonWriter.Write(one)));
                await File.WriteAllTextAsync(Path.Combine(artifacts, Sodalite.Qalita.PushService.LogsFile), LogsText(one), ct);
                return await PushToQalitaAsync(pr, o, artifacts, stdout, stderr, ct);
            }
            catch (ArtifactException e)
            {
                await stderr.WriteLineAsync($"sodalite: {e.Message}");
                return 3;
            }
            finally
            {
                try { Directory.Delete(artifacts, recursive: true); } catch (IOException) { }
            }
        });
        return cmd;
    }

    /// <summary>Whether <paramref name="configuration"/> names data source <paramref name="name"/>; says what is wrong when not.</summary>
    private static async Task<bool> DataSourceConfiguredAsync(string configuration, string name, TextWriter stderr)
    {
        if (!File.Exists(configuration))
        {
            await stderr.WriteLineAsync($"sodalite: Configuration path '{configuration}' does not exist.");
            return false;
        }
        var problems = new List<string>();
        var log = new ScanLogger(TimeProvider.System, l => { if (l.Level == ScanLogLevel.Error) problems.Add(l.Location is { } at ? $"{l.Message} ({at})" : l.Message); });
        var all = ConfigurationFile.Read(configuration, new Jinja(new Dictionary<string, string>(), Environment.GetEnvironmentVariable), log);
        foreach (var p in problems) await stderr.WriteLineAsync($"sodalite: {p}");
        if (problems.Count > 0) return false;
        if (all.ContainsKey(name)) return true;
        await stderr.WriteLineAsync($"sodalite: the data source '{name}' is not present in {configuration}. Configured data sources: {string.Join(", ", all.Keys)}.");
        return false;
    }
}
