// Installing Sodalite as the README says (issue 16): the linux-x64 tool package is small, installs from a local folder feed and
// scans the bundled sample; the install steps of the README's recipes (GitHub Actions, GitLab CI, Airflow, Dagster) run as
// written, read from the README's own blocks, so a README that changes them in a way these steps no longer follow fails here.
// Every build runs in a copy of the sources in a temporary folder (the recipes' checkout), never in the repository, and every
// temporary folder is removed afterwards. One class: its tests run one after another, so two builds never share an obj folder.
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Sodalite.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Sodalite.Cli.Tests;

/// <summary>
/// A copy of the repository's sources (root files and src/, without bin/obj) at <c>workspace/.sodalite</c>, where the CI recipes
/// check Sodalite out, so every step builds it at one path (MSBuild's incremental state is tied to it); removed after.
/// </summary>
public sealed class SourceCopyFixture : IDisposable
{
    /// <summary>The CI job's folder: the recipes' steps run here.</summary>
    public string Workspace { get; }

    /// <summary>The copy of the sources, <c>.sodalite</c> in <see cref="Workspace"/>.</summary>
    public string Source { get; }

    private readonly string _root = Directory.CreateTempSubdirectory("sodalite-install-src-").FullName;

    /// <summary>Copies the root files and src/ of the repository into a temporary folder.</summary>
    public SourceCopyFixture()
    {
        Workspace = Path.Combine(_root, "workspace");
        Source = Path.Combine(Workspace, ".sodalite");
        Directory.CreateDirectory(Source);
        foreach (string file in Directory.GetFiles(RepoPaths.Repo)) File.Copy(file, Path.Combine(Source, Path.GetFileName(file)));
        Copy(Path.Combine(RepoPaths.Repo, "src"), Path.Combine(Source, "src"));
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string dir in Directory.GetDirectories(from))
            if (Path.GetFileName(dir) is not ("bin" or "obj")) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    /// <summary>Removes the copy and what was built in it.</summary>
    public void Dispose() => Directory.Delete(_root, recursive: true);
}

/// <summary>The install tests run alone, after the others: they build the tool and would slow every test running beside them.</summary>
[CollectionDefinition(nameof(InstallTests), DisableParallelization = true)]
public sealed class InstallCollection;

