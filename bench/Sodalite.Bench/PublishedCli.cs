// The sodalite CLI as users get it, for whole-process timings: `dotnet publish src/Sodalite.Cli -c Release -r linux-x64
// --self-contained false` (ReadyToRun, as the tool packages are), from this tree or from an earlier revision of the repository.
// A published CLI is kept under DATA/cli/src-KEY (KEY: what src/ and the build files are at that commit) and reused when the tree
// is that commit's unchanged; otherwise it lives in a temporary folder removed on dispose.
using System.Security.Cryptography;
using System.Text;

namespace Sodalite.Bench;

/// <summary>A published sodalite CLI: what it was built from, and how to time its processes.</summary>
public sealed class PublishedCli : IDisposable
{
    private readonly string? _temporary;
    private bool? _noHistory;

    private PublishedCli(string folder, string label, string? temporary)
    {
        Executable = Path.Combine(folder, "sodalite");
        Label = label;
        _temporary = temporary;
    }

    /// <summary>The published apphost, <c>FOLDER/sodalite</c>.</summary>
    public string Executable { get; }

    /// <summary>What it was built from, e.g. "working tree at 84d962b" or "v0.1.0 (3f2a1bc)".</summary>
    public string Label { get; }

    /// <summary>Publishes the CLI of the working tree <paramref name="repo"/> (cached when src/ and the build files are as committed).</summary>
    public static async Task<PublishedCli> FromWorkingTreeAsync(string repo, string cacheRoot)
    {
        var head = await ProcessRun.RunAsync("git", ["-C", repo, "rev-parse", "HEAD"]);
        var changes = await ProcessRun.RunAsync("git", ["-C", repo, "status", "--porcelain", "--", "src", "Directory.Build.props", "Directory.Packages.props", "global.json", "NuGet.config"]);
        string commit = head.Stdout.Trim();
        if (head.ExitCode != 0 || changes.ExitCode != 0 || changes.Stdout.Length > 0)
        {
            // Not a git checkout, or src/ differs from the commit: published afresh into a temporary folder.
            string temp = Directory.CreateTempSubdirectory("sodalite-bench-cli-").FullName;
            await PublishAsync(repo, temp);
            return new PublishedCli(temp, head.ExitCode != 0 ? "working tree" : $"working tree at {commit[..7]} with changes in src/", temp);
        }
        string key = await BuildKeyAsync(repo, commit);
        return new PublishedCli(await CachedAsync(cacheRoot, key, out_ => PublishAsync(repo, out_)), $"working tree at {commit[..7]}", null);
    }

    /// <summary>Publishes the CLI of revision <paramref name="rev"/> of <paramref name="repo"/>: extracted with git archive into a temporary folder, removed afterwards.</summary>
    public static async Task<PublishedCli> FromRevisionAsync(string repo, string rev, string cacheRoot)
    {
        string commit = (await Git(repo, "rev-parse", "--verify", rev + "^{commit}")).Trim();
        string folder = await CachedAsync(cacheRoot, await BuildKeyAsync(repo, commit), async out_ =>
        {
            string tree = Directory.CreateTempSubdirectory("sodalite-bench-previous-").FullName;
            try
            {
                Console.Error.WriteLine($"[bench] extracting {rev} ({commit[..7]}) into {tree}");
                string tar = Path.Combine(tree, "tree.tar");
                await Git(repo, "archive", "--format=tar", "-o", tar, commit);
                await ProcessRun.CheckedAsync("tar", ["-xf", tar, "-C", tree]);
                File.Delete(tar);
                await PublishAsync(tree, out_);
            }
            finally
            {
                Directory.Delete(tree, true);
            }
        });
        return new PublishedCli(folder, rev == commit || commit.StartsWith(rev, StringComparison.Ordinal) ? commit[..7] : $"{rev} ({commit[..7]})", null);
    }

    /// <summary>The newest tag reachable from HEAD, or null when the repository has none.</summary>
    public static async Task<string?> NewestTagAsync(string repo)
    {
        var run = await ProcessRun.RunAsync("git", ["-C", repo, "describe", "--tags", "--abbrev=0"]);
        return run.ExitCode == 0 && run.Stdout.Trim() is { Length: > 0 } tag ? tag : null;
    }

