// The hub over real HTTP on 127.0.0.1, on SQLite and on PostgreSQL: ingestion, idempotency, the issue lifecycle, scores,
// the people's issue actions, authentication and malformed bodies.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class HubTests<THub>(THub hub) : IClassFixture<THub> where THub : HubFixture
{
    /// <summary>A Soda results document with one check per (identity, outcome) at the given data timestamp.</summary>
    private static string Doc(string dataTimestamp, params (string Identity, string Outcome)[] checks) => new JsonObject
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
            ["definition"] = "checks for customers:\n  missing_count(email) = 0",
            ["table"] = "customers",
            ["column"] = "email",
            ["metrics"] = new JsonArray($"metric-{c.Identity}"),
            ["outcome"] = c.Outcome,
            ["diagnostics"] = new JsonObject { ["blocks"] = new JsonArray(), ["value"] = c.Outcome == "pass" ? 0 : 3 },
            ["resourceAttributes"] = new JsonArray(),
        })]),
        ["logs"] = new JsonArray(),
    }.ToJsonString();

    private async Task<(HttpStatusCode Status, JsonObject Body)> Post(string source, string doc, string? token = null, string? idempotencyKey = null)
    {
        using var c = hub.Client(token ?? hub.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v2/scans?source={source}") { Content = new StringContent(doc, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var r = await c.SendAsync(request);
        return (r.StatusCode, (await r.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private async Task<JsonArray> Get(string path)
    {
        using var c = hub.Client(hub.AdminToken);
        var r = await c.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    private async Task<JsonObject> GetObject(string path)
    {
        using var c = hub.Client(hub.AdminToken);
        return (await c.GetFromJsonAsync<JsonObject>(path))!;
    }

    private async Task<int> SourceId(string name) => (int)(await Get("/api/v2/sources")).Single(s => (string?)s!["name"] == name)!["id"]!;

    [Fact]
    public async Task Issues_open_stay_once_resolve_reopen_and_ignore_older_scans()
    {
        string source = $"lifecycle-{Guid.NewGuid():N}";
        // A failing scan opens an issue per failing or warning check.
        var (status, first) = await Post(source, Doc("2024-05-01T00:00:00+00:00", ("c1", "fail"), ("c2", "warn"), ("c3", "pass")));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(2, (int)first["issues"]!["opened"]!);
        int sourceId = await SourceId(source);
        var datasets = await Get($"/api/v2/datasets?source_id={sourceId}");
        int datasetId = (int)datasets.Single()!["id"]!;
        var issues = await Get($"/api/v2/issues?dataset_id={datasetId}");
        Assert.Equal(["high", "warning"], issues.Select(i => (string)i!["severity"]!).Order());

        // The same scan again changes nothing and says so.
        var (again, second) = await Post(source, Doc("2024-05-01T00:00:00+00:00", ("c1", "fail"), ("c2", "warn"), ("c3", "pass")));
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.True((bool)second["duplicate"]!);
        Assert.Equal((int)first["scan_id"]!, (int)second["scan_id"]!);
        Assert.Single(await Get($"/api/v2/scans?source_id={sourceId}"));
        Assert.Equal(2, (await Get($"/api/v2/issues?dataset_id={datasetId}")).Count);

        // A passing scan resolves them with the scan that proved it.
        var (_, passing) = await Post(source, Doc("2024-05-02T00:00:00+00:00", ("c1", "pass"), ("c2", "pass"), ("c3", "pass")));
        Assert.Equal(2, (int)passing["issues"]!["resolved"]!);
        var resolved = await Get($"/api/v2/issues?dataset_id={datasetId}&status=resolved");
        Assert.Equal(2, resolved.Count);
        Assert.All(resolved, i => Assert.Equal((int)passing["scan_id"]!, (int)i!["resolved_by_scan_id"]!));

        // A later failure reopens the same issue, keeping its history.
        int c1Issue = (int)issues.Single(i => (string)i!["check_identity"]! == "c1")!["id"]!;
        var (_, failing) = await Post(source, Doc("2024-05-03T00:00:00+00:00", ("c1", "fail"), ("c2", "pass"), ("c3", "pass")));
        Assert.Equal(1, (int)failing["issues"]!["reopened"]!);
        var reopened = await GetObject($"/api/v2/issues/{c1Issue}");
        Assert.Equal("open", (string)reopened["status"]!);
        Assert.Equal(2, (int)reopened["occurrences"]!);
        Assert.Equal(["opened", "resolved", "reopened"], reopened["events"]!.AsArray().Select(e => (string)e!["kind"]!));

        // An older scan arriving late does not change the state the newest scan set.
        var (_, late) = await Post(source, Doc("2024-05-02T12:00:00+00:00", ("c1", "pass"), ("c2", "fail"), ("c3", "pass")));
        Assert.Equal(0, (int)late["issues"]!["resolved"]! + (int)late["issues"]!["reopened"]! + (int)late["issues"]!["opened"]!);
        Assert.Equal("open", (string)(await GetObject($"/api/v2/issues/{c1Issue}"))["status"]!);
        // Its results are still stored, in data time order.
        int checkId = (int)reopened["check_id"]!;
        var results = await Get($"/api/v2/checks/{checkId}/results");
        Assert.Equal(["fail", "pass", "pass", "fail"], results.Select(r => (string)r!["outcome"]!));
    }

    [Fact]
    public async Task Scores_per_scan_dataset_dimension_and_source_form_series()
    {
        string source = $"scores-{Guid.NewGuid():N}";
        await Post(source, Doc("2024-06-01T00:00:00+00:00", ("s1", "fail"), ("s2", "pass"), ("s3", "pass"), ("s4", "pass")));
        var (_, second) = await Post(source, Doc("2024-06-02T00:00:00+00:00", ("s1", "pass"), ("s2", "pass"), ("s3", "pass"), ("s4", "pass")));
        Assert.Equal(1.0, (double)second["score"]!);
        int sourceId = await SourceId(source);
        var series = await Get($"/api/v2/scores/series?source_id={sourceId}");
        Assert.Equal([0.75, 1.0], series.Select(s => (double)s!["value"]!));
        int datasetId = (int)(await Get($"/api/v2/datasets?source_id={sourceId}")).Single()!["id"]!;
        var completeness = await Get($"/api/v2/scores/series?source_id={sourceId}&dataset_id={datasetId}&dimension=completeness");
        Assert.Equal([0.75, 1.0], completeness.Select(s => (double)s!["value"]!));
        var latest = await Get($"/api/v2/scores?source_id={sourceId}");
        Assert.All(latest, s => Assert.Equal(1.0, (double)s!["value"]!));
        Assert.Contains(latest, s => s!["dimension"] is null && s["dataset_id"] is null);
    }

    [Fact]
    public async Task A_get_scan_results_document_is_stored_as_its_srf_file_is()
    {
        // Given: a -srf file real Soda Core wrote, and the same results in the shape of Python's scan.get_scan_results()
        // (no identities, migratedIdentities or source on checks; filter, outcomeReasons and archetype instead; dataSourceName on
        // metrics; upper-case log levels; no sourceOwner).
        string srf = File.ReadAllText(Path.Combine(RepoPaths.Acceptance, "qalita", "retail", "results.json"));
        var api = (JsonObject)JsonNode.Parse(srf)!;
        api.Remove("sourceOwner");
        foreach (var c in api["checks"]!.AsArray().Cast<JsonObject>())
        {
            foreach (var k in new[] { "identities", "migratedIdentities", "source" }) c.Remove(k);
            c["filter"] = null;
            c["outcomeReasons"] = new JsonArray();
            c["archetype"] = null;
        }
        foreach (var m in api["metrics"]!.AsArray().Cast<JsonObject>()) m["dataSourceName"] = "retail";
        foreach (var l in api["logs"]!.AsArray().Cast<JsonObject>()) l["level"] = ((string)l["level"]!).ToUpperInvariant();

        // When
        var (srfStatus, fromSrf) = await Post($"srf-{Guid.NewGuid():N}", srf);
        var (apiStatus, fromApi) = await Post($"api-{Guid.NewGuid():N}", api.ToJsonString());

        // Then
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (srfStatus, apiStatus));
        fromSrf.Remove("scan_id");
        fromApi.Remove("scan_id");
        Assert.Equal(fromSrf.ToJsonString(), fromApi.ToJsonString());
        Assert.Equal(5, (int)fromApi["results"]!);
    }

    [Fact]
    public async Task Real_soda_core_results_are_ingested_with_their_checks_and_metrics()
    {
        string source = $"soda-{Guid.NewGuid():N}";
        string file = Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "schema_types_warn", "expected.json");
        var (status, body) = await Post(source, File.ReadAllText(file));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(1, (int)body["results"]!);
        Assert.Equal(1, (int)body["issues"]!["opened"]!);
        var check = (await Get($"/api/v2/checks?dataset_id={(int)(await Get($"/api/v2/datasets?source_id={await SourceId(source)}")).Single()!["id"]!}")).Single()!;
        Assert.Equal("cb38a15b", (string)check["identity"]!);
        Assert.Equal("validity", (string)check["dimension"]!);
    }

    [Fact]
    public async Task People_acknowledge_assign_comment_mute_and_resolve_issues_and_each_change_is_an_event()
    {
        string source = $"people-{Guid.NewGuid():N}";
        await Post(source, Doc("2024-07-01T00:00:00+00:00", ("p1", "fail")));
        int datasetId = (int)(await Get($"/api/v2/datasets?source_id={await SourceId(source)}")).Single()!["id"]!;
        int id = (int)(await Get($"/api/v2/issues?dataset_id={datasetId}")).Single()!["id"]!;
        using var c = hub.Client(hub.AdminToken);
        foreach (var change in new object[]
                 {
                     new { action = "acknowledge" }, new { action = "assign", assignee = "ana" }, new { action = "comment", note = "looking" },
                     new { action = "mute" },
                 })
            Assert.Equal(HttpStatusCode.OK, (await c.PatchAsJsonAsync($"/api/v2/issues/{id}", change)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PatchAsJsonAsync($"/api/v2/issues/{id}", new { action = "resolve" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PatchAsJsonAsync($"/api/v2/issues/{id}", new { action = "close" })).StatusCode);
        // A failing scan updates the muted issue, which stays muted.
        await Post(source, Doc("2024-07-02T00:00:00+00:00", ("p1", "fail")));
        var issue = await GetObject($"/api/v2/issues/{id}");
        Assert.True((bool)issue["muted"]!);
        Assert.Equal("acknowledged", (string)issue["status"]!);
        Assert.Equal("ana", (string)issue["assignee"]!);
        var r = await c.PatchAsJsonAsync($"/api/v2/issues/{id}", new { action = "resolve", note = "fixed upstream" });
        Assert.Equal("resolved", (string)(await r.Content.ReadFromJsonAsync<JsonObject>())!["status"]!);
        issue = await GetObject($"/api/v2/issues/{id}");
        Assert.Equal(["opened", "acknowledged", "assigned", "commented", "muted", "updated", "resolved"], issue["events"]!.AsArray().Select(e => (string)e!["kind"]!));
        Assert.Equal(HubFixture.AdminUser, (string)issue["events"]![6]!["actor"]!);
    }

    [Fact]
    public async Task Tokens_and_roles_guard_every_endpoint_but_health()
    {
        using var anonymous = hub.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v2/issues")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.Client("sdl_not-a-token").GetAsync("/api/v2/issues")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.Client("a.b.c").GetAsync("/api/v2/issues")).StatusCode);
        var wrong = await anonymous.PostAsync("/api/v1/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = HubFixture.AdminUser, ["password"] = "nope" }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        // An API token made from a session works like it, and is stored hashed. It is a JWT whose sub is the user id, as QALITA's CLI
        // decodes it (without checking the signature), and whose type is "api".
        using var admin = hub.Client(hub.AdminToken);
        var token = (string)(await (await admin.PostAsync("/api/v1/tokens/create", null)).Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
        var jwt = new JsonWebToken(token);
        Assert.Equal(new JsonWebToken(hub.AdminToken).Subject, jwt.Subject);
        Assert.Equal("api", jwt.GetPayloadValue<string>("type"));
        Assert.Equal("admin", jwt.GetPayloadValue<string>("role"));
        Assert.Equal(HttpStatusCode.OK, (await hub.Client(token).GetAsync("/api/v2/issues")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hub.Client(token).GetAsync("/openapi/v1.json")).StatusCode);
        // The same claims with another signature are not that token: the hub knows its API tokens by their hash.
        string forged = token[..token.LastIndexOf('.')] + "." + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(new byte[32]);
        var refused = await hub.Client(forged).GetAsync("/api/v2/issues");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("API token is unknown", (string)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!);
        // A token of an earlier hub version (sdl_...) stored in the database still works.
        string legacy = "sdl_" + Guid.NewGuid().ToString("N");
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Sodalite.Hub.Data.HubDb>();
            int adminId = int.Parse(jwt.Subject, System.Globalization.CultureInfo.InvariantCulture);
            db.ApiTokens.Add(new Sodalite.Hub.Data.ApiToken { UserId = adminId, Name = "legacy", TokenHash = Sodalite.Hub.Auth.ApiTokens.HashOf(legacy), CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1) });
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await hub.Client(legacy).GetAsync("/api/v2/issues")).StatusCode);

        // A viewer reads but cannot write.
        string viewer = $"viewer-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v2/users", new { username = viewer, password = "viewer password", role = "viewer" })).StatusCode);
        string viewerToken = await hub.SignInAsync(viewer, "viewer password");
        Assert.Equal(HttpStatusCode.OK, (await hub.Client(viewerToken).GetAsync("/api/v2/scans")).StatusCode);
        var (status, _) = await Post("viewer-source", Doc("2024-08-01T00:00:00+00:00", ("v1", "fail")), viewerToken);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(HttpStatusCode.Forbidden, (await hub.Client(viewerToken).PostAsJsonAsync("/api/v2/users", new { username = "x", password = "12345678", role = "admin" })).StatusCode);
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("[1, 2]", "$")]
    [InlineData("{\"dataTimestamp\": \"2024-01-01T00:00:00Z\"}", "$.checks")]
    [InlineData("{\"dataTimestamp\": \"yesterday\", \"checks\": []}", "$.dataTimestamp")]
    [InlineData("{\"dataTimestamp\": \"2024-01-01T00:00:00Z\", \"checks\": [{\"name\": \"x\", \"outcome\": \"pass\"}]}", "checks[0].identity")]
    [InlineData("{\"dataTimestamp\": \"2024-01-01T00:00:00Z\", \"checks\": [{\"identity\": \"i\", \"name\": \"x\", \"outcome\": \"great\"}]}", "checks[0].outcome")]
    public async Task A_malformed_document_gets_a_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        string source = $"bad-{Guid.NewGuid():N}";
        var (status, response) = await Post(source, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, (string)response["field"]!);
        Assert.DoesNotContain(await Get("/api/v2/sources"), s => (string?)s!["name"] == source);
    }

    [Fact]
    public async Task Concurrent_clients_pushing_the_same_scans_store_each_result_exactly_once()
    {
        string run = Guid.NewGuid().ToString("N")[..8];
        // 16 clients: pairs push the same 5 scans of 10 checks to one of 8 sources, at the same time.
        var pushes = Enumerable.Range(0, 16).Select(async client =>
        {
            string source = $"load-{run}-{client / 2}";
            for (int i = 0; i < 5; i++)
            {
                var checks = Enumerable.Range(0, 10).Select(c => ($"k{c}", (c + i) % 3 == 0 ? "fail" : "pass")).ToArray();
                var (status, _) = await Post(source, Doc($"2024-10-0{i + 1}T00:00:00+00:00", checks));
                Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"{status}");
            }
        });
        await Task.WhenAll(pushes);
        foreach (int s in Enumerable.Range(0, 8))
        {
            int sourceId = await SourceId($"load-{run}-{s}");
            var scans = await Get($"/api/v2/scans?source_id={sourceId}");
            Assert.Equal(5, scans.Count);
            int datasetId = (int)(await Get($"/api/v2/datasets?source_id={sourceId}")).Single()!["id"]!;
            var checks = await Get($"/api/v2/checks?dataset_id={datasetId}");
            Assert.Equal(10, checks.Count);
            foreach (var check in checks)
                Assert.Equal(5, (await Get($"/api/v2/checks/{(int)check!["id"]!}/results")).Count);
        }
    }

    [Fact]
    public async Task A_real_Soda_scan_of_a_missing_table_keeps_its_errors_and_not_evaluated_checks()
    {
        // Soda Core 3.5.6's own results for checks on a table that does not exist: checks[] is empty, the logs say why.
        string doc = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "missing_table", "expected.json"));
        string source = $"errors-{Guid.NewGuid():N}";
        var (status, body) = await Post(source, doc);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(0.0, (double)body["score"]!);
        int scanId = (int)body["scan_id"]!;

        var scan = await GetObject($"/api/v2/scans/{scanId}");
        Assert.True((bool)scan["has_errors"]!);
        Assert.Equal(3, (int)scan["error_count"]!);
        var errored = scan["errored_checks"]!.AsArray();
        Assert.Equal(["row_count > 0", "Schema Check"], errored.Select(e => (string)e!["name"]!));
        Assert.Equal("Metrics 'row_count' were not computed for check 'row_count > 0'", (string?)errored[0]!["error"]);
        var logs = scan["logs"]!.AsArray();
        Assert.Equal(3, logs.Count);
        Assert.StartsWith("Query execution error in 1.pg.no_such_table.aggregation[0]: relation", (string)logs[0]!["message"]!);

        // The dataset the errors are about exists, and its score counts the two checks as not passed.
        var dataset = (await Get($"/api/v2/datasets?source_id={await SourceId(source)}")).Single()!;
        Assert.Equal("no_such_table", (string)dataset["name"]!);
        Assert.All(errored, e => Assert.Equal((int)dataset["id"]!, (int)e!["dataset_id"]!));
        var score = (await Get($"/api/v2/scores?dataset_id={(int)dataset["id"]!}")).Single(x => x!["dimension"] is null)!;
        Assert.Equal((0.0, 0, 0, 2), ((double)score["value"]!, (int)score["passed"]!, (int)score["total"]!, (int)score["errors"]!));
    }

    [Fact]
    public async Task Checks_that_error_count_against_the_score_and_show_in_their_history()
    {
        string source = $"broken-{Guid.NewGuid():N}";
        var (_, clean) = await Post(source, Doc("2024-10-01T00:00:00+00:00", ("e1", "pass"), ("e2", "fail"), ("e3", "pass"), ("e4", "pass")));
        Assert.Equal(0.75, (double)clean["score"]!);

        // Next scan: e3 and e4 error (Soda leaves them out of checks[] and lists them in its summary), e1 passes, e2 fails.
        var broken = System.Text.Json.Nodes.JsonNode.Parse(Doc("2024-10-02T00:00:00+00:00", ("e1", "pass"), ("e2", "fail")))!.AsObject();
        broken["hasErrors"] = true;
        string[] lines =
        [
            "Query execution error in aggregation[0]: column \"x\" does not exist",
            "Metrics 'missing_count' were not computed for check 'missing_count(email) = 0 [e3]'",
            "1/4 checks PASSED: ", "    customers in warehouse", "      missing_count(email) = 0 [e1] [PASSED]",
            "2/4 checks NOT EVALUATED: ", "    customers in warehouse", "      missing_count(email) = 0 [e3] [NOT EVALUATED]",
            "        check_value: None", "      missing_count(email) = 0 [e4] [NOT EVALUATED]", "2 checks not evaluated.",
        ];
        broken["logs"] = new JsonArray([.. lines.Select((m, i) => (JsonNode)new JsonObject
        {
            ["level"] = i < 2 ? "error" : "info", ["message"] = m, ["timestamp"] = "2024-10-02T00:00:00+00:00", ["index"] = i + 1,
        })]);
        var (status, body) = await Post(source, broken.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, status);
        // One pass of four: the two checks that errored are not passes, so the broken scan scores lower than the clean one.
        Assert.Equal(0.25, (double)body["score"]!);

        var scan = await GetObject($"/api/v2/scans/{(int)body["scan_id"]!}");
        var results = scan["results"]!.AsArray().OrderBy(r => (string)r!["name"]!).ToList();
        Assert.Equal(["pass", "fail", "error", "error"], results.Select(r => (string)r!["outcome"]!));
        Assert.Equal("Metrics 'missing_count' were not computed for check 'missing_count(email) = 0 [e3]'", (string?)results[2]!["error"]);
        int e4 = (int)results[3]!["check_id"]!;
        Assert.Equal(["pass", "error"], (await Get($"/api/v2/checks/{e4}/results")).Select(r => (string)r!["outcome"]!));
        var scans = await Get($"/api/v2/scans?source_id={await SourceId(source)}");
        Assert.Equal([2, 0], scans.Select(x => (int)x!["errored_checks"]!));
        // An error neither resolves nor opens an issue: e2's stays open, e3 and e4 have none.
        var issues = await Get($"/api/v2/issues?dataset_id={(int)(await Get($"/api/v2/datasets?source_id={await SourceId(source)}")).Single()!["id"]!}");
        Assert.Equal($"{source} / customers: missing_count(email) = 0 [e2]", (string)issues.Single()!["title"]!);
    }

    [Fact]
    public async Task An_idempotency_key_makes_a_changed_retry_a_duplicate_and_a_missing_source_is_a_400()
    {
        string source = $"key-{Guid.NewGuid():N}";
        var (s1, _) = await Post(source, Doc("2024-09-01T00:00:00+00:00", ("k1", "fail")), idempotencyKey: "run-42");
        var (s2, b2) = await Post(source, Doc("2024-09-01T00:00:01+00:00", ("k1", "fail")), idempotencyKey: "run-42");
        Assert.Equal(HttpStatusCode.Created, s1);
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.True((bool)b2["duplicate"]!);
        using var c = hub.Client(hub.AdminToken);
        var r = await c.PostAsync("/api/v2/scans", new StringContent(Doc("2024-09-01T00:00:00+00:00"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("source", (string)(await r.Content.ReadFromJsonAsync<JsonObject>())!["field"]!);
    }
}

public sealed class SqliteHubTests(SqliteHub hub) : HubTests<SqliteHub>(hub);

public sealed class PostgresHubTests(PostgresHub hub) : HubTests<PostgresHub>(hub);
