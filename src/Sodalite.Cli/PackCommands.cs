// `sodalite pack init DIR` writes a QALITA pack; `sodalite pack run DIR` (hidden: the pack's run.sh calls it) does a pack run
// the way the QALITA worker expects one (spec/qalita.md §1.1): source_conf.json and pack_conf.json in, artifacts out.
using System.CommandLine;
using System.Text.Json;
using Sodalite.Cli.Pack;

namespace Sodalite.Cli;

public static partial class SodaliteCli
{
    /// <summary>The artifacts a pack run leaves in its folder for the worker to upload.</summary>
    private static readonly string[] PackArtifacts = ["metrics.json", "recommendations.json", "schemas.json"];

    private static Command PackCommand(TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var cmd = new Command("pack", "A QALITA pack that runs Sodalite: `pack init DIR` writes it; the QALITA worker publishes (qalita pack push) and runs it.");
        cmd.Subcommands.Add(PackInitCommand(stdout, stderr));
        cmd.Subcommands.Add(PackRunCommand(stdout, stderr, time));
        return cmd;
    }

    private static Command PackInitCommand(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("dir") { Description = "The pack folder to write (QALITA's `qalita pack push -n NAME` reads NAME_pack/)." };
        var name = new Option<string?>("--name") { Description = "The pack's name in properties.yaml (default: the folder's name without _pack)." };
        var force = new Option<bool>("--force") { Description = "Overwrite pack files that exist." };
        var cmd = new Command("init", "Write a QALITA pack (properties.yaml, pack_conf.json, run.sh, README.md) that runs Sodalite's checks.") { dir, name, force };
        cmd.SetAction(async (pr, ct) =>
        {
            string folder = Path.GetFullPath(pr.GetValue(dir)!);
            string packName = pr.GetValue(name) ?? DefaultPackName(folder);
            if (packName.Length == 0 || packName.Any(c => char.IsWhiteSpace(c) || c is ':' or '#' or '"' or '\''))
            {
                await stderr.WriteLineAsync($"sodalite: pack name \"{packName}\" cannot be used: give --name a word such as sodalite.");
                return 3;
            }
            var files = PackFiles.For(packName);
            if (!pr.GetValue(force) && files.Select(f => Path.Combine(folder, f.Name)).FirstOrDefault(File.Exists) is { } existing)
            {
                await stderr.WriteLineAsync($"sodalite: {existing} exists; pass --force to overwrite the pack's files.");
                return 3;
            }
            try
            {
                Directory.CreateDirectory(folder);
                foreach (var (file, content) in files)
                {
                    string path = Path.Combine(folder, file);
                    await File.WriteAllTextAsync(path, content, ct);
                    if (file.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
                        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                    await stdout.WriteLineAsync($"Wrote {path}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"sodalite: could not write the pack to {folder}: {e.Message}");
                return 3;
            }
            await stdout.WriteLineAsync($"Pack \"{packName}\" ready: put the checks in {Path.Combine(folder, "pack_conf.json")} (\"checks\"), then `qalita pack push -n {packName}` from {Path.GetDirectoryName(folder)}.");
            return 0;
        });
        return cmd;
    }

    private static string DefaultPackName(string folder)
    {
        string leaf = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        return leaf.EndsWith("_pack", StringComparison.Ordinal) && leaf.Length > 5 ? leaf[..^5] : leaf;
    }

    private static Command PackRunCommand(TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var dir = new Argument<string>("dir") { Description = "The pack run folder (holds source_conf.json and pack_conf.json).", DefaultValueFactory = _ => "." };
        var cmd = new Command("run", "Do a QALITA pack run in DIR: scan the source of source_conf.json with the checks of pack_conf.json; leave the artifacts in DIR.") { dir };
        cmd.Hidden = true;
        cmd.SetAction(async (pr, ct) =>
        {
            string folder = Path.GetFullPath(pr.GetValue(dir)!);
            var conf = new Dictionary<string, JsonElement>();
            foreach (string file in new[] { "source_conf.json", "pack_conf.json" })
            {
                string path = Path.Combine(folder, file);
                try
                {
                    conf[file] = await ReadJsonAsync(path, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
                {
                    await stderr.WriteLineAsync($"sodalite pack run: ERROR: {(e is FileNotFoundException ? $"{path} not found: the QALITA worker writes it in the pack folder before run.sh" : $"cannot read {path}: {OneLine(e.Message)}")}");
                    return 3;
                }
            }
            JsonElement sourceConf = conf["source_conf.json"], packConf = conf["pack_conf.json"];
            if (packConf.ValueKind != JsonValueKind.Object)
            {
                await stderr.WriteLineAsync("sodalite pack run: ERROR: pack_conf.json is not a JSON object.");
                return 3;
            }
            string checks;
            if (!packConf.TryGetProperty("checks", out var checksValue))
                checks = PackFiles.DefaultChecks;
            else if (checksValue.ValueKind == JsonValueKind.String && checksValue.GetString() is { Length: > 0 } text)
                checks = text;
            else
            {
                await stderr.WriteLineAsync("sodalite pack run: ERROR: pack_conf.json: \"checks\" must be the SodaCL checks as one YAML string, e.g. \"checks for ${TABLE}:\\n  - row_count > 0\\n\".");
                return 3;
            }
            int? samplesLimit = null;
            if (packConf.TryGetProperty("samples_limit", out var limitValue))
            {
                if (limitValue.ValueKind != JsonValueKind.Number || !limitValue.TryGetInt32(out int limit) || limit < 0)
                {
                    await stderr.WriteLineAsync($"sodalite pack run: ERROR: pack_conf.json: \"samples_limit\" is {limitValue.GetRawText()}, not a number of rows (0 or more).");
                    return 3;
                }
                samplesLimit = limit;
            }
            var source = PackSource.Map(sourceConf, samplesLimit, Environment.GetEnvironmentVariable, out string? error);
            if (source is null)
            {
                await stderr.WriteLineAsync($"sodalite pack run: ERROR: {error}");
                return 3;
            }
            string work = Directory.CreateTempSubdirectory("sodalite-pack-").FullName;
            try
            {
                string checksFile = Path.Combine(work, "checks.yml");
                string configFile = Path.Combine(work, "configuration.yml");
                string artifacts = Path.Combine(work, "artifacts");
                await File.WriteAllTextAsync(checksFile, checks, ct);
                await File.WriteAllTextAsync(configFile, source.ConfigurationYaml, ct);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(configFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                await stdout.WriteLineAsync($"Sodalite pack: scanning {source.Table} of source \"{source.Label}\" ({Text(sourceConf, "type")}).");
                List<string> args = ["scan", "-d", PackSource.DataSourceName, "-c", configFile, "-v", $"TABLE={source.Table}",
                    "--label", source.Label, "--artifacts", artifacts];
                if (packConf.TryGetProperty("history", out var history) && history.ValueKind == JsonValueKind.String) args.AddRange(["--history", history.GetString()!]);
                args.Add(checksFile);
                int exit = await RunAsync([.. args], stdout, stderr, time);
                // 0, 1, 2: the checks ran (failing checks are results). 3: errors; when some checks still got an outcome, their
                // artifacts are kept (one broken check must not lose the others' results) and the run still fails, so the job does
                // not read as a success with a check missing; when none did, the scan could not run.
                int judged = exit == 3 ? JudgedChecks(Path.Combine(artifacts, "soda_results.json")) : 1;
                if (judged == 0 || !File.Exists(Path.Combine(artifacts, "metrics.json")))
                {
                    await stderr.WriteLineAsync("sodalite pack run: ERROR: the scan could not run (see the errors above); no artifacts written.");
                    return 3;
                }

                // logs.txt stays behind: the worker writes its own from run.sh's output.
                foreach (string file in PackArtifacts)
                {
                    string from = Path.Combine(artifacts, file);
                    if (File.Exists(from)) File.Copy(from, Path.Combine(folder, file), overwrite: true);
                }
                await stdout.WriteLineAsync($"Sodalite pack: wrote {string.Join(", ", PackArtifacts)} in {folder}.");
                if (exit != 3) return 0;
                await stderr.WriteLineAsync($"sodalite pack run: ERROR: the scan logged errors (see above): the artifacts hold only the {judged} check(s) it could judge.");
                return 3;
            }
            finally
            {
                try { Directory.Delete(work, recursive: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a temp folder left behind */ }
            }
        });
        return cmd;
    }

    /// <summary>How many checks got an outcome in a results file (0 when it is missing or unreadable).</summary>
    private static int JudgedChecks(string resultsFile)
    {
        try
        {
            return File.Exists(resultsFile) ? Sodalite.Results.Soda.SodaJsonReader.Parse(File.ReadAllText(resultsFile)).Checks.Count(c => c.Outcome is not null) : 0;
        }
        catch (Exception e) when (e is IOException or JsonException or Sodalite.Results.Soda.SodaJsonException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        return doc.RootElement.Clone();
    }

    private static string? Text(JsonElement o, string key) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
