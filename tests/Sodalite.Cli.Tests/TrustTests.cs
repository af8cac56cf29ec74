// Issue 11: every checks file ends in Soda's verdict or a located error. Each test runs the real `sodalite scan` in-process on the
// bundled retail sample (embedded DuckDB) and asserts what a CI script relies on: the exit code, the message and its location.
using System.Text.Json.Nodes;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

public class TrustTests
{
    private static readonly string Data = Path.Combine(RepoPaths.Repo, "samples", "retail", "retail.csv");

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        // A hang guard, not a timing assertion: hostile input must finish, however slow the machine.
        var run = SodaliteCli.RunAsync(args, o, e);
        var done = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(done == run, $"sodalite {string.Join(' ', args)} did not finish");
        return (await run, o.ToString(), e.ToString());
    }

    private static string Write(string name, string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("sodalite-trust-").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Task<(int Exit, string Out, string Err)> Scan(string checks, params string[] extra) =>
        Run(["scan", "--data", Data, Write("checks.yml", checks), .. extra]);

    private static async Task<(int Exit, string Out, JsonObject Results)> ScanWithResults(string checks)
    {
        string results = Path.Combine(Directory.CreateTempSubdirectory("sodalite-trust-").FullName, "results.json");
        var (exit, output, _) = await Scan(checks, "-srf", results);
        return (exit, output, (JsonObject)JsonNode.Parse(File.ReadAllText(results))!);
    }

    // 1. No crash, ever, and never exit 1 for an error.

    [Fact]
    public async Task An_unclosed_bracket_followed_by_more_lines_is_a_yaml_syntax_error_at_the_bracket()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - [a, b\n  - row_count > 0\n");
        Assert.Equal(3, exit);
        Assert.Contains("YAML syntax error", output);
        Assert.Contains("line=2,col=5", output);
        Assert.Contains("No valid checks found", output);
    }

    [Fact]
    public async Task An_empty_key_in_a_check_configuration_is_a_located_yaml_error()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - row_count > 0:\n      : x\n");
        Assert.Equal(3, exit);
        Assert.Contains("a key is empty", output);
        Assert.Contains("line=3,col=", output);
    }

    [Fact]
    public async Task A_sequence_used_as_a_key_in_the_configuration_is_a_located_error()
    {
        string cfg = Write("configuration.yml", $"[a, b]: 1\ndata_source retail:\n  type: duckdb\n  path: {Data}\n");
        var (exit, output, _) = await Run("scan", "-d", "retail", "-c", cfg, Write("checks.yml", "checks for retail:\n  - row_count > 0\n"));
        Assert.Equal(3, exit);
        Assert.Contains("A sequence or mapping is used as a key", output);
        Assert.Contains($"line=1,col=1 in {cfg}", output);
    }

    [Fact]
    public async Task A_freshness_threshold_too_long_to_measure_is_a_located_error_not_a_pass()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - freshness(order_date) < 99999999999d\n  - row_count > 0\n");
        Assert.Equal(3, exit);
        Assert.Contains("is a longer duration than can be measured", output);
        Assert.Contains("line=2,col=5", output);
        Assert.DoesNotContain("freshness(order_date) < 99999999999d [PASSED]", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task A_configuration_path_naming_a_folder_is_an_error_and_exit_3()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-trust-").FullName;
        var (exit, output, _) = await Run("scan", "-d", "retail", "-c", dir, Write("checks.yml", "checks for retail:\n  - row_count > 0\n"));
        Assert.Equal(3, exit);
        Assert.Contains($"Could not read configuration file {dir}: it is a folder", output);
    }

    [Fact]
    public async Task Convert_with_a_folder_as_results_is_an_error_and_exit_3()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-trust-").FullName;
        var (exit, _, err) = await Run("convert", "--results", dir, "--label", "x", "--artifacts", Path.Combine(dir, "out"));
        Assert.Equal(3, exit);
        Assert.Contains($"--results {dir} is a folder", err);
    }

    [Fact]
    public async Task A_scan_that_ends_in_an_error_still_writes_its_results_file()
    {
        var (exit, _, results) = await ScanWithResults("checks for retail:\n  - row_count > 0\n  - nope(amount) > 0\n");
        Assert.Equal(3, exit);
        Assert.True((bool)results["hasErrors"]!);
        Assert.Single((JsonArray)results["checks"]!);
    }

    // 2. Bounded work on hostile YAML.

    [Fact]
    public async Task An_alias_bomb_is_a_located_error_without_expanding_it()
    {
        var text = new System.Text.StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
        string previous = "a";
        foreach (char name in "bcdefghij")
        {
            text.Append($"{name}: &{name} [{string.Join(",", Enumerable.Repeat("*" + previous, 9))}]\n");
            previous = name.ToString();
        }
        var (exit, output, _) = await Scan(text.ToString());
        Assert.Equal(3, exit);
        Assert.Contains("(an alias *name counts as every node it repeats", output);
        Assert.Contains("+-> line=", output);
    }

    [Fact]
    public async Task A_self_referencing_alias_is_a_located_error()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - &a [row_count > 0, *a]\n");
        Assert.Equal(3, exit);
        Assert.Contains("refers to the node that contains it", output);
        Assert.Contains("line=2,col=", output);
    }

    [Fact]
    public async Task Forty_thousand_nested_brackets_are_a_located_error_not_a_stack_overflow()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - " + new string('[', 40_000) + "\n");
        Assert.Equal(3, exit);
        Assert.Contains("YAML nested deeper than 200 levels", output);
        Assert.Contains("line=2,col=", output);
    }

    [Fact]
    public async Task The_yaml_limits_are_set_from_the_command_line()
    {
        const string checks = "checks for retail:\n  - row_count > 0:\n      attributes:\n        tags: [a, b]\n";
        var (exit, output, _) = await Scan(checks, "--yaml-max-depth", "3");
        Assert.Equal(3, exit);
        Assert.Contains("YAML nested deeper than 3 levels", output);

        (exit, output, _) = await Scan(checks, "--max-file-size", "10");
        Assert.Equal(3, exit);
        Assert.Contains("more than the limit of 10 (--max-file-size)", output);

        (exit, _, _) = await Scan(checks);
        Assert.Equal(0, exit);
    }

    // 3. No silent drop, no false pass.

    [Fact]
    public async Task A_second_yaml_document_is_rejected_as_soda_rejects_it()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - row_count > 0\n---\nchecks for retail:\n  - row_count > 999999\n");
        Assert.Equal(3, exit);
        Assert.Contains("expected a single document in the stream", output);
        Assert.Contains("another document at line 3, column 1", output);
        Assert.Contains("line=1,col=1", output);
        Assert.DoesNotContain("All is good", output);
    }

    [Fact]
    public async Task A_merge_key_in_a_check_configuration_stops_the_file_there_as_in_soda()
    {
        var (exit, output, _) = await Scan(
            "base: &base\n  valid values: [x]\nchecks for retail:\n  - row_count > 0\n  - invalid_count(status) = 0:\n      <<: *base\n  - row_count > 1\n");
        Assert.Equal(3, exit);
        Assert.Contains("YAML merge keys ('<<: *anchor') are not supported in a check configuration", output);
        Assert.Contains("line=6,col=7", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
        Assert.DoesNotContain("invalid_count(status) = 0 [PASSED]", output);
        Assert.DoesNotContain("row_count > 1 [PASSED]", output);
    }

    [Fact]
    public async Task A_key_next_to_a_check_instead_of_under_it_is_an_error_naming_the_check()
    {
        // The check has its own configuration and the key sits beside it: Soda ignores the key (soda-core #1248).
        var (exit, output, _) = await Scan("checks for retail:\n  - invalid_count(status) = 0:\n      name: Known statuses\n    valid values: [delivered]\n  - row_count > 0\n");
        Assert.Equal(3, exit);
        Assert.Contains("Key \"valid values\" is next to check \"invalid_count(status) = 0\", not under it", output);
        Assert.Contains("line=4,col=5", output);
        Assert.DoesNotContain("Known statuses [PASSED]", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Theory]
    [InlineData("invalid_count(status) = 0:\n    valid values: [delivered]", "nothing after its colon")]   // the key beside an empty check
    [InlineData("row_count > 0:", "nothing after its colon")]
    [InlineData("row_count > 0: 5", "the number 5 as its configuration")]
    [InlineData("row_count > 0: true", "the boolean true as its configuration")]
    [InlineData("row_count > 0: 2024-01-31", "the date 2024-01-31 as its configuration")]
    public async Task A_check_with_nothing_or_a_value_after_its_colon_stops_the_file_as_in_soda(string check, string what)
    {
        // Soda 3.5.6 iterates over the configuration first: "Could not add SodaCL file" ('NoneType' / 'int' object is not
        // iterable), and the checks after it are not read; never a check evaluated without the configuration the user meant.
        var (exit, output, _) = await Scan($"checks for retail:\n  - row_count > 1\n  - {check}\n  - row_count > 2\n");
        Assert.Equal(3, exit);
        Assert.Contains("Could not add SodaCL file ", output);
        Assert.Contains($"checks.yml: check \"{check.Split(':')[0]}\" has {what}", output);
        Assert.Contains("line=3,col=5", output);
        Assert.Contains("row_count > 1 [PASSED]", output);
        Assert.DoesNotContain("row_count > 2", output.Split("ERRORS:")[0]);
    }

    // Each stops the file in Soda 3.5.6 with "Could not add SodaCL file" (a Python type error while it reads the file; recorded
    // runs): the checks above it run, those after it are not read, and the scan exits 3. Sodalite says which key and what to write.
    [Theory]
    [InlineData("checks for retail:\n  - row_count > 2:\n      filter:\n", "the 'filter' of check \"row_count > 2\" must be one SQL condition, not empty")]
    [InlineData("checks for retail:\n  - row_count > 2:\n      filter: 5\n", "not the number 5")]
    [InlineData("checks for retail:\n  - missing_count(status) = 2:\n      missing values:\n", "'missing values' has nothing after the colon")]
    [InlineData("configurations for retail:\n  valid values for status: 3\n", "'valid values' has the number 3 as its value")]
    [InlineData("checks for retail:\n  - attributes: [a]\n  - row_count > 2\n", "dataset-level 'attributes' must be a mapping")]
    [InlineData("checks for retail:\n  - attributes:\n      owner: me\n  - row_count > 2:\n      attributes:\n", "the 'attributes' of check \"row_count > 2\" must be a mapping")]
    [InlineData("for each dataset T:\n  datasets:\n  checks:\n    - row_count > 2\n", "needs 'datasets:' with at least one dataset name")]
    [InlineData("2024:\n  - row_count > 2\n", "the section header 2024 is a number")]
    public async Task What_soda_cannot_read_stops_the_file_there(string section, string message)
    {
        var (exit, output, _) = await Scan(
            $"filter retail [all]:\n  where: 1 = 1\nfilter retail [rest]:\n  where: 1 = 1\nchecks for retail [all]:\n  - row_count > 1\n{section}checks for retail [rest]:\n  - row_count > 3\n");
        Assert.Equal(3, exit);
        Assert.Contains("Could not add SodaCL file", output);
        Assert.Contains(message, output);
        Assert.Contains("The checks after it in the file were not read.", output);
        Assert.Contains("row_count > 1 [PASSED]", output);
        Assert.DoesNotContain("row_count > 2 [", output);
        Assert.DoesNotContain("row_count > 3 [", output);
    }

    [Fact]
    public async Task A_group_by_check_with_nothing_after_its_colon_stops_the_file_as_in_soda()
    {
        var (exit, output, _) = await Scan(
            "checks for retail:\n  - group by:\n      query: SELECT country, COUNT(*) AS n FROM retail GROUP BY country\n      fields: [country]\n      checks:\n        - n > 0:\n  - row_count > 0\n");
        Assert.Equal(3, exit);
        Assert.Contains("check \"n > 0\" of group by \"group by\" has nothing after its colon", output);
        Assert.Contains("line=6,col=11", output);
        Assert.DoesNotContain("[PASSED]", output);
    }

    [Fact]
    public async Task A_check_with_an_unknown_format_is_never_passed()
    {
        var (exit, output, results) = await ScanWithResults("checks for retail:\n  - invalid_count(customer_email) = 0:\n      valid format: emial\n");
        Assert.Equal(3, exit);
        Assert.Contains("Format emial is not supported", output);
        Assert.Contains("line=3,col=7", output);
        Assert.Contains("invalid_count(customer_email) = 0 [NOT EVALUATED]\n", output.Replace("\r", ""));
        // Its value was measured without the format: the summary does not print it as if it were a verdict.
        Assert.Contains("not judged: its valid format \"emial\" is not a known format", output);
        Assert.DoesNotContain("check_value", output);
        Assert.Empty((JsonArray)results["checks"]!);
    }

    [Fact]
    public async Task A_misspelled_measuring_key_keeps_the_check_from_passing_but_a_misspelled_name_does_not()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - invalid_count(status) = 0:\n      valid vaules: [delivered]\n  - row_count > 0:\n      nmae: Rows\n");
        Assert.Equal(3, exit);
        Assert.Contains("Skipping unsupported check configuration: valid vaules (did you mean \"valid values\"?)", output);
        Assert.Contains("invalid_count(status) = 0 [NOT EVALUATED]", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Theory]
    [InlineData("  pth: x.csv\n", "unknown key 'pth' (did you mean 'path'?)", "line=3,col=3")]
    [InlineData("  path: [a.csv, b.csv]\n", "'path' (a .duckdb database, a .csv/.parquet/.json file, or a folder of them) must be a single value, not a list", "line=3,col=9")]
    [InlineData("  path: PATH\n  sampler:\n    samples_limit: lots\n", "'sampler.samples_limit' (failed-row samples per check (0 disables)) must be a whole number of 0 or more, not \"lots\"", "line=5,col=20")]
    public async Task A_data_source_block_is_validated_like_a_check(string body, string message, string location)
    {
        string cfg = Write("configuration.yml", "data_source retail:\n  type: duckdb\n" + body.Replace("PATH", Data));
        var (exit, output, _) = await Run("scan", "-d", "retail", "-c", cfg, Write("checks.yml", "checks for retail:\n  - row_count > 0\n"));
        Assert.Equal(3, exit);
        Assert.Contains(message, output);
        Assert.Contains($"{location} in {cfg}", output);
        Assert.Contains("Data source \"retail\" is not used: its configuration", output);
        Assert.DoesNotContain("[PASSED]", output);
    }

    [Fact]
    public async Task Postgres_port_and_sslmode_are_validated_before_connecting()
    {
        string cfg = Write("configuration.yml", "data_source pg:\n  type: postgres\n  port: [1, 2]\n  sslmode: bogus\n");
        var (exit, output, _) = await Run("scan", "-d", "pg", "-c", cfg, Write("checks.yml", "checks for t:\n  - row_count > 0\n"));
        Assert.Equal(3, exit);
        Assert.Contains("'port' (the server's port) must be a single value, not a list", output);
        Assert.Contains("'sslmode' is \"bogus\"; accepted values: disable, allow, prefer, require, verify-ca, verify-full", output);
        Assert.Contains("line=4,col=12", output);
        Assert.DoesNotContain("Could not connect", output);
    }

    [Theory]
    [InlineData("-v", "DATE", "-v/--variable takes KEY=VALUE, not 'DATE'")]
    [InlineData("--frobnicate", null, "Unknown option '--frobnicate'")]
    [InlineData("--srf", "out.json", "Unknown option '--srf' (did you mean -srf?)")]
    public async Task A_bad_option_is_a_usage_error_before_anything_runs(string option, string? value, string message)
    {
        string checks = Write("checks.yml", "checks for retail:\n  - row_count > 0\n");
        string[] args = value is null ? ["scan", "--data", Data, option, checks] : ["scan", "--data", Data, option, value, checks];
        var (exit, output, err) = await Run(args);
        Assert.Equal(3, exit);
        Assert.Contains(message, err);
        Assert.Empty(output);
    }

    // 4. Soda's semantics, by kind.

    [Fact]
    public async Task A_variables_section_value_names_the_table_and_the_check()
    {
        var (exit, output, results) = await ScanWithResults("variables:\n  tbl: retail\n  min: \"10\"\nchecks for ${tbl}:\n  - row_count > ${min}:\n      name: more than ${min} rows\n");
        Assert.Equal(0, exit);
        Assert.Contains("more than 10 rows [PASSED]", output);
        var check = (JsonObject)((JsonArray)results["checks"]!)[0]!;
        Assert.Equal("retail", (string?)check["table"]);
        Assert.Equal(10.0, (double)check["diagnostics"]!["fail"]!["lessThanOrEqual"]!);
    }

    [Fact]
    public async Task A_variable_that_is_not_text_stops_the_file_as_in_soda()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - row_count > 0\nvariables:\n  n: 5\nchecks for retail [x]:\n  - row_count > 1\n");
        Assert.Equal(3, exit);
        Assert.Contains("variable 'n' is the number 5, and variables are text: quote it (n: \"5\")", output);
        Assert.Contains("line=4,col=6", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task An_inverted_between_is_an_error_and_the_check_keeps_sodas_outcome()
    {
        // Soda 3.5.6: the error, then the zone as written: between 10 and 5 never holds (fail), not between 10 and 5 always does
        // (pass). Exit 3 either way, so a CI gate never reads the pass as success.
        var (exit, output, results) = await ScanWithResults(
            "checks for retail:\n  - row_count between 10 and 5\n  - row_count not between (10 and 5]\n  - row_count:\n      fail: when not between 10 and 5\n  - row_count:\n      warn: when between 10 and 5\n");
        Assert.Equal(3, exit);
        Assert.Contains("Left lower bound should be less than the upper bound on the right between 10 and 5", output);
        Assert.Contains("Left lower bound should be less than the upper bound on the right not between (10 and 5]", output);
        Assert.Contains("Left lower bound should be less than the upper bound on the right not between 10 and 5", output);
        Assert.Contains("line=2,col=5", output);
        Assert.Contains("line=3,col=5", output);
        Assert.Contains("line=6,col=5", output);
        var outcomes = ((JsonArray)results["checks"]!).Select(c => ((string?)c!["name"], (string?)c["outcome"])).ToList();
        // As recorded from Soda Core 3.5.6 on the same file: "Oops! 4 errors. 2 failures. 0 warnings. 2 pass."
        Assert.Equal(
            [("row_count between 10 and 5", "fail"), ("row_count not between (10 and 5]", "pass"),
             ("row_count fail when not between 10 and 5", "fail"), ("row_count warn when between 10 and 5", "pass")], outcomes);
        Assert.Contains("Oops! 4 errors. 2 failures. 0 warnings. 2 pass.", output);
    }

    [Fact]
    public async Task Default_names_show_any_warn_or_fail_value_and_definitions_keep_local_tags_as_in_soda()
    {
        // Soda 3.5.6 on such checks (recorded on PostgreSQL): names "failed rows fail 5", "... warn 0" (a quoted "0" is
        // truthy, the number 0 is not shown), "missing_count(status) fail when > 0"; 'fail: != 5' is the YAML tag '!=' on 5, kept in
        // the definition, and '!!str' is not written back.
        var (exit, _, results) = await ScanWithResults(
            "checks for retail:\n  - failed rows:\n      fail condition: amount > -1000\n      fail: != 5\n  - failed rows:\n      fail condition: amount > -1000\n      fail: 0\n      warn: \"0\"\n  - missing_count(status):\n      fail: !!str when > 0\n");
        Assert.Equal(3, exit);
        var checks = ((JsonArray)results["checks"]!).Select(c => ((string?)c!["name"], (string?)c["definition"])).ToList();
        Assert.Contains(("failed rows fail 5", "checks for retail:\n  - failed rows:\n      fail condition: amount > -1000\n      fail: != 5\n"), checks);
        Assert.Contains(checks, c => c.Item1 == "failed rows warn 0");
        Assert.Contains(("missing_count(status) fail when > 0", "checks for retail:\n  - missing_count(status):\n      fail: when > 0\n"), checks);
    }

    [Fact]
    public async Task A_name_that_is_not_text_and_an_empty_list_item_are_errors_and_the_rest_runs_as_in_soda()
    {
        // Soda 3.5.6 (recorded): 'Invalid YAML structure: key "name" must contain a str, but was int' at the check, which keeps its
        // default name and runs; 'identity: 5' is ignored; a lone '-' is "Skipping unsupported check definition" and the file reads on,
        // even after dataset attributes.
        var (exit, output, results) = await ScanWithResults(
            "checks for retail:\n  - attributes:\n      owner: me\n  - row_count > 0:\n      name: 5\n      identity: 7\n  -\n  - row_count > 1\n");
        Assert.Equal(3, exit);
        Assert.Contains("Invalid YAML structure: key \"name\" must contain a str, but was int", output);
        Assert.Contains("line=4,col=5", output);
        Assert.Contains("Skipping unsupported check definition", output);
        var checks = ((JsonArray)results["checks"]!).ToList();
        Assert.Equal(["row_count > 0", "row_count > 1"], checks.Select(c => (string?)c!["name"]));
        Assert.Null(checks[0]!["identities"]!["v4"]);
    }

    [Fact]
    public async Task Common_layout_mistakes_are_located_where_the_user_can_fix_them()
    {
        // A misspelled section header gets a did-you-mean; a list item indented one space deeper is joined by YAML to the check
        // above it (the message says so, with both lines); a tab in the indentation is pointed at, not the value above it.
        var (exit, output, _) = await Scan("check for retail:\n  - row_count > 0\nchecks for retail:\n  - row_count > 0\n   - missing_count(country) < 100\n");
        Assert.Equal(3, exit);
        Assert.Contains("Invalid section header \"check for retail\" (did you mean \"checks for retail\"?)", output);
        Assert.Contains("YAML joined lines 4 to 5 into this one check", output);
        Assert.Contains("line=4,col=5", output);

        (exit, output, _) = await Scan("checks for retail:\n  - row_count > 0\n\t- row_count > 1\n");
        Assert.Equal(3, exit);
        Assert.Contains("found a tab character", output);
        Assert.Contains("line=3,col=1", output);
    }

    [Theory]
    [InlineData("filter:")]
    [InlineData("missing values:")]
    [InlineData("filter: amount > 20")]
    public async Task A_metric_key_on_a_failed_rows_check_is_an_invalid_key_and_the_file_reads_on_as_in_soda(string key)
    {
        // Soda 3.5.6 (recorded): 'Invalid user defined failed rows check configuration key "filter"', and every check is evaluated;
        // only metric checks read filter and value lists (and stop the file on an empty one).
        var (exit, output, _) = await Scan($"checks for retail:\n  - failed rows:\n      fail condition: amount < -1000\n      {key}\n  - row_count > 0\n");
        Assert.Equal(3, exit);
        Assert.Contains($"Invalid user defined failed rows check configuration key \"{key.Split(':')[0]}\"", output);
        Assert.DoesNotContain("Could not add SodaCL file", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task Names_and_thresholds_soda_reads_without_complaint_stay_valid()
    {
        // Soda 3.5.6 (recorded): '!!str 123' is a text name; a list fail value shows in the default name; with a threshold on the
        // line, warn/fail values are ignored, not checked.
        var (exit, _, results) = await ScanWithResults(
            "checks for retail:\n  - row_count > 3:\n      warn: when > 1000000\n      fail: 0\n  - row_count > 5:\n      name: !!str 123\n  - row_count > 1000000:\n      fail: [1]\n");
        Assert.Equal(2, exit);
        var outcomes = ((JsonArray)results["checks"]!).Select(c => ((string?)c!["name"], (string?)c["outcome"])).ToList();
        Assert.Equal([("row_count > 3 warn when > 1000000", "pass"), ("123", "pass"), ("row_count > 1000000 fail [1]", "fail")], outcomes);
    }

    [Fact]
    public async Task A_word_as_threshold_still_computes_its_metric()
    {
        var (exit, output, results) = await ScanWithResults("checks for retail:\n  - min(amount) > ten\n");
        Assert.Equal(3, exit);
        Assert.Contains("\"ten\" is not a number", output);
        Assert.Contains(((JsonArray)results["metrics"]!).Select(m => (string?)m!["identity"]), i => i == "metric-Soda Core CLI-retail-retail-amount-min");
    }

    [Fact]
    public async Task An_unknown_metric_is_listed_without_a_value_as_in_soda()
    {
        var (exit, output, results) = await ScanWithResults("checks for retail:\n  - foo_metric(amount) > 0\n  - row_count > 0\n");
        Assert.Equal(3, exit);
        Assert.Contains("Metrics 'foo_metric' were not computed for check 'foo_metric(amount) > 0'", output);
        var metric = ((JsonArray)results["metrics"]!).Single(m => (string?)m!["metricName"] == "foo_metric")!;
        Assert.Equal("metric-Soda Core CLI-retail-retail-amount-foo_metric", (string?)metric["identity"]);
        Assert.Null(metric["value"]);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task A_table_metric_in_a_checks_section_is_an_error_and_the_rest_runs()
    {
        var (exit, output, results) = await ScanWithResults("checks:\n  - row_count > 0\nchecks for retail:\n  - row_count > 1\n");
        Assert.Equal(3, exit);
        Assert.Contains("Check \"row_count > 0\" needs a table", output);
        Assert.Contains("line=2,col=5", output);
        Assert.Contains(((JsonArray)results["metrics"]!), m => (string?)m!["identity"] == "metric-Soda Core CLI-retail-row_count" && m["value"] is null);
        Assert.Contains("row_count > 1 [PASSED]", output);
    }

    [Fact]
    public async Task The_legacy_for_each_table_form_runs_with_a_deprecation_warning()
    {
        var (exit, output, _) = await Scan("for each table T:\n  tables:\n    - RETAIL\n  checks:\n    - row_count > 0\n");
        Assert.Equal(0, exit);
        Assert.Contains("Please update 'for each table ...' to 'for each dataset ...'.", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task A_for_each_alias_that_reads_as_a_time_unit_is_an_invalid_header()
    {
        var (exit, output, _) = await Scan("for each dataset d:\n  datasets:\n    - retail\n  checks:\n    - row_count > 0\n");
        Assert.Equal(3, exit);
        Assert.Contains("Invalid section header \"for each dataset d\"", output);
        Assert.Contains("line=1,col=1", output);
    }

    [Fact]
    public async Task A_for_each_pattern_naming_another_data_source_is_an_error_and_the_scanned_one_is_used()
    {
        var (exit, output, _) = await Scan("for each dataset T:\n  datasets:\n    - other.retail\n    - retail.retail\n  checks:\n    - row_count > 0\n");
        Assert.Equal(3, exit);
        Assert.Contains("Cross data source table sets not yet supported. other.retail refers to non default data source  other", output);
        Assert.Contains("line=3,col=7", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task Row_count_same_as_takes_a_filter_name_without_brackets()
    {
        var (exit, output, _) = await Scan("filter retail [big]:\n  where: amount > 100\nchecks for retail:\n  - row_count same as retail big\n");
        Assert.Equal(2, exit);
        Assert.Contains("row_count same as retail big [FAILED]", output);
    }

    [Fact]
    public async Task Dataset_attributes_merge_into_later_table_checks_as_soda_merges_them()
    {
        var (exit, _, results) = await ScanWithResults(
            "checks for retail:\n  - attributes:\n      owner: team\n      tags: [a, b]\n      day: 2024-01-31\n      prio: 1\n" +
            "  - row_count > 0:\n      attributes:\n        prio: 2\n        extra: true\n  - max(amount) > 0\n");
        Assert.Equal(0, exit);
        var checks = ((JsonArray)results["checks"]!).Select(c => (JsonObject)c!).ToList();
        var rowCount = checks.Single(c => (string?)c["name"] == "row_count > 0");
        string offset = new DateTimeOffset(new DateTime(2024, 1, 31), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2024, 1, 31))).ToString("zzz", System.Globalization.CultureInfo.InvariantCulture);
        var expected = JsonNode.Parse("[{\"name\":\"prio\",\"value\":\"1\"},{\"name\":\"extra\",\"value\":true},{\"name\":\"owner\",\"value\":\"team\"},{\"name\":\"tags\",\"value\":[\"a\",\"b\"]},{\"name\":\"day\",\"value\":\"2024-01-31T00:00:00" + offset + "\"}]");
        Assert.True(JsonNode.DeepEquals(expected, rowCount["resourceAttributes"]), rowCount["resourceAttributes"]!.ToJsonString());
        Assert.Equal("checks for retail:\n  - row_count > 0:\n      attributes:\n        prio: 1\n        extra: true\n        owner: team\n        tags: [a, b]\n        day: 2024-01-31\n",
            (string?)rowCount["definition"]);
        var max = checks.Single(c => (string?)c["name"] == "max(amount) > 0");
        Assert.StartsWith("checks for retail:\n  - max(amount) > 0:\n      attributes:\n        owner: team\n", (string?)max["definition"]);
    }

    [Fact]
    public async Task A_values_list_mixing_types_gets_sodas_error_and_cannot_pass()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - missing_count(status) < 10:\n      missing values: [a, 1, null]\n");
        Assert.Equal(3, exit);
        Assert.Contains("Only strings or only numbers allowed in missing values: ['a', 1, None]", output);
        Assert.Contains("line=3,col=23", output);
        Assert.Contains("missing_count(status) < 10 [NOT EVALUATED]", output);
    }

    /// <summary>
    /// Scans <paramref name="checks"/> saved as <paramref name="fileName"/> against a DuckDB data source named "pg" holding a small
    /// "customers" table, so that identities (which hash the data source and file names) can be compared with Soda's recorded ones.
    /// </summary>
    private static async Task<JsonArray> ChecksOfCustomersScan(string fileName, string checks)
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-trust-").FullName;
        File.WriteAllText(Path.Combine(dir, "customers.csv"), "id,cst_size,cat,country\nID1,1,HIGH,BE\nID2,2,LOW,NL\nID3,3,HIGH,BE\n");
        File.WriteAllText(Path.Combine(dir, "cfg.yml"), $"data_source pg:\n  type: duckdb\n  path: {Path.Combine(dir, "customers.csv")}\n");
        File.WriteAllText(Path.Combine(dir, fileName), checks);
        string results = Path.Combine(dir, "results.json");
        await Run("scan", "-d", "pg", "-c", Path.Combine(dir, "cfg.yml"), Path.Combine(dir, fileName), "-srf", results);
        return (JsonArray)JsonNode.Parse(File.ReadAllText(results))!["checks"]!;
    }

    [Fact]
    public async Task Definitions_keep_the_comments_and_blank_lines_soda_keeps_and_identities_the_ones_it_hashes()
    {
        // Recorded from Soda Core 3.5.6 (ruamel.yaml 0.17.21) scanning these files as g5.yml and g6.yml with data source "pg".
        const string g5 = "checks for customers:\n  - max(cst_size) > 0:\n      fail: when < 0\n\n  - min(cst_size) > -10:\n      filter: cat = 'HIGH'   # only high\n      name: y\n" +
                          "  - avg(cst_size) > 0:\n      # why\n      filter: cat = 'HIGH'\n  - sum(cst_size) > 0:\n      filter: cat = 'HIGH'\n  # note about next\n\n" +
                          "  - stddev(cst_size) > 0:\n      filter: cat = 'HIGH'\n\n# end of section\nchecks for orders:\n  - row_count > 0:\n      name: z\n";
        const string g6 = "checks for customers:\n  - missing_count(cat) < 10:\n      missing values: [a, b]   # after value\n  - missing_count(id) < 10:\n      # inside config\n" +
                          "      missing values: [a, b]\n  - missing_count(country) < 10:\n      missing values:\n        - a   # x\n        - b\n\n  - max(cst_size) > 0\n";
        var expected = new (string Identity, string Definition)[]
        {
            ("6dd2ba28", "checks for customers:\n  - max(cst_size) > 0:\n      fail: when < 0\n\n"),
            ("ac1cb161", "checks for customers:\n  - min(cst_size) > -10:\n      filter: cat = 'HIGH'   # only high\n      name: y\n"),
            ("0c188d08", "checks for customers:\n  - avg(cst_size) > 0:\n      # why\n      filter: cat = 'HIGH'\n"),
            ("d623bbb8", "checks for customers:\n  - sum(cst_size) > 0:\n      filter: cat = 'HIGH'\n  # note about next\n\n"),
            ("8cb0d731", "checks for customers:\n  - stddev(cst_size) > 0:\n      filter: cat = 'HIGH'\n\n# end of section\n"),
            ("e66921aa", "checks for customers:\n  - missing_count(cat) < 10:\n      missing values: [a, b]   # after value\n"),
            ("6b25e7c5", "checks for customers:\n  - missing_count(id) < 10:\n      # inside config\n      missing values: [a, b]\n"),
            ("c5d8d3a6", "checks for customers:\n  - missing_count(country) < 10:\n      missing values:\n        - a   # x\n        - b\n\n"),
            ("e2f68b05", "checks for customers:\n  max(cst_size) > 0"),
        };
        // Merged dataset attributes are a plain dict in Soda: the comments and blank lines around them are not kept.
        const string attrs = "checks for customers:\n  - attributes:\n      priority: 3\n  # validity\n  - row_count > 0:\n      attributes:\n        owner: ops\n\n  - missing_count(id) = 1\n";
        expected = [.. expected,
            ("ed903d8b", "checks for customers:\n  - row_count > 0:\n      attributes:\n        owner: ops\n        priority: 3\n"),
            ("3ab30c44", "checks for customers:\n  - missing_count(id) = 1:\n      attributes:\n        priority: 3\n")];
        var actual = (await ChecksOfCustomersScan("g5.yml", g5)).Concat(await ChecksOfCustomersScan("g6.yml", g6))
            .Concat(await ChecksOfCustomersScan("dsattr_comment_dropped.yml", attrs))
            .Select(c => ((string)c!["identity"]!, (string)c["definition"]!)).ToList();
        foreach (var e in expected) Assert.Contains(e, actual);
    }

    [Fact]
    public async Task The_legacy_freshness_form_takes_one_time_unit_and_without_a_threshold_stops_the_file_as_in_soda()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - freshness using order_date < 1d2h\n  - row_count > 0\n  - freshness using order_date\n  - row_count > 1\n");
        Assert.Equal(3, exit);
        Assert.Contains("Invalid check \"freshness using order_date < 1d2h\": mismatched input '1d2h' expecting TIMEUNIT", output);
        Assert.Contains("line=2,col=5", output);
        Assert.Contains("the legacy freshness check \"freshness using order_date\" has no threshold", output);
        Assert.Contains("line=4,col=5", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
        Assert.DoesNotContain("row_count > 1 [PASSED]", output);
    }

    [Fact]
    public async Task An_empty_user_defined_expression_is_a_located_error()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - ones(amount) > 0:\n      ones expression: \"\"\n  - row_count > 0\n");
        Assert.Equal(3, exit);
        Assert.Contains("'ones expression' of check \"ones(amount) > 0\" is empty", output);
        Assert.Contains("line=3,col=24", output);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task A_percent_sign_starting_a_plain_value_is_a_yaml_error_as_ruamel_reads_it()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - invalid_count(status) = 0:\n      valid regex: [%]\n");
        Assert.Equal(3, exit);
        Assert.Contains("found character '%' that cannot start any token", output);
        Assert.Contains("line=3,col=21", output);
    }

    [Fact]
    public async Task A_fail_query_with_no_rows_still_shows_its_failed_rows_block_and_a_multi_column_duplicate_percent_names_its_first_column()
    {
        var (exit, _, results) = await ScanWithResults(
            "checks for retail:\n  - failed rows:\n      fail query: SELECT * FROM retail WHERE 1 = 0\n  - duplicate_percent(country, status) < 100\n");
        Assert.Equal(0, exit);
        var checks = ((JsonArray)results["checks"]!).Select(c => (JsonObject)c!).ToList();
        var block = (JsonObject)checks.Single(c => (string?)c["name"] == "failed rows")["diagnostics"]!["blocks"]![0]!;
        Assert.Equal("Failed Rows", (string?)block["title"]);
        Assert.Equal(0, (int)block["file"]!["totalRowCount"]!);
        Assert.Equal(8, ((JsonArray)block["file"]!["columns"]!).Count);
        // Soda 3.5.6: metric-<def>-<ds>-<table>-<first column>-duplicate_percent-<hash of the other columns>.
        var dup = checks.Single(c => (string?)c["name"] == "duplicate_percent(country, status) < 100");
        Assert.StartsWith("metric-Soda Core CLI-retail-retail-country-duplicate_percent-", (string?)dup["metrics"]![0]);
    }

    [Fact]
    public async Task A_user_defined_expression_with_a_column_takes_that_columns_configuration_into_its_identity()
    {
        // Recorded from Soda Core 3.5.6 scanning this file with data source "retail".
        var (exit, _, results) = await ScanWithResults(
            "configurations for retail:\n  valid min for amount: 1\nchecks for retail:\n  - surface(amount) > 0:\n      surface expression: SUM(amount * quantity)\n");
        Assert.Equal(0, exit);
        Assert.Equal("metric-Soda Core CLI-retail-retail-amount-surface-4340724f", (string?)((JsonArray)results["metrics"]!).Single()!["identity"]);
    }

    [Fact]
    public async Task A_filter_declared_below_its_checks_is_not_declared_as_in_soda()
    {
        var (exit, output, _) = await Scan("checks for retail [big]:\n  - row_count > 0\nfilter retail [big]:\n  where: amount > 100\n");
        Assert.Equal(3, exit);
        Assert.Contains("Filter not declared: big. Move 'filter retail [big]:' (line 3) above this section.", output);
        Assert.Contains("line=1,col=1", output);
        Assert.DoesNotContain("[PASSED]", output);
    }

    [Fact]
    public async Task A_list_where_soda_wants_text_is_soda_error_and_a_list_filter_stops_the_file()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - invalid_count(status) = 0:\n      valid regex: [a, b]\n  - missing_count(status) = 0:\n      missing regex: 5\n");
        Assert.Equal(3, exit);
        Assert.Contains("valid regex must be a string, but was CommentedSeq", output);
        Assert.Contains("line=3,col=20", output);
        Assert.Contains("missing regex must be a string, but was int", output);
        Assert.DoesNotContain("[PASSED]", output);

        (exit, output, _) = await Scan("checks for retail:\n  - row_count > 5:\n      filter: [amount > 100]\n  - row_count > 0\n");
        Assert.Equal(3, exit);
        Assert.Contains("the 'filter' of check \"row_count > 5\" must be one SQL condition, not a list", output);
        Assert.Contains("line=3,col=15", output);
        Assert.DoesNotContain("[PASSED]", output);
    }

    // 5. Jinja as Soda renders it.

    [Fact]
    public async Task Jinja_expressions_render_in_headers_names_thresholds_and_filters()
    {
        var (exit, output, results) = await ScanWithResults(
            "variables:\n  factor: \"2\"\n  tbl: retail\n  min: ${ '50' | int * factor | int }\nchecks for ${ tbl }:\n  - row_count > ${min}:\n      name: over ${ 50 * 2 } rows in ${ tbl | upper }\n" +
            "  - missing_count(country) = 0:\n      filter: country <> '${ \"X\" ~ \"Y\" }'\n");
        Assert.Equal(0, exit);
        Assert.Contains("over 100 rows in RETAIL [PASSED]", output);
        var check = ((JsonArray)results["checks"]!).Single(c => (string?)c!["name"] == "over 100 rows in RETAIL")!;
        Assert.Equal(100.0, (double)check["diagnostics"]!["fail"]!["lessThanOrEqual"]!);
    }

    [Fact]
    public async Task A_jinja_error_is_located_and_costs_only_its_check()
    {
        var (exit, output, _) = await Scan("checks for retail:\n  - row_count:\n      fail: when < ${nope+1}\n  - max(amount) > ${1/0}\n  - avg(amount) > 0:\n      name: ${ foo( }\n  - min(quantity) > 0\n  - row_count > ${ spaced }\n");
        Assert.Equal(3, exit);
        Assert.Contains("Jinja error in ${nope+1} at line 1, column 1: 'nope' is undefined", output);
        Assert.Contains("line=2,col=5", output);
        Assert.Contains("division by zero", output);
        Assert.Contains("line=4,col=5", output);
        Assert.Contains("' ' inside ${ spaced } at column 15: a variable in a check line is one word without spaces", output);
        Assert.Contains("Could not resolve the name \"${ foo( }\"", output);
        Assert.Contains("line=6,col=13", output);
        Assert.Contains("min(quantity) > 0 [PASSED]", output);
        Assert.Contains("row_count fail when < ${nope+1} [NOT EVALUATED]", output);
    }

    [Fact]
    public async Task An_undefined_variable_in_a_filter_renders_empty_as_in_jinja()
    {
        // Soda renders an undefined ${x} as "", so this filter keeps no row and the count is 0.
        var (exit, output, _) = await Scan("checks for retail:\n  - row_count = 0:\n      filter: status = '${ undefined_status }'\n");
        Assert.Equal(0, exit);
        Assert.Contains("row_count = 0 [PASSED]", output);
    }

    [Fact]
    public async Task The_configuration_file_is_rendered_whole_with_jinja_blocks()
    {
        string cfg = Write("configuration.yml",
            "{% for name in ['first', 'second'] %}\ndata_source ${ name }:\n  type: duckdb\n  path: " + Data + "\n{% endfor %}\n{% if true %}\n# ${ 'rendered' }\n{% endif %}\n");
        var (exit, output, _) = await Run("scan", "-d", "second", "-c", cfg, Write("checks.yml", "checks for retail:\n  - row_count > 0\n"));
        Assert.Equal(0, exit);
        Assert.Contains("row_count > 0 [PASSED]", output);
    }

    [Fact]
    public async Task A_jinja_error_in_the_configuration_file_names_its_place()
    {
        string cfg = Write("configuration.yml", "data_source pg:\n  type: duckdb\n  path: ${ 'a' + 1 }\n");
        var (exit, output, _) = await Run("scan", "-d", "pg", "-c", cfg, Write("checks.yml", "checks for retail:\n  - row_count > 0\n"));
        Assert.Equal(3, exit);
        Assert.Contains($"Could not render configuration file {cfg} with Jinja", output);
        Assert.Contains($"line=3,col=9 in {cfg}", output);
    }

    [Fact]
    public async Task A_dot_env_file_in_the_working_folder_is_read_over_the_environment()
    {
        // A process of its own: the .env file is read from the working folder, which a test must not change for the others.
        string dir = Directory.CreateTempSubdirectory("sodalite-trust-").FullName;
        File.WriteAllText(Path.Combine(dir, ".env"), "MIN_ROWS=4000\nTABLE_NAME=retail\n");
        File.WriteAllText(Path.Combine(dir, "checks.yml"), "checks for ${ env_var('TABLE_NAME') }:\n  - row_count > ${MIN_ROWS}\n");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "sodalite.dll"), "scan", "--data", Data, "checks.yml" }) start.ArgumentList.Add(a);
        start.Environment["MIN_ROWS"] = "999999";
        using var process = System.Diagnostics.Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("row_count > 4000 [PASSED]", output);
    }
}