// The steps are POSIX shell commands, run where the recipes run (Linux x64).
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(nameof(InstallTests))]
public sealed class InstallTests(SourceCopyFixture source) : IClassFixture<SourceCopyFixture>, IDisposable
{
    private const long MaxToolPackageBytes = 45_000_000;
    private const string SampleSummary = "Oops! 4 failures. 3 warnings. 0 errors. 7 pass.";

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Repo, "README.md"));

    private readonly string _work = Directory.CreateTempSubdirectory("sodalite-install-").FullName;

    /// <summary>Removes this test's temporary folder (tool paths, feeds, published binaries).</summary>
    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task The_linux_x64_tool_package_is_at_most_45_MB_and_installs_from_a_local_feed_and_scans_the_sample()
    {
        // Given the README's local-feed install, into a temporary tool path instead of the global one
        string block = CodeBlocks(Section("## Installing"), "bash")[0];
        string pack = CommandLine(block, "dotnet pack ");
        Assert.Equal("dotnet pack src/Sodalite.Cli -o nupkg -p:ToolPackageRuntimeIdentifiers=linux-x64", pack);
        string install = CommandLine(block, "dotnet tool install ");
        Assert.Equal("dotnet tool install -g Sodalite --add-source nupkg", install);
        string tools = Path.Combine(_work, "tools");

        // When
        await Bash(pack, source.Source);
        await Bash(install.Replace(" -g ", $" --tool-path {tools} "), source.Source);

        // Then the platform package is small and complete (no dependencies left to a feed), and the pointer names it
        string feed = Path.Combine(source.Source, "nupkg");
        var package = new FileInfo(Assert.Single(Directory.GetFiles(feed, "Sodalite.linux-x64.*.nupkg")));
        Assert.InRange(package.Length, 1, MaxToolPackageBytes);
        using (var zip = ZipFile.OpenRead(package.FullName))
        {
            string nuspec = Read(zip.GetEntry("Sodalite.linux-x64.nuspec")!);
            Assert.DoesNotContain("<dependencies", nuspec);
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/linux-x64/libduckdb.so", StringComparison.Ordinal));
            Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("libduckdb.dylib", StringComparison.Ordinal) || e.FullName.EndsWith("duckdb.dll", StringComparison.Ordinal));
        }
        string pointer = Assert.Single(Directory.GetFiles(feed, "Sodalite.0*.nupkg"));
        using (var zip = ZipFile.OpenRead(pointer))
            Assert.Contains("<RuntimeIdentifierPackage RuntimeIdentifier=\"linux-x64\" Id=\"Sodalite.linux-x64\" />", Read(zip.GetEntry("tools/any/any/DotnetToolSettings.xml")!));
        await ScansTheSample(Path.Combine(tools, "sodalite"));
    }

    [Fact]
    public async Task The_GitHub_Actions_recipe_installs_a_sodalite_command_on_the_path()
    {
        // Given the workflow's steps: Sodalite's checkout in .sodalite (here: the copy of the sources), then its install step
        var steps = (YamlSequenceNode)Yaml(CodeBlocks(Section("#### GitHub Actions"), "yaml")[0])["jobs"]["data-quality"]["steps"];
        var all = steps.Children.Cast<YamlMappingNode>().ToList();
        int sodalite = all.FindIndex(s => Scalar(s, "uses") == "actions/checkout@v4" && s.Children.ContainsKey("with") && Scalar((YamlMappingNode)s["with"], "path") == ".sodalite");
        int dotnet = all.FindIndex(s => Scalar(s, "uses") == "actions/setup-dotnet@v4");
        int install = all.FindIndex(s => Scalar(s, "name") == "Install Sodalite");
        Assert.True(sodalite >= 0 && dotnet >= 0 && install > Math.Max(sodalite, dotnet), "the workflow checks Sodalite out into .sodalite and sets up .NET before 'Install Sodalite'");
        Assert.Equal("10.0.x", Scalar((YamlMappingNode)all[dotnet]["with"], "dotnet-version"));
        string run = Scalar(all[install], "run")!;
        string job = source.Workspace;
        string runnerTemp = Directory.CreateDirectory(Path.Combine(_work, "runner-temp")).FullName;
        string githubPath = Path.Combine(_work, "github_path");
        File.WriteAllText(githubPath, "");

        // When
        await Bash(run, job, 0, ("RUNNER_TEMP", runnerTemp), ("GITHUB_PATH", githubPath));

        // Then the next steps find sodalite through GITHUB_PATH, and the outbox they push from is the one the cache keeps
        string path = string.Join(':', File.ReadAllLines(githubPath).Where(l => l.Length > 0).Reverse()) + ":" + Environment.GetEnvironmentVariable("PATH");
        await ScansTheSample("sodalite", job, ("PATH", path));
        var scan = all.Single(s => Scalar(s, "name") == "Scan and push");
        var cache = all.Single(s => Scalar(s, "uses") == "actions/cache@v4");
        Assert.Equal(Scalar((YamlMappingNode)cache["with"], "path"), Scalar((YamlMappingNode)scan["env"], "SODALITE_OUTBOX"));
    }

    [Fact]
    public async Task The_GitLab_CI_recipe_installs_a_sodalite_command_on_the_path()
    {
        // Given the job's before_script, its clone of Sodalite's source stood in for by the copy of the sources in .sodalite
        var job = (YamlMappingNode)Yaml(CodeBlocks(Section("#### GitLab CI"), "yaml")[0])["data-quality"];
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", Scalar(job, "image"));
        var before = ((YamlSequenceNode)job["before_script"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
        Assert.Equal("git clone --depth 1 \"$SODALITE_GIT_URL\" .sodalite", before[0]);
        string dir = source.Workspace;
        var variables = ((YamlMappingNode)job["variables"]).Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, ((YamlScalarNode)kv.Value).Value!)).ToArray();

        // When the rest of before_script runs in one shell, as GitLab runs it, and then the sample scan
        string script = string.Join('\n', before.Skip(1)) + "\n" + SampleScan("sodalite");
        int exit;
        string output;
        try
        {
            (exit, output) = await Bash(script, dir, expectedExit: 2, env: variables);
        }
        finally
        {
            foreach (string made in new[] { ".sodalite-feed", ".sodalite-bin" })
                if (Directory.Exists(Path.Combine(dir, made))) Directory.Delete(Path.Combine(dir, made), recursive: true);
        }

        // Then
        Assert.Equal(2, exit);
        Assert.Contains(SampleSummary, output);
        var cache = (YamlMappingNode)job["cache"];
        Assert.Contains(variables.Single(v => v.Item1 == "SODALITE_OUTBOX").Item2 + "/", ((YamlSequenceNode)cache["paths"]).Children.Select(n => ((YamlScalarNode)n).Value));
    }

    [Fact]
    public async Task The_Airflow_and_Dagster_recipes_single_file_binary_runs_the_sample_without_files_beside_it()
    {
        // Given the publish both recipes give, into a temporary folder instead of /opt/sodalite
        const string Publish = "dotnet publish src/Sodalite.Cli -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true -o /opt/sodalite";
        foreach (string recipe in new[] { "#### Airflow", "#### Dagster" })
        {
            string section = Section(recipe);
            Assert.Equal(Publish, CommandLine(CodeBlocks(section, "bash")[0], "dotnet publish "));
            string python = CodeBlocks(section, "python")[0];
            Assert.Contains("/opt/sodalite/sodalite", python);
            await PythonParses(python);
        }
        string output = Path.Combine(_work, "opt-sodalite");

        // When
        await Bash(Publish.Replace("/opt/sodalite", output), source.Source);

        // Then DuckDB's native library is inside the binary, which runs the sample
        Assert.Empty(Directory.GetFiles(output, "*.so"));
        await ScansTheSample(Path.Combine(output, "sodalite"), _work, ("DOTNET_BUNDLE_EXTRACT_BASE_DIR", Path.Combine(_work, "extract")));
    }

    private static string SampleScan(string sodalite)
    {
        string sample = Path.Combine(RepoPaths.Repo, "samples", "retail");
        return $"{sodalite} scan --data {Path.Combine(sample, "retail.csv")} --checks {Path.Combine(sample, "checks.yml")} --no-history";
    }

    private async Task ScansTheSample(string sodalite, string? dir = null, params (string Name, string Value)[] env)
    {
        var (exit, output) = await Bash(SampleScan(sodalite), dir ?? _work, expectedExit: 2, env: env);
        Assert.Equal(2, exit);
        Assert.Contains(SampleSummary, output);
    }

    /// <summary>The README's text from <paramref name="heading"/> (a whole line) to the next heading of the same or a higher level.</summary>
    private static string Section(string heading)
    {
        var start = Regex.Match(Readme, "^" + Regex.Escape(heading) + "$", RegexOptions.Multiline);
        Assert.True(start.Success, $"README.md has no '{heading}' heading");
        string level = heading[..(heading.IndexOf(' ') + 1)];
        string rest = Readme[(start.Index + start.Length)..];
        var end = Regex.Match(rest, "^#{1," + (level.Length - 1) + "} ", RegexOptions.Multiline);
        return end.Success ? rest[..end.Index] : rest;
    }

    private static List<string> CodeBlocks(string section, string language)
    {
        var blocks = Regex.Matches(section, "^```" + language + "\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count > 0, $"no {language} block in the section");
        return blocks;
    }

    /// <summary>The one line of <paramref name="block"/> that starts with <paramref name="start"/>, without its trailing comment.</summary>
    private static string CommandLine(string block, string start)
    {
        string line = Assert.Single(block.Split('\n'), l => l.StartsWith(start, StringComparison.Ordinal));
        int comment = line.IndexOf(" #", StringComparison.Ordinal);
        return (comment < 0 ? line : line[..comment]).Trim();
    }

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The recipe's Python is valid Python (checked when python3 is installed; Airflow and Dagster are not).</summary>
    private async Task PythonParses(string python)
    {
        string file = Path.Combine(_work, "recipe.py");
        await File.WriteAllTextAsync(file, python);
        await Bash($"command -v python3 >/dev/null || exit 0; python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read())' {file}", _work);
    }

    /// <summary>Runs <paramref name="script"/> with bash -e in <paramref name="dir"/>; fails the test unless it exits <paramref name="expectedExit"/>.</summary>
    private static async Task<(int Exit, string Output)> Bash(string script, string dir, int expectedExit = 0, params (string Name, string Value)[] env)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-ec");
        start.ArgumentList.Add(script);
        // The test host's MSBuild variables belong to the build that started the tests, not to the builds the steps start;
        // no build server or compiler server is left running after a step.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["UseRazorBuildServer"] = "false";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in env) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        output.Append(await stdout).Append(await stderr);
        Assert.True(process.ExitCode == expectedExit, $"`{script}` exited {process.ExitCode}, not {expectedExit}:\n{output}");
        return (process.ExitCode, output.ToString());
    }
}
