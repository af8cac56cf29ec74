// The lists `sodalite issues` and `sodalite scores` read, over real HTTP on SQLite and on PostgreSQL: the issue filters by source,
// dataset and assignee, pages, the 400s for unknown values, and the source and dataset names on issues and scores.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class IssueAndScoreListTests<THub>(THub hub) : IClassFixture<THub> where THub : HubFixture
{
    /// <summary>A Soda results document: one missing_count check per (table, identity, outcome), at the given data timestamp.</summary>
    private static string Doc(string dataTimestamp, params (string Table, string Identity, string Outcome)[] checks) => new JsonObject
    {
        ["definitionName"] = "Soda Core CLI",
        ["defaultDataSource"] = "warehouse",
        ["dataTimestamp"] = dataTimestamp,
        ["scanStartTimestamp"] = dataTimestamp,
        ["scanEndTimestamp"] = dataTimestamp,
        ["hasErrors"] = false,
        ["hasWarnings"] = checks.Any(c => c.Outcome == "warn"),
        ["hasFailures"] = checks.Any(c => c.Outcome == "fail"),
        ["metrics"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject { ["identity"] = $"metric-{c.Identity}", ["metricName"] = "missing_count", ["value"] = c.Outcome == "pass" ? 0 : 3 })]),
        ["checks"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject
        {
            ["identity"] = c.Identity,
            ["name"] = $"missing_count(email) = 0 [{c.Identity}]",
            ["type"] = "generic",
            ["definition"] = $"checks for {c.Table}:\n  missing_count(email) = 0",
            ["table"] = c.Table,
            ["column"] = "email",
            ["metrics"] = new JsonArray($"metric-{c.Identity}"),
            ["outcome"] = c.Outcome,
            ["diagnostics"] = new JsonObject { ["blocks"] = new JsonArray(), ["value"] = c.Outcome == "pass" ? 0 : 3 },
            ["resourceAttributes"] = new JsonArray(),
        })]),
        ["logs"] = new JsonArray(),
    }.ToJsonString();

    private async Task Post(string source, string doc)
    {
        using var c = hub.Client(hub.AdminToken);
        var r = await c.PostAsync($"/api/v2/scans?source={source}", new StringContent(doc, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
    }

    private async Task<JsonArray> Get(string path)
    {
        using var c = hub.Client(hub.AdminToken);
        var r = await c.GetAsync(path);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{path}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    private static string[] Titles(JsonArray issues) => [.. issues.Select(i => (string)i!["title"]!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Issues_filter_by_source_name_and_id_and_carry_the_source_and_dataset_names()
    {
        // Given: two sources, one with failures on two tables, the other on one.
        string shop = $"shop-{Guid.NewGuid():N}", crm = $"crm-{Guid.NewGuid():N}";
        await Post(shop, Doc("2024-03-01T00:00:00+00:00", ("orders", "o1", "fail"), ("items", "i1", "warn")));
        await Post(crm, Doc("2024-03-01T00:00:00+00:00", ("customers", "c1", "fail")));

        // When
        var byName = await Get($"/api/v2/issues?source={shop}");
        int shopId = (int)byName[0]!["source_id"]!;
        var byId = await Get($"/api/v2/issues?source_id={shopId}");

        // Then
        Assert.Equal(["items", "orders"], byName.Select(i => (string)i!["dataset"]!).Order(StringComparer.Ordinal));
        Assert.All(byName, i => Assert.Equal(shop, (string)i!["source"]!));
        Assert.All(byName, i => Assert.Equal(shopId, (int)i!["source_id"]!));
        Assert.Equal(Titles(byName), Titles(byId));
        Assert.Equal(["customers"], (await Get($"/api/v2/issues?source={crm}")).Select(i => (string)i!["dataset"]!));
        Assert.Empty(await Get($"/api/v2/issues?source=no-such-source-{Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task Issues_filter_by_dataset_name_within_and_across_sources()
    {
        string table = $"ledger_{Guid.NewGuid():N}";
        string a = $"a-{Guid.NewGuid():N}", b = $"b-{Guid.NewGuid():N}";
        await Post(a, Doc("2024-03-02T00:00:00+00:00", (table, "l1", "fail"), ("other", "x1", "fail")));
        await Post(b, Doc("2024-03-02T00:00:00+00:00", (table, "l1", "fail")));

        Assert.Equal([a, b], (await Get($"/api/v2/issues?dataset={table}")).Select(i => (string)i!["source"]!).Order(StringComparer.Ordinal));
        var one = Assert.Single(await Get($"/api/v2/issues?dataset={table}&source={a}"));
        Assert.Equal(table, (string)one!["dataset"]!);
    }

    [Fact]
    public async Task Issues_filter_by_assignee_and_muted_after_people_change_them()
    {
        string source = $"people-{Guid.NewGuid():N}";
        await Post(source, Doc("2024-03-03T00:00:00+00:00", ("orders", "p1", "fail"), ("orders", "p2", "fail"), ("orders", "p3", "warn")));
        var issues = await Get($"/api/v2/issues?source={source}");
        int assigned = (int)issues[0]!["id"]!, muted = (int)issues[1]!["id"]!;
        using var c = hub.Client(hub.AdminToken);
        Assert.Equal(HttpStatusCode.OK, (await c.PatchAsJsonAsync($"/api/v2/issues/{assigned}", new { action = "assign", assignee = "ana" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.PatchAsJsonAsync($"/api/v2/issues/{muted}", new { action = "mute" })).StatusCode);

        Assert.Equal([assigned], (await Get($"/api/v2/issues?source={source}&assignee=ana")).Select(i => (int)i!["id"]!));
        Assert.Empty(await Get($"/api/v2/issues?source={source}&assignee=bob"));
        Assert.Equal([muted], (await Get($"/api/v2/issues?source={source}&muted=true")).Select(i => (int)i!["id"]!));
        Assert.Equal(2, (await Get($"/api/v2/issues?source={source}&muted=false")).Count);
        Assert.Equal(["warning"], (await Get($"/api/v2/issues?source={source}&severity=warning")).Select(i => (string)i!["severity"]!));
    }

    [Fact]
    public async Task Issues_come_in_pages_with_limit_and_offset_and_a_total_count()
    {
        string source = $"pages-{Guid.NewGuid():N}";
        await Post(source, Doc("2024-03-04T00:00:00+00:00", [.. Enumerable.Range(1, 5).Select(n => ("orders", $"n{n}", "fail"))]));
        var all = (await Get($"/api/v2/issues?source={source}")).Select(i => (int)i!["id"]!).ToList();
        using var c = hub.Client(hub.AdminToken);

        var first = await c.GetAsync($"/api/v2/issues?source={source}&limit=2");
        var last = await Get($"/api/v2/issues?source={source}&limit=2&offset=4");

        Assert.Equal(all.Order(), all);
        Assert.Equal(all[..2], (await first.Content.ReadFromJsonAsync<JsonArray>())!.Select(i => (int)i!["id"]!));
        Assert.Equal("5", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal([all[4]], last.Select(i => (int)i!["id"]!));
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("status=Open", "status")]
    [InlineData("severity=critical", "severity")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task An_unknown_status_or_severity_or_a_page_out_of_range_is_a_400_naming_the_field(string query, string field)
    {
        using var c = hub.Client(hub.AdminToken);
        var r = await c.GetAsync($"/api/v2/issues?{query}");
        var body = (await r.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(field, (string)body["field"]!);
        Assert.Contains(field, (string)body["detail"]!);
    }

    [Fact]
    public async Task Latest_scores_name_their_source_and_dataset_and_filter_by_source_name()
    {
        string source = $"scored-{Guid.NewGuid():N}", other = $"other-{Guid.NewGuid():N}";
        await Post(source, Doc("2024-03-05T00:00:00+00:00", ("orders", "s1", "fail"), ("orders", "s2", "pass"), ("items", "s3", "pass")));
        await Post(source, Doc("2024-03-06T00:00:00+00:00", ("orders", "s1", "pass"), ("orders", "s2", "pass"), ("items", "s3", "fail")));
        await Post(other, Doc("2024-03-05T00:00:00+00:00", ("orders", "s1", "pass")));

        var scores = await Get($"/api/v2/scores?source={source}");

        Assert.All(scores, s => Assert.Equal(source, (string)s!["source"]!));
        var overall = scores.Where(s => s!["dimension"] is null).ToDictionary(s => (string?)s!["dataset"] ?? "(source)", s => (double)s!["value"]!);
        Assert.Equal(new Dictionary<string, double> { ["(source)"] = 0.6667, ["items"] = 0.0, ["orders"] = 1.0 }, overall);
        Assert.All(scores.Where(s => s!["dataset"] is null), s => Assert.Null(s!["dataset_id"]));
        Assert.Empty(await Get($"/api/v2/scores?source=no-such-source-{Guid.NewGuid():N}"));
        Assert.Equal([other], (await Get($"/api/v2/scores?source={other}")).Select(s => (string)s!["source"]!).Distinct());
    }
}

public sealed class SqliteIssueAndScoreListTests(SqliteHub hub) : IssueAndScoreListTests<SqliteHub>(hub);

public sealed class PostgresIssueAndScoreListTests(PostgresHub hub) : IssueAndScoreListTests<PostgresHub>(hub);
