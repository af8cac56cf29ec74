// Which configuration keys each check type takes, replayed from real Soda Core 3.5.6: Data/soda-3.5.6-configuration-keys.jsonl
// holds 318 runs of `soda scan` (PostgreSQL), one check with one extra key each, over eleven check types, with Soda's exit code
// and whether it reported the key (ok, warning or error). The same files are scanned here on the same rows in DuckDB.
using System.Text.Json.Nodes;
using Sodalite.Cli;

namespace Sodalite.Cli.Tests;

public class ConfigurationKeyTests
{
    private static readonly string Recorded = Path.Combine(AppContext.BaseDirectory, "Data", "soda-3.5.6-configuration-keys.jsonl");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Recorded)) data.Add((string)JsonNode.Parse(line)!["case"]!);
        return data;
    }

    private static readonly Lazy<string> Database = new(() =>
    {
        // The rows of Soda's run: bug_dupes, the same with a timestamp an hour old, and a reference list.
        string dir = Directory.CreateTempSubdirectory("sodalite-keys-").FullName;
        string db = Path.Combine(dir, "reports.duckdb");
        using var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={db}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            CREATE TABLE bug_dupes (id INTEGER, v VARCHAR, x VARCHAR, y VARCHAR);
            INSERT INTO bug_dupes VALUES (1, 'a', 'p', '1'), (2, 'a', 'p', '1'), (3, 'b', 'p', '2'), (4, 'b', 'q', '2'),
                                         (5, 'b', 'q', '2'), (6, NULL, 'r', '3'), (7, NULL, 'r', '3');
            CREATE TABLE kf_dupes_ts AS SELECT *, CAST(now() AS TIMESTAMP) - INTERVAL 1 HOUR AS ts FROM bug_dupes;
            CREATE TABLE kf_ref AS SELECT * FROM (VALUES ('a'), ('b'), ('c'), ('d'), ('e'), ('f'), ('g')) t(v);
            """;
        cmd.ExecuteNonQuery();
        File.WriteAllText(Path.Combine(dir, "count.sql"), "select count(*) from bug_dupes\n");
        File.WriteAllText(Path.Combine(dir, "failed.sql"), "select * from bug_dupes where id > 100\n");
        File.WriteAllText(Path.Combine(dir, "configuration.yml"), $"data_source pg:\n  type: duckdb\n  path: {db}\n");
        return dir;
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_configuration_key_is_taken_or_reported_as_soda_does_for_its_check_type(string name)
    {
        var recorded = File.ReadLines(Recorded).Select(l => JsonNode.Parse(l)!).First(n => (string)n["case"]! == name);
        string dir = Database.Value;
        string checks = Path.Combine(Directory.CreateTempSubdirectory("sodalite-keys-").FullName, "checks.yml");
        File.WriteAllText(checks, ((string)recorded["checks"]!).Replace("SQLDIR/", dir + "/", StringComparison.Ordinal));
        var output = new StringWriter();

        int exit = await SodaliteCli.RunAsync(["scan", "-d", "pg", "-c", Path.Combine(dir, "configuration.yml"), checks], output, new StringWriter());

        // Soda's exit code (3 when it reported the key as an error) and, for a key it takes, no error of ours either.
        Assert.True((int)recorded["soda_exit"]! == exit, $"Soda exited {recorded["soda_exit"]} ({recorded["soda"]}: {recorded["soda_message"]}), Sodalite {exit}:\n{output}");
        if ((string)recorded["soda"]! is "ok" or "warning") Assert.DoesNotContain("ERRORS:", output.ToString());
    }

    [Fact]
    public async Task A_legacy_freshness_check_with_its_threshold_on_the_line_keeps_its_attributes_and_ignores_its_name()
    {
        // Soda 3.5.6 (recorded): name "freshness using ts with NOW < 1d" (its 'name:' is not read) and resourceAttributes
        // [{"name": "owner", "value": "x"}] (attributes are read for every check).
        string dir = Database.Value;
        string checks = Path.Combine(Directory.CreateTempSubdirectory("sodalite-keys-").FullName, "checks.yml");
        File.WriteAllText(checks, "checks for kf_dupes_ts:\n  - freshness using ts with NOW < 1d:\n      name: \"kf name\"\n      attributes: {\"owner\": \"x\"}\n");
        string results = Path.Combine(Path.GetDirectoryName(checks)!, "results.json");

        int exit = await SodaliteCli.RunAsync(["scan", "-d", "pg", "-c", Path.Combine(dir, "configuration.yml"), checks, "-srf", results], new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        var check = JsonNode.Parse(File.ReadAllText(results))!["checks"]![0]!;
        Assert.Equal("freshness using ts with NOW < 1d", (string?)check["name"]);
        Assert.Equal("[{\"name\":\"owner\",\"value\":\"x\"}]", check["resourceAttributes"]!.ToJsonString());
    }
}
