// `sodalite issues` and `sodalite scores` against a real hub on 127.0.0.1, after real scans pushed to it: the shop's orders fail
// and warn, then are fixed; the crm's customers fail (one issue assigned to ana, the other muted).
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sodalite.TestSupport;

namespace Sodalite.Cli.Tests;

/// <summary>A hub with the scans of <see cref="HubReadTests"/> pushed to it.</summary>
public sealed class ScannedHub : IAsyncLifetime
{
    public SqliteHub Hub { get; } = new();
    public string Shop { get; } = $"shop-{Guid.NewGuid():N}";
    public string Crm { get; } = $"crm-{Guid.NewGuid():N}";
    public string Token => Hub.AdminToken;

    public async Task InitializeAsync()
    {
        await Hub.InitializeAsync();
        string dir = Directory.CreateTempSubdirectory("sodalite-hubread-").FullName;
        string orders = Path.Combine(dir, "orders.csv"), customers = Path.Combine(dir, "customers.csv");
        string orderChecks = Path.Combine(dir, "orders.yml"), customerChecks = Path.Combine(dir, "customers.yml");
        File.WriteAllText(orderChecks, "checks for orders:\n  - missing_count(email) = 0\n  - duplicate_count(id):\n      warn: when > 0\n      fail: when > 5\n  - row_count > 0\n");
        File.WriteAllText(customerChecks, "checks for customers:\n  - missing_count(email) = 0\n  - row_count > 5\n");
        // The orders fail (a missing email) and warn (a duplicate id), then are fixed; the customers fail.
        File.WriteAllText(orders, "id,email\n1,a@x.com\n2,\n2,c@x.com\n");
        await ScanAsync(orders, orderChecks, Shop, "2024-01-01T00:00:00Z", 2);
        File.WriteAllText(orders, "id,email\n1,a@x.com\n2,b@x.com\n3,c@x.com\n");
        await ScanAsync(orders, orderChecks, Shop, "2024-01-02T00:00:00Z", 0);
        File.WriteAllText(customers, "id,email\n1,\n");
        await ScanAsync(customers, customerChecks, Crm, "2024-01-03T00:00:00Z", 2);

        using var c = Hub.Client(Token);
        var crmIssues = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/issues?source={Crm}"))!;
        int missing = (int)crmIssues.Single(i => ((string)i!["title"]!).Contains("missing_count", StringComparison.Ordinal))!["id"]!;
        int rows = (int)crmIssues.Single(i => ((string)i!["title"]!).Contains("row_count", StringComparison.Ordinal))!["id"]!;
        (await c.PatchAsJsonAsync($"/api/v2/issues/{missing}", new { action = "assign", assignee = "ana" })).EnsureSuccessStatusCode();
        (await c.PatchAsJsonAsync($"/api/v2/issues/{rows}", new { action = "mute" })).EnsureSuccessStatusCode();
    }

    private async Task ScanAsync(string data, string checks, string source, string dataTimestamp, int expectedExit)
    {
        var (exit, _, err) = await HubReadTests.Run("scan", "--data", data, checks, "-t", dataTimestamp, "--push", "hub", "--source", source,
            "--hub", Hub.BaseAddress.ToString(), "--token", Token, "--outbox", Directory.CreateTempSubdirectory("sodalite-outbox-").FullName);
        Assert.True(exit == expectedExit, $"scan of {data} exited {exit}: {err}");
    }

    public Task DisposeAsync() => Hub.DisposeAsync();
}