    /// <summary>
    /// Runs <c>sodalite scan</c> over <paramref name="source"/> (a data file, or a configuration.yml with the data source
    /// <c>orders_db</c>) and <paramref name="checks"/>, keeping no metric history when the CLI can be told so; returns the whole
    /// process's wall time and the values of its results file. A scan error (exit 3 or more) throws.
    /// </summary>
    public async Task<(double Seconds, double?[] Values)> ScanAsync(string source, string checks)
    {
        string results = Path.Combine(Path.GetTempPath(), $"sodalite-bench-results-{Environment.ProcessId}.json");
        var args = new List<string> { "scan" };
        if (await KnowsNoHistoryAsync()) args.Add("--no-history");
        if (source.EndsWith(".yml", StringComparison.Ordinal)) args.AddRange(["-d", "orders_db", "-c", source]);
        else args.AddRange(["--data", source]);
        args.AddRange([checks, "-srf", results]);
        try
        {
            var run = await ProcessRun.RunAsync(Executable, args);
            // 0-2: the checks passed, warned or failed (the workload has failing checks); 3 and above: the scan itself went wrong.
            if (run.ExitCode is < 0 or > 2) throw new InvalidOperationException($"{Label}: sodalite {string.Join(' ', args)} exited {run.ExitCode}:\n{run.Stdout}\n{run.Stderr}");
            Console.Error.WriteLine(FormattableString.Invariant($"[bench]   cli  {Label,-28} {run.Seconds,6:F2} s"));
            return (run.Seconds, File.Exists(results) ? Workload.FromResultsJson(File.ReadAllText(results)) : []);
        }
        finally
        {
            File.Delete(results);
        }
    }

    /// <summary>The whole process's wall time for <paramref name="args"/>; any exit code but 0-2 throws.</summary>
    public async Task<double> TimeAsync(params string[] args)
    {
        var all = new List<string>(args);
        if (args.Length > 0 && args[0] == "scan" && await KnowsNoHistoryAsync()) all.Insert(1, "--no-history");
        var run = await ProcessRun.RunAsync(Executable, all);
        if (run.ExitCode is < 0 or > 2) throw new InvalidOperationException($"{Label}: sodalite {string.Join(' ', all)} exited {run.ExitCode}:\n{run.Stdout}\n{run.Stderr}");
        return run.Seconds;
    }

    /// <summary>Whether this CLI's scan takes --no-history (releases before the metric history do not).</summary>
    private async Task<bool> KnowsNoHistoryAsync() =>
        _noHistory ??= (await ProcessRun.RunAsync(Executable, ["scan", "--help"])).Stdout.Contains("--no-history", StringComparison.Ordinal);

    public void Dispose()
    {
        if (_temporary is not null) Directory.Delete(_temporary, true);
    }

    /// <summary>
    /// What the CLI is built from at <paramref name="commit"/>, as a cache key: the git trees of src/ and the build files, so that
    /// commits that touch only bench/, tests/ or the docs reuse the published CLI.
    /// </summary>
    private static async Task<string> BuildKeyAsync(string repo, string commit)
    {
        var parts = new List<string>();
        foreach (string path in new[] { "src", "Directory.Build.props", "Directory.Packages.props", "global.json", "NuGet.config" })
        {
            var run = await ProcessRun.RunAsync("git", ["-C", repo, "rev-parse", "--verify", "--quiet", $"{commit}:{path}"]);
            parts.Add(run.ExitCode == 0 ? run.Stdout.Trim() : "-");
        }
        return "src-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))))[..16];
    }

    /// <summary>CACHE/KEY when a complete publish is there; else publishes into a fresh folder and moves it there when done.</summary>
    private static async Task<string> CachedAsync(string cacheRoot, string key, Func<string, Task> publish)
    {
        string folder = Path.Combine(cacheRoot, key);
        if (File.Exists(Path.Combine(folder, "sodalite"))) return folder;
        string partial = folder + ".partial";
        if (Directory.Exists(partial)) Directory.Delete(partial, true);
        Directory.CreateDirectory(cacheRoot);
        await publish(partial);
        Directory.Move(partial, folder);
        return folder;
    }

    private static async Task PublishAsync(string tree, string output)
    {
        Console.Error.WriteLine($"[bench] publishing {tree}/src/Sodalite.Cli into {output}");
        await ProcessRun.CheckedAsync("dotnet", ["publish", Path.Combine(tree, "src", "Sodalite.Cli"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", output, "-nologo", "-v", "q"], tree);
        if (!File.Exists(Path.Combine(output, "sodalite"))) throw new InvalidOperationException($"publishing {tree} wrote no {output}/sodalite");
    }

    private static Task<string> Git(string repo, params string[] args) => ProcessRun.CheckedAsync("git", ["-C", repo, .. args]);
}
