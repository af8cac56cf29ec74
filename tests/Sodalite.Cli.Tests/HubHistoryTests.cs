// The hub as the metric history (--history http://HUB): the same three scans give the same outcomes through the hub as through a
// local file, and the hub's series equal the file's.
using Sodalite.Cli;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

public class HubHistoryTests(SqliteHub hub, PostgresServer pg) : IClassFixture<SqliteHub>, IClassFixture<PostgresServer>
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = await SodaliteCli.RunAsync(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    /// <summary>The summary lines of a scan's output (no timestamps).</summary>
    private static string Summary(string output) => string.Join('\n', output.Split('\n')
        .Select(l => l.Length > 11 && l[0] == '[' ? l[11..] : l)
        .Where(l => l.Contains('[', StringComparison.Ordinal) || l.Contains("_value", StringComparison.Ordinal) || l.StartsWith("Oops", StringComparison.Ordinal)));

    [Fact]
    public async Task Three_scans_through_the_hub_judge_as_through_a_local_file_and_leave_the_same_series()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-hubhistory-").FullName;
        string data = Path.Combine(dir, "hub_orders.csv"), checks = Path.Combine(dir, "checks.yml"), file = Path.Combine(dir, "history.db");
        File.WriteAllText(checks, "checks for hub_orders:\n  - change for row_count < 50\n  - change percent for row_count between -10 and 10\n  - schema:\n      warn:\n        when schema changes: any\n");
        var viaHub = new List<(int, string)>();
        var viaFile = new List<(int, string)>();
        int day = 1;
        foreach (int rows in new[] { 100, 104, 160 })
        {
            File.WriteAllText(data, "id\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"{i}\n")));
            string t = $"2024-04-0{day++}T00:00:00Z";
            var (e1, o1, err1) = await Run("scan", "--data", data, checks, "-t", t, "--history", hub.BaseAddress.ToString(), "--token", hub.AdminToken);
            var (e2, o2, _) = await Run("scan", "--data", data, checks, "-t", t, "--history", file);
            Assert.Equal("", err1);
            viaHub.Add((e1, Summary(o1)));
            viaFile.Add((e2, Summary(o2)));
        }

        Assert.Equal(viaFile, viaHub);
        Assert.Equal([0, 0, 2], viaHub.Select(v => v.Item1));
        Assert.Contains("change for row_count < 50 [FAILED]", viaHub[2].Item2);
        const string identity = "metric-Soda Core CLI-hub_orders-hub_orders-row_count";
        var (s1, fromHub, _) = await Run("history", "show", "--metric", identity, "--history", hub.BaseAddress.ToString(), "--token", hub.AdminToken);
        var (s2, fromFile, _) = await Run("history", "show", "--metric", identity, "--history", file);
        Assert.Equal((0, 0), (s1, s2));
        Assert.Equal(fromFile.Split('\n').Select(l => l.Split('\t')[0] + (l.Contains('\t') ? "\t" + l.Split('\t')[^1] : "")),
                     fromHub.Split('\n').Select(l => l.Split('\t')[0] + (l.Contains('\t') ? "\t" + l.Split('\t')[^1] : "")));
        Assert.Equal(4, fromHub.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task A_hub_history_without_a_token_is_refused_before_the_scan_runs()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-hubhistory-").FullName;
        string data = Path.Combine(dir, "orders.csv"), checks = Path.Combine(dir, "checks.yml");
        File.WriteAllText(data, "id\n1\n");
        File.WriteAllText(checks, "checks for orders:\n  - row_count > 0\n");
        string? saved = Environment.GetEnvironmentVariable("SODALITE_HUB_TOKEN");

        var (exit, output, err) = await Run("scan", "--data", data, checks, "--history", hub.BaseAddress.ToString());

        Assert.Null(saved);
        Assert.Equal(3, exit);
        Assert.Contains("needs a token: pass --token or set SODALITE_HUB_TOKEN", err);
        Assert.DoesNotContain("Scan summary", output);
    }

    [Fact]
    public async Task Three_scans_of_postgresql_through_the_hub_judge_as_through_a_local_file()
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-hubhistory-").FullName;
        string config = Path.Combine(dir, "configuration.yml"), checks = Path.Combine(dir, "checks.yml"), file = Path.Combine(dir, "history.db");
        File.WriteAllText(config, $"data_source pg:\n  type: postgres\n  host: 127.0.0.1\n  port: {pg.Port}\n  username: postgres\n  password: x\n  database: postgres\n");
        File.WriteAllText(checks, "checks for pg_orders:\n  - change for row_count < 50\n  - change avg last 2 for row_count < 10\n");
        var viaHub = new List<(int, string)>();
        var viaFile = new List<(int, string)>();
        int day = 1;
        foreach (int rows in new[] { 100, 104, 160 })
        {
            await pg.ExecuteAsync($"DROP TABLE IF EXISTS pg_orders; CREATE TABLE pg_orders AS SELECT g AS id FROM generate_series(1, {rows}) g;");
            string t = $"2024-05-0{day++}T00:00:00Z";
            var (e1, o1, _) = await Run("scan", "-d", "pg", "-c", config, checks, "-t", t, "--history", hub.BaseAddress.ToString(), "--token", hub.AdminToken);
            var (e2, o2, _) = await Run("scan", "-d", "pg", "-c", config, checks, "-t", t, "--history", file);
            viaHub.Add((e1, Summary(o1)));
            viaFile.Add((e2, Summary(o2)));
        }

        Assert.Equal(viaFile, viaHub);
        Assert.Equal([0, 0, 2], viaHub.Select(v => v.Item1));
        Assert.Contains("change avg last 2 for row_count < 10 [FAILED]", viaHub[2].Item2);
    }

    [Fact]
    public async Task Anomaly_and_group_changes_through_the_hub_judge_as_through_a_local_file()
    {
        // Nine daily scans: the row count wanders around 100 and jumps to 150 on the last; the countries change on the last.
        string dir = Directory.CreateTempSubdirectory("sodalite-hubhistory-").FullName;
        string data = Path.Combine(dir, "hub_customers.csv"), checks = Path.Combine(dir, "checks.yml"), file = Path.Combine(dir, "history.db");
        File.WriteAllText(checks, "checks for hub_customers:\n  - anomaly detection for row_count\n  - group evolution:\n      query: SELECT DISTINCT country FROM hub_customers ORDER BY country\n      warn:\n        when groups change: any\n");
        int[] rows = [100, 102, 99, 101, 103, 100, 98, 101, 150];
        var viaHub = new List<(int, string)>();
        var viaFile = new List<(int, string)>();
        for (int day = 0; day < rows.Length; day++)
        {
            string country = day < rows.Length - 1 ? "BE" : "NL";
            File.WriteAllText(data, "id,country\n" + string.Concat(Enumerable.Range(1, rows[day]).Select(i => $"{i},{(i == 1 ? "FR" : country)}\n")));
            string t = $"2024-07-{day + 1:00}T00:00:00Z";
            var (e1, o1, _) = await Run("scan", "--data", data, checks, "-t", t, "--history", hub.BaseAddress.ToString(), "--token", hub.AdminToken);
            var (e2, o2, _) = await Run("scan", "--data", data, checks, "-t", t, "--history", file);
            viaHub.Add((e1, Summary(o1)));
            viaFile.Add((e2, Summary(o2)));
        }

        for (int i = 0; i < rows.Length; i++)
            Assert.True(viaFile[i] == viaHub[i], $"scan {i + 1}: through the file exit {viaFile[i].Item1}:\n{viaFile[i].Item2}\nthrough the hub exit {viaHub[i].Item1}:\n{viaHub[i].Item2}");
        Assert.Equal(2, viaHub[^1].Item1);
        Assert.Contains("anomaly detection for row_count [FAILED]", viaHub[^1].Item2);
        Assert.Contains("group evolution [WARNED]", viaHub[^1].Item2);
        Assert.Contains("group evolution [PASSED]", viaHub[^2].Item2);
    }
}
