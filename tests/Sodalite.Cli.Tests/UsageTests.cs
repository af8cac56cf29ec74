// Usage errors and help texts: what `sodalite` says before running anything when the command line is wrong, and what its help
// and package description promise.
using System.Reflection;
using Sodalite.TestSupport;

using static Sodalite.Cli.Tests.CliRun;

namespace Sodalite.Cli.Tests;

public class UsageTests
{
    private static readonly string Data = Path.Combine(RepoPaths.Repo, "samples", "retail", "retail.csv");
    private static readonly string Checks = Path.Combine(RepoPaths.Repo, "samples", "retail", "checks.yml");


    [Theory]
    [InlineData("-d", "-d")]
    [InlineData("--data-source", "--data-source")]
    [InlineData("-srf", "-srf")]
    [InlineData("-t", "-t")]
    public async Task A_single_valued_scan_option_given_twice_is_a_usage_error_before_anything_runs(string option, string named)
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-usage-").FullName;
        try
        {
            // (--data is repeatable: several files make one data source.)
            string a = option is "-t" ? "2024-01-01T00:00:00Z" : Path.Combine(dir, "a.json");
            string b = option is "-t" ? "2024-01-02T00:00:00Z" : Path.Combine(dir, "b.json");
            string[] data = ["--data", Data];

            var (exit, output, err) = await Run(["scan", .. data, option, a, option, b, Checks]);

            Assert.Equal(3, exit);
            Assert.Contains($"Option '{named}' expects a single argument but 2 were provided.", err);
            Assert.Contains("Run 'sodalite scan --help' for usage.", err);
            Assert.Empty(output);
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_scan_option_is_a_usage_error_that_names_the_scan_help()
    {
        var (exit, output, err) = await Run("scan", "--data", Data, "--frobnicate", Checks);

        Assert.Equal(3, exit);
        Assert.Equal($"sodalite: Unknown option '--frobnicate'.\nRun 'sodalite scan --help' for usage.\n", err.Replace("\r\n", "\n"));
        Assert.Empty(output);
    }

    [Fact]
    public async Task An_unknown_option_of_a_nested_command_names_that_commands_help()
    {
        var (exit, _, err) = await Run("ingest", "soda", "--file", "x.json", "--bogus");

        Assert.Equal(3, exit);
        Assert.Contains("'--bogus'", err);
        Assert.Contains("Run 'sodalite ingest soda --help' for usage.", err);
    }

    [Fact]
    public async Task An_unknown_command_names_the_top_level_help()
    {
        var (exit, _, err) = await Run("scna");

        Assert.Equal(3, exit);
        Assert.Contains("Run 'sodalite --help' for usage.", err);
    }

    [Fact]
    public async Task The_scan_help_names_every_engine()
    {
        var (exit, output, _) = await Run("scan", "--help");

        Assert.Equal(0, exit);
        foreach (var engine in new[] { "DuckDB", "CSV", "Parquet", "PostgreSQL", "MariaDB/MySQL", "ClickHouse" })
            Assert.Contains(engine, output);
    }

    [Fact]
    public async Task The_top_level_help_names_every_engine_and_the_test_connection_command()
    {
        var (exit, output, _) = await Run("--help");

        Assert.Equal(0, exit);
        foreach (var text in new[] { "DuckDB", "PostgreSQL", "MariaDB/MySQL", "ClickHouse", "test-connection" })
            Assert.Contains(text, output);
    }

    [Fact]
    public void The_package_description_names_every_engine()
    {
        string description = typeof(SodaliteCli).Assembly.GetCustomAttribute<AssemblyDescriptionAttribute>()!.Description;

        foreach (var engine in new[] { "DuckDB", "PostgreSQL", "MariaDB/MySQL", "ClickHouse" })
            Assert.Contains(engine, description);
    }

    [Fact]
    public void A_test_run_keeps_its_temporary_folders_in_one_folder_that_is_removed_when_it_ends()
    {
        string folder = Sodalite.Tests.TestRunTemp.Folder;

        Assert.Equal($"sodalite-tests-{Environment.ProcessId}", Path.GetFileName(folder));
        Assert.StartsWith(folder, Path.GetTempPath(), StringComparison.Ordinal);
        Assert.StartsWith(folder, Directory.CreateTempSubdirectory("sodalite-cli-").FullName, StringComparison.Ordinal);
    }
}
