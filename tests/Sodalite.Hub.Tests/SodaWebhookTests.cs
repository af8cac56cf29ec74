// Soda Cloud webhooks delivered over HTTP as Soda Cloud sends them (spec/sodacl.md §8).
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class SodaWebhookTests<THub>(THub hub) : IClassFixture<THub> where THub : HubFixture
{
    private async Task<(HttpStatusCode, JsonObject?)> Send(string body, string? token = HubFixture.WebhookToken)
    {
        using var c = hub.Client(token);
        var r = await c.PostAsync("/api/v2/integrations/soda/webhook", new StringContent(body, Encoding.UTF8, "application/json"));
        return (r.StatusCode, r.Content.Headers.ContentLength == 0 ? null : await r.Content.ReadFromJsonAsync<JsonObject>());
    }

    private static string CheckResult(string id, string datasource, string outcome, string? at, string check = "row_count > 0") => $$$"""
        {"id": "{{{id}}}", "sodaCloudUrl": "https://cloud.soda.io/checks/{{{id}}}", "definition": "checks for orders:\n{{{check}}}",
         "datasets": [{"id": "d1", "name": "orders", "label": "orders", "tags": [], "owner": {"id": "u", "email": "a@b.c"},
                       "datasource": {"id": "ds1", "name": "{{{datasource}}}", "label": "Warehouse"}, "attributes": []}],
         "column": null, "outcome": "{{{outcome}}}", {{{(at is null ? "" : $"\"dataTimestamp\": \"{at}\", ")}}}"diagnostics": {"value": 0.0}}
        """;

    /// <summary>An incidentCreated or incidentUpdated body (spec/sodacl.md §8) about the given check results.</summary>
    private static string Incident(string eventName, string status, params string[] results) => $$"""
        {"event":"{{eventName}}","incident":{"id":"i1","sodaCloudUrl":"https://cloud.soda.io/incidents/i1","number":196,"title":"Orders are empty",
         "description":"","severity":"major","status":"{{status}}","createdTimestamp":"2024-03-01T10:00:00Z","lastUpdatedTimestamp":"2024-03-01T11:00:00Z",
         "resolutionNotes":{{(status == "resolved" ? "\"Loaded again\"" : "null")}},"resolutionTimestamp":{{(status == "resolved" ? "\"2024-03-01T12:00:00Z\"" : "null")}},
         "links":[],"lead":{"id":"u","email":"a@b.c"},"reporter":{"id":"u","email":"a@b.c"},"checkResults":[{{string.Join(",", results)}}]},
         "incidentLinkCallbackUrl":"https://cloud.soda.io/integrations/webhook/x/incident-link/y/z"}
        """;

    private async Task<int> CheckIdAsync(HttpClient c, string identity) =>
        (int)(await c.GetFromJsonAsync<JsonArray>("/api/v2/checks"))!.Single(x => (string)x!["identity"]! == identity)!["id"]!;

    [Fact]
    public async Task A_check_result_sent_in_an_evaluation_and_then_in_incident_events_is_stored_once()
    {
        string ds = $"cloud-{Guid.NewGuid():N}", id = $"chk-{Guid.NewGuid():N}";
        string result = CheckResult(id, ds, "fail", "2024-03-01T09:49:48.060897Z");
        var (_, evaluation) = await Send($$"""{"event":"checkEvaluation","checkResults":[{{result}}]}""");
        Assert.Equal(1, (int)evaluation!["results"]!);

        var (created, createdBody) = await Send(Incident("incidentCreated", "reported", result));
        var (updated, updatedBody) = await Send(Incident("incidentUpdated", "investigating", result));
        var (again, againBody) = await Send($$"""{"event":"checkEvaluation","checkResults":[{{result}}]}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (created, updated, again));
        Assert.Equal((0, 0, 0), ((int)createdBody!["results"]!, (int)updatedBody!["results"]!, (int)againBody!["results"]!));
        using var c = hub.Client(hub.AdminToken);
        Assert.Single((await c.GetFromJsonAsync<JsonArray>($"/api/v2/checks/{await CheckIdAsync(c, id)}/results"))!);
        Assert.Single((await c.GetFromJsonAsync<JsonArray>("/api/v2/scans"))!, s => (string)s!["data_source_name"]! == ds);
        var issue = (await c.GetFromJsonAsync<JsonArray>("/api/v2/issues"))!.Single(i => (string)i!["check_identity"]! == id)!;
        var events = (await c.GetFromJsonAsync<JsonObject>($"/api/v2/issues/{(int)issue["id"]!}"))!["events"]!.AsArray();
        Assert.Equal(["opened", "commented", "commented"], events.Select(e => (string)e!["kind"]!));
    }

    [Fact]
    public async Task A_result_without_a_data_timestamp_is_stored_at_the_event_time_and_does_not_fail_the_batch()
    {
        string ds = $"cloud-{Guid.NewGuid():N}", a = $"chk-{Guid.NewGuid():N}", b = $"chk-{Guid.NewGuid():N}";
        var (status, body) = await Send($$"""
            {"event":"checkEvaluation","sentAt":"2024-04-02T08:00:00Z","checkResults":[{{CheckResult(a, ds, "pass", null)}},{{CheckResult(b, ds, "fail", "2024-04-01T00:00:00Z", "missing_count(id) = 0")}}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, (int)body!["results"]!);
        using var c = hub.Client(hub.AdminToken);
        var point = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/checks/{await CheckIdAsync(c, a)}/results"))!.Single()!;
        Assert.Equal(DateTimeOffset.Parse("2024-04-02T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), point["data_timestamp"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task An_error_outcome_is_stored_as_an_error_that_neither_opens_nor_resolves_an_issue()
    {
        string ds = $"cloud-{Guid.NewGuid():N}", id = $"chk-{Guid.NewGuid():N}";
        await Send($$"""{"event":"checkEvaluation","checkResults":[{{CheckResult(id, ds, "fail", "2024-05-01T00:00:00Z")}}]}""");

        var (status, body) = await Send($$"""{"event":"checkEvaluation","checkResults":[{{CheckResult(id, ds, "error", "2024-05-02T00:00:00Z")}}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1, 0, 0), ((int)body!["results"]!, (int)body["issues_opened"]!, (int)body["issues_resolved"]!));
        using var c = hub.Client(hub.AdminToken);
        var points = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/checks/{await CheckIdAsync(c, id)}/results"))!;
        Assert.Equal(["fail", "error"], points.Select(p => (string)p!["outcome"]!));
        var scan = await c.GetFromJsonAsync<JsonObject>($"/api/v2/scans/{(int)points[1]!["scan_id"]!}");
        Assert.Single(scan!["errored_checks"]!.AsArray());
        var issue = (await c.GetFromJsonAsync<JsonArray>("/api/v2/issues"))!.Single(i => (string)i!["check_identity"]! == id)!;
        Assert.Equal(("open", 1), ((string)issue["status"]!, (int)issue["occurrences"]!));
        var score = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/scores/series?source_id={(int)scan["source_id"]!}"))!.Last()!;
        Assert.Equal((0.0, 1), ((double)score["value"]!, (int)score["errors"]!));
    }

    [Fact]
    public async Task A_resolved_incident_resolves_the_issue_as_soda_cloud()
    {
        string ds = $"cloud-{Guid.NewGuid():N}", id = $"chk-{Guid.NewGuid():N}";
        string result = CheckResult(id, ds, "fail", "2024-06-01T00:00:00Z");
        await Send($$"""{"event":"checkEvaluation","checkResults":[{{result}}]}""");

        var (status, body) = await Send(Incident("incidentUpdated", "resolved", result));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, (int)body!["issues_resolved"]!);
        using var c = hub.Client(hub.AdminToken);
        var issue = (await c.GetFromJsonAsync<JsonArray>("/api/v2/issues"))!.Single(i => (string)i!["check_identity"]! == id)!;
        var detail = (await c.GetFromJsonAsync<JsonObject>($"/api/v2/issues/{(int)issue["id"]!}"))!;
        Assert.Equal("resolved", (string)detail["status"]!);
        var last = detail["events"]!.AsArray()[^1]!;
        Assert.Equal(("resolved", "soda-cloud"), ((string)last["kind"]!, (string)last["actor"]!));
        Assert.Contains("Loaded again", (string)last["note"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_created_is_answered_with_a_link_to_the_hub_issue_page()
    {
        string ds = $"cloud-{Guid.NewGuid():N}", id = $"chk-{Guid.NewGuid():N}";
        string result = CheckResult(id, ds, "fail", "2024-07-01T00:00:00Z");
        await Send($$"""{"event":"checkEvaluation","checkResults":[{{result}}]}""");

        var (status, body) = await Send(Incident("incidentCreated", "reported", result));

        Assert.Equal(HttpStatusCode.OK, status);
        using var c = hub.Client(hub.AdminToken);
        int issueId = (int)(await c.GetFromJsonAsync<JsonArray>("/api/v2/issues"))!.Single(i => (string)i!["check_identity"]! == id)!["id"]!;
        Assert.Equal($"{hub.BaseAddress.ToString().TrimEnd('/')}/issues/{issueId}", (string)body!["link"]!["url"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["link"]!["text"]));
    }

    [Fact]
    public async Task Check_evaluations_and_incidents_feed_results_and_issues()
    {
        string ds = $"cloud-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await Send("""{"event":"validate","sentAt":"2022-10-01T09:12:10.042323Z"}""")).Item1);

        var (status, body) = await Send($$"""{"event":"checkEvaluation","checkResults":[{{CheckResult("chk-1", ds, "fail", "2024-03-01T09:49:48.060897Z")}}]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, (int)body!["issues_opened"]!);

        using var c = hub.Client(hub.AdminToken);
        int sourceId = (int)(await c.GetFromJsonAsync<JsonArray>("/api/v2/sources"))!.Single(s => (string)s!["name"]! == ds)!["id"]!;
        int datasetId = (int)(await c.GetFromJsonAsync<JsonArray>($"/api/v2/datasets?source_id={sourceId}"))!.Single()!["id"]!;
        var issue = (await c.GetFromJsonAsync<JsonArray>($"/api/v2/issues?dataset_id={datasetId}"))!.Single()!;
        Assert.Equal("chk-1", (string)issue["check_identity"]!);
        Assert.Equal($"{ds} / orders: row_count > 0", (string)issue["title"]!);

        // An incident about it is noted on the issue; a later passing evaluation resolves it.
        var (incidentStatus, _) = await Send($$"""
            {"event":"incidentCreated","incident":{"id":"i1","number":196,"title":"Orders are empty","description":"","severity":"major","status":"opened",
             "createdTimestamp":"2024-03-01T10:00:00Z","checkResults":[{{CheckResult("chk-1", ds, "fail", "2024-03-01T09:49:48.060897Z")}}]},
             "incidentLinkCallbackUrl":"https://cloud.soda.io/integrations/webhook/x/incident-link/y/z"}
            """);
        Assert.Equal(HttpStatusCode.OK, incidentStatus);
        var (_, passing) = await Send($$"""{"event":"checkEvaluation","checkResults":[{{CheckResult("chk-1", ds, "pass", "2024-03-02T09:49:48Z")}}]}""");
        Assert.Equal(1, (int)passing!["issues_resolved"]!);
        var events = (await c.GetFromJsonAsync<JsonObject>($"/api/v2/issues/{(int)issue["id"]!}"))!["events"]!.AsArray();
        Assert.Contains(events, e => (string)e!["kind"]! == "commented" && ((string)e["note"]!).Contains("incident #196", StringComparison.Ordinal));
        Assert.Equal("resolved", (string)events[^1]!["kind"]!);
    }

    [Fact]
    public async Task The_webhook_needs_its_token_and_a_well_formed_body()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("""{"event":"validate"}""", token: null)).Item1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("""{"event":"validate"}""", token: "wrong")).Item1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("""{"event":"validate"}""", token: hub.AdminToken)).Item1);
        var (s1, b1) = await Send("""{"event":"checkEvaluation"}""");
        Assert.Equal((HttpStatusCode.BadRequest, "$.checkResults"), (s1, (string?)b1!["field"]));
        var (s2, b2) = await Send("""{"event":"checkEvaluation","checkResults":[{"outcome":"fail"}]}""");
        Assert.Equal((HttpStatusCode.BadRequest, "checkResults[0].id"), (s2, (string?)b2!["field"]));
        Assert.Equal(HttpStatusCode.BadRequest, (await Send("not json")).Item1);
        var (s3, b3) = await Send("""{"event":"agreementCreated","agreement":{"id":"a"}}""");
        Assert.Equal((HttpStatusCode.OK, "agreementCreated"), (s3, (string?)b3!["ignored"]));
    }
}

public sealed class SqliteSodaWebhookTests(SqliteHub hub) : SodaWebhookTests<SqliteHub>(hub);

public sealed class PostgresSodaWebhookTests(PostgresHub hub) : SodaWebhookTests<PostgresHub>(hub);