public class HubReadTests(ScannedHub scanned) : IClassFixture<ScannedHub>
{
    internal static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = await SodaliteCli.RunAsync(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    private string Hub => scanned.Hub.BaseAddress.ToString();

    /// <summary>Runs a command against the hub with the admin's token; it must succeed.</summary>
    private async Task<string> Read(params string[] args)
    {
        var (exit, output, err) = await Run([.. args, "--hub", Hub, "--token", scanned.Token]);
        Assert.True(exit == 0, $"exit {exit}: {err}");
        return output;
    }

    private async Task<JsonArray> Json(params string[] args) => JsonNode.Parse(await Read([.. args, "--json"]))!.AsArray();

    private static string[] Checks(JsonArray issues) => [.. issues.Select(i => ((string)i!["title"]!).Split(": ", 2)[1]).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Issues_json_lists_a_sources_issues_with_stable_snake_case_keys()
    {
        var issues = await Json("issues", "--source", scanned.Shop);

        Assert.Equal(["duplicate_count(id) warn when > 0 fail when > 5", "missing_count(email) = 0"], Checks(issues));
        Assert.Equal(["id", "status", "severity", "muted", "source", "source_id", "dataset", "dataset_id", "title", "assignee", "occurrences",
                      "first_seen_at", "last_seen_at", "resolved_at", "resolved_by_scan_id", "check_id", "check_identity"],
                     issues[0]!.AsObject().Select(p => p.Key));
        Assert.All(issues, i => Assert.Equal((scanned.Shop, "orders"), ((string)i!["source"]!, (string)i["dataset"]!)));
        Assert.All(issues, i => Assert.Equal("2024-01-01T00:00:00+00:00", (string)i!["last_seen_at"]!));
    }

    [Fact]
    public async Task Issues_json_filters_by_status()
    {
        Assert.Equal(["resolved", "resolved"], (await Json("issues", "--source", scanned.Shop, "--status", "resolved")).Select(i => (string)i!["status"]!));
        Assert.Empty(await Json("issues", "--source", scanned.Shop, "--status", "open"));
        Assert.Equal(2, (await Json("issues", "--source", scanned.Crm, "--status", "open")).Count);
    }

    [Fact]
    public async Task Issues_json_filters_by_dataset()
    {
        Assert.Equal(["missing_count(email) = 0", "row_count > 5"], Checks(await Json("issues", "--dataset", "customers", "--source", scanned.Crm)));
        Assert.Empty(await Json("issues", "--dataset", "orders", "--source", scanned.Crm));
    }

    [Fact]
    public async Task Issues_json_filters_by_severity()
    {
        var warnings = await Json("issues", "--source", scanned.Shop, "--severity", "warning");
        Assert.Equal(["duplicate_count(id) warn when > 0 fail when > 5"], Checks(warnings));
        Assert.Equal(["missing_count(email) = 0"], Checks(await Json("issues", "--source", scanned.Shop, "--severity", "high")));
    }

    [Fact]
    public async Task Issues_json_filters_by_assignee_after_an_assign()
    {
        var anas = await Json("issues", "--assignee", "ana", "--source", scanned.Crm);
        Assert.Equal(["missing_count(email) = 0"], Checks(anas));
        Assert.Equal("ana", (string)anas[0]!["assignee"]!);
        Assert.Empty(await Json("issues", "--assignee", "bob", "--source", scanned.Crm));
    }

    [Fact]
    public async Task Issues_json_filters_by_muted_or_not()
    {
        Assert.Equal(["row_count > 5"], Checks(await Json("issues", "--source", scanned.Crm, "--muted")));
        Assert.Equal(["row_count > 5"], Checks(await Json("issues", "--source", scanned.Crm, "--muted", "true")));
        Assert.Equal(["missing_count(email) = 0"], Checks(await Json("issues", "--source", scanned.Crm, "--not-muted")));
        Assert.Equal(["missing_count(email) = 0"], Checks(await Json("issues", "--source", scanned.Crm, "--muted", "false")));
    }

    [Fact]
    public async Task Issues_redirected_are_a_plain_table_with_a_line_per_issue()
    {
        string output = await Read("issues", "--source", scanned.Crm);

        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^id\s+status\s+severity\s+source\s+dataset\s+title\s+assignee\s+occurrences\s+last seen$", lines[0]);
        Assert.Single(lines, l => Regex.IsMatch(l, $@"^\s*\d+\s+open\s+high\s+{scanned.Crm}\s+customers\s+{scanned.Crm} / customers: missing_count\(email\) = 0\s+ana\s+1\s+2024-01-03T00:00Z$"));
        Assert.Single(lines, l => Regex.IsMatch(l, $@"^\s*\d+\s+open \(muted\)\s+high\s+{scanned.Crm}\s+customers\s+{scanned.Crm} / customers: row_count > 5\s+-\s+1\s+2024-01-03T00:00Z$"));
        Assert.DoesNotContain('\u001b', output);
        Assert.All(lines[1..], l => Assert.Equal(lines[0].IndexOf("title", StringComparison.Ordinal), l.IndexOf(scanned.Crm + " / customers:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Issues_that_nothing_matches_say_so_and_exit_0()
    {
        Assert.Equal("No issues match.\n", (await Read("issues", "--source", $"nothing-{Guid.NewGuid():N}")).ReplaceLineEndings("\n"));
        Assert.Equal("[]", (await Read("issues", "--source", $"nothing-{Guid.NewGuid():N}", "--json")).Trim());
    }

    [Fact]
    public async Task Issues_cut_by_limit_say_how_many_match_on_stderr()
    {
        var (exit, output, err) = await Run("issues", "--source", scanned.Crm, "--limit", "1", "--json", "--hub", Hub, "--token", scanned.Token);

        Assert.Equal(0, exit);
        Assert.Single(JsonNode.Parse(output)!.AsArray());
        Assert.Contains("showing 1 of 2 matching issues", err);
        Assert.Contains("--offset 1", err);
    }

    [Fact]
    public async Task An_unknown_status_exits_1_with_the_hubs_detail()
    {
        var (exit, output, err) = await Run("issues", "--status", "closed", "--hub", Hub, "--token", scanned.Token);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("status must be open, acknowledged or resolved, not 'closed'", err);
    }

    [Fact]
    public async Task Issues_without_a_token_exit_1_and_say_how_to_get_one()
    {
        Assert.Null(Environment.GetEnvironmentVariable("SODALITE_HUB_TOKEN"));

        var (exit, output, err) = await Run("issues", "--hub", Hub);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("no hub token: pass --token or set SODALITE_HUB_TOKEN", err);
        Assert.Contains($"{Hub.TrimEnd('/')}/api/v1/tokens/create", err);
    }

    [Fact]
    public async Task A_refused_token_exits_1_and_says_how_to_get_one()
    {
        var (exit, _, err) = await Run("scores", "--hub", Hub, "--token", "sdl_not-a-token");

        Assert.Equal(1, exit);
        Assert.Contains("refused the token from --token (401", err);
        Assert.Contains("/api/v1/tokens/create", err);
    }

    [Fact]
    public async Task An_unreachable_hub_exits_1_naming_its_url()
    {
        string url = $"http://127.0.0.1:{Loopback.FreePort()}/";

        var issues = await Run("issues", "--hub", url, "--token", scanned.Token);
        var scores = await Run("scores", "--hub", url, "--token", scanned.Token);

        Assert.Equal((1, 1), (issues.Exit, scores.Exit));
        Assert.Contains($"could not read the issues: {url} cannot be reached", issues.Err);
        Assert.Contains($"could not read the scores: {url} cannot be reached", scores.Err);
        Assert.Contains("Is the hub running", issues.Err);
    }

    [Fact]
    public async Task Scores_json_gives_the_latest_overall_and_dimension_scores_of_each_dataset_and_source()
    {
        var shop = await Json("scores", "--source", scanned.Shop);
        var crm = await Json("scores", "--source", scanned.Crm);

        // The shop's latest scan passed everything; the source's own row comes first, its dataset null.
        Assert.Equal([null, "orders"], shop.Select(r => (string?)r!["dataset"]));
        Assert.All(shop, r => Assert.Equal((1.0, 3, 3, "2024-01-02T00:00:00+00:00"), ((double)r!["score"]!, (int)r["passed"]!, (int)r["total"]!, (string)r["data_timestamp"]!)));
        var orders = shop[1]!;
        Assert.Equal(1.0, (double)orders["dimensions"]!["completeness"]!["score"]!);
        Assert.Equal(1.0, (double)orders["dimensions"]!["uniqueness"]!["score"]!);
        Assert.Null(orders["dimensions"]!["timeliness"]);
        Assert.Equal(["completeness", "uniqueness", "validity", "timeliness", "consistency", "accuracy"], orders["dimensions"]!.AsObject().Select(p => p.Key));
        // The crm's customers failed both checks.
        Assert.Equal((0.0, 0, 2), ((double)crm[1]!["score"]!, (int)crm[1]!["passed"]!, (int)crm[1]!["total"]!));
        Assert.Equal("customers", (string)crm[1]!["dataset"]!);
    }

    [Fact]
    public async Task Scores_redirected_are_a_plain_table_of_percentages()
    {
        string[] lines = (await Read("scores", "--source", scanned.Shop)).TrimEnd().Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^source\s+dataset\s+score\s+checks\s+completeness\s+uniqueness\s+validity\s+timeliness\s+consistency\s+accuracy\s+as of$", lines[0]);
        Assert.Matches($@"^{scanned.Shop}\s+\(source\)\s+100%\s+3/3\s+100%\s+100%\s+-\s+-\s+-\s+-\s+2024-01-02T00:00Z$", lines[1]);
        Assert.Matches($@"^{scanned.Shop}\s+orders\s+100%\s+3/3\s+100%\s+100%\s+-\s+-\s+-\s+-\s+2024-01-02T00:00Z$", lines[2]);
    }

    [Fact]
    public async Task Scores_filter_by_dataset()
    {
        var rows = await Json("scores", "--dataset", "customers", "--source", scanned.Crm);
        Assert.Equal(["customers"], rows.Select(r => (string)r!["dataset"]!));
        Assert.Equal("No scores match.", (await Read("scores", "--dataset", "orders", "--source", scanned.Crm)).Trim());
    }

    [Fact]
    public void A_dimension_score_from_an_earlier_scan_is_marked()
    {
        // Given: the latest scan had completeness checks only; validity's latest score is from the scan before.
        var t1 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var t2 = t1.AddDays(1);
        HubScore[] scores =
        [
            new(2, 1, "shop", 7, "orders", null, 0.5, 1, 2, t2), new(2, 1, "shop", 7, "orders", "completeness", 0.5, 1, 2, t2),
            new(1, 1, "shop", 7, "orders", "validity", 0.25, 1, 4, t1),
        ];

        // When
        var row = Assert.Single(SodaliteCli.ScoreRows(scores));
        var cells = SodaliteCli.ScoreCells(row).Select(c => c.Text).ToList();

        // Then
        Assert.Equal(["shop", "orders", "50%", "1/2", "50%", "-", "25%*", "-", "-", "-", "2024-01-02T00:00Z"], cells);
    }

    [Fact]
    public void On_a_terminal_the_issues_are_a_table_with_borders_when_it_fits()
    {
        var issue = new IssueRow(12, "acknowledged", "warning", false, "shop", 1, "orders", 3, "orders: duplicate_count(id) = 0", "ana", 4,
            DateTimeOffset.UnixEpoch, new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), null, null, 5, "abc");
        var wide = new StringWriter();
        var narrow = new StringWriter();

        TextTable.Write(wide, rich: true, SodaliteCli.IssueColumns, [SodaliteCli.IssueCells(issue)], width: 160, ansi: false);
        TextTable.Write(narrow, rich: true, SodaliteCli.IssueColumns, [SodaliteCli.IssueCells(issue)], width: 100, ansi: false);

        Assert.Contains("╭", wide.ToString());
        Assert.Contains("│ 12 │ acknowledged │ warning  │ shop   │ orders  │ orders: duplicate_count(id) = 0 │ ana      │           4 │ 2024-05-06T07:08Z │", wide.ToString());
        // Without room for borders: none, and the title wraps in the room left.
        Assert.DoesNotContain("│", narrow.ToString());
        Assert.All(narrow.ToString().TrimEnd().Split('\n'), l => Assert.True(l.TrimEnd().Length <= 100, l));
        Assert.Contains("orders: ", narrow.ToString());
        Assert.Contains(" 2024-05-06T07:08Z", narrow.ToString());
    }
}
