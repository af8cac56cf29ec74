// What a user sees at the edges: a dry run without a summary, no internal query names, a missing default configuration file
// named, an undefined variable named, a reserved word as a table name, and scripts/test.sh waiting for apt's lock.
using System.Diagnostics;
using Sodalite.TestSupport;

using static Sodalite.Cli.Tests.CliRun;

namespace Sodalite.Cli.Tests;

public sealed class FriendlierEdgesTests : IDisposable
{
    private static readonly string Data = Path.Combine(RepoPaths.Repo, "samples", "retail", "retail.csv");
    private readonly string _dir = Directory.CreateTempSubdirectory("sodalite-edges-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }


    [Fact]
    public async Task A_dry_run_prints_the_plan_and_no_scan_summary()
    {
        var (exit, output, _) = await Run("scan", "--data", Data, Write("checks.yml", "checks for retail:\n  - row_count > 0\n  - max(quantity) < 0\n"), "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("COUNT(*)", output);
        Assert.DoesNotContain("Scan summary", output);
        Assert.DoesNotContain("Oops!", output);
    }

    [Fact]
    public async Task A_dry_run_that_cannot_reach_its_data_source_prints_the_error_and_no_scan_summary()
    {
        string cfg = Write("configuration.yml", $"data_source pg:\n  type: postgres\n  host: 127.0.0.1\n  port: {Loopback.FreePort()}\n  connection_timeout: 3\n");

        var (exit, output, _) = await Run("scan", "-d", "pg", "-c", cfg, Write("checks.yml", "checks for t:\n  - row_count > 0\n"), "--dry-run");

        Assert.Equal(3, exit);
        Assert.Contains("Could not connect to data source \"pg\"", output);
        Assert.DoesNotContain("Scan summary", output);
    }

    [Fact]
    public async Task A_batch_split_after_a_failing_expression_is_shown_under_its_own_query_name_without_retry_suffixes()
    {
        string checks = Write("checks.yml", "checks for retail:\n  - row_count > 0\n  - max(no_such_column) > 0\n  - min(quantity) > 0\n  - missing_count(country) = 0\n");

        var (exit, output, _) = await Run("scan", "--data", Data, checks, "-V");

        Assert.Equal(3, exit);
        Assert.Contains("Query execution error in 1.retail.retail.aggregation[0] (retried in part): ", output);
        Assert.DoesNotContain("[retry]", output);
        Assert.Contains("min(quantity) > 0 [PASSED]", output);
    }

    [Fact]
    public async Task Without_c_and_without_the_default_configuration_file_the_scan_says_the_default_file_is_missing()
    {
        // (On a machine with a ~/.soda/configuration.yml there is nothing to say.)
        if (File.Exists(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".soda", "configuration.yml"))) return;

        var (exit, output, _) = await Run("scan", "-d", "pg", Write("checks.yml", "checks for t:\n  - row_count > 0\n"));

        Assert.Equal(3, exit);
        Assert.Contains("No configuration file specified nor found in ~/.soda/configuration.yml: pass -c configuration.yml or create the default file.", output);
        Assert.Contains("Data source 'pg' not present: no configuration file was read (no -c given, and the default file ~/.soda/configuration.yml does not exist).", output);
    }

    [Fact]
    public async Task An_undefined_variable_in_a_filter_is_named_with_what_to_do()
    {
        string checks = Write("checks.yml", "filter retail [big]:\n  where: quantity > ${MIN_QUANTITY_UNSET}\nchecks for retail [big]:\n  - row_count > 0\n");

        var (exit, output, _) = await Run("scan", "--data", Data, checks);

        Assert.Equal(3, exit);
        Assert.Contains("Variable 'MIN_QUANTITY_UNSET' in query 1.retail.retail[big].aggregation[0] is not defined, so ${MIN_QUANTITY_UNSET} is replaced by an empty string. " +
                        "Pass -v MIN_QUANTITY_UNSET=VALUE, set the environment variable MIN_QUANTITY_UNSET, or write ${MIN_QUANTITY_UNSET | default('...')}.", output);
    }

    [Fact]
    public async Task An_undefined_variable_in_a_check_filter_that_still_runs_is_named_and_the_exit_code_stays_as_soda_gives_it()
    {
        string checks = Write("checks.yml", "checks for retail:\n  - row_count >= 0:\n      filter: country = '${COUNTRY_UNSET}'\n");

        var (exit, output, _) = await Run("scan", "--data", Data, checks);

        Assert.Equal(0, exit);
        Assert.Contains("Variable 'COUNTRY_UNSET' in query 1.retail.retail.aggregation[0] is not defined", output);
    }

    [Fact]
    public async Task A_table_named_with_a_reserved_word_is_used_as_written_as_soda_does_and_the_error_says_to_quote_it()
    {
        string data = Path.Combine(_dir, "order.csv");
        File.Copy(Data, data);

        var (exit, output, _) = await Run("scan", "--data", data, Write("checks.yml", "checks for order:\n  - row_count > 0\n"));
        var (quotedExit, quotedOutput, _) = await Run("scan", "--data", data, Write("quoted.yml", "checks for \"order\":\n  - row_count > 0\n"));

        Assert.Equal(3, exit);
        Assert.Contains("FROM order\n", output.Replace("\r\n", "\n"));
        Assert.Contains("'order' is a reserved word in SQL, and the table name is used as the checks file writes it, as Soda does: quote it there, checks for \"order\":", output);
        Assert.True(quotedExit == 0, quotedOutput);
        Assert.Contains("row_count > 0 [PASSED]", quotedOutput);
    }

    [Fact]
    public void The_test_script_waits_for_the_package_managers_lock_instead_of_failing()
    {
        // Given: an apt-get that finds the lock held twice, then works.
        string bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        string calls = Path.Combine(_dir, "calls");
        File.WriteAllText(Path.Combine(bin, "apt-get"), $$"""
            #!/usr/bin/env bash
            echo "$*" >> {{calls}}
            if [ "$3" = "update" ] && [ "$(grep -c update {{calls}})" -le 2 ]; then
              echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)" >&2
              exit 100
            fi
            exit 0
            """);
        MakeExecutable(Path.Combine(bin, "apt-get"));

        // When
        var psi = new ProcessStartInfo("bash", ["-c", $". {Path.Combine(RepoPaths.Repo, "scripts", "apt-install.sh")} && apt_install postgresql"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        psi.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["SODALITE_APT_RETRY_SECONDS"] = "0";
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();

        // Then
        Assert.True(p.ExitCode == 0, err);
        Assert.Equal(2, err.Split('\n').Count(l => l.StartsWith("Waiting for another package manager to release its lock", StringComparison.Ordinal)));
        Assert.Equal(["-o DPkg::Lock::Timeout=600 update -qq", "-o DPkg::Lock::Timeout=600 update -qq", "-o DPkg::Lock::Timeout=600 update -qq",
            "install -o DPkg::Lock::Timeout=600 -y -qq postgresql"], File.ReadAllLines(calls));
    }

    [Fact]
    public void The_test_script_stops_on_an_apt_error_that_is_not_about_a_lock()
    {
        string bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "apt-get"), "#!/usr/bin/env bash\necho 'E: The repository is not signed.' >&2\nexit 100\n");
        MakeExecutable(Path.Combine(bin, "apt-get"));
        var psi = new ProcessStartInfo("bash", ["-c", $". {Path.Combine(RepoPaths.Repo, "scripts", "apt-install.sh")} && apt_install postgresql"])
        {
            RedirectStandardError = true,
        };
        psi.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();

        Assert.Equal(1, p.ExitCode);
        Assert.Contains("E: The repository is not signed.", err);
    }
}
