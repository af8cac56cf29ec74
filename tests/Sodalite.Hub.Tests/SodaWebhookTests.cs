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

    private static string CheckResult(string id, string datasource, string outcome, string at) => $$$"""
        {"id": "{{{id}}}", "sodaCloudUrl": "https://cloud.soda.io/checks/{{{id}}}", "definition": "checks for orders:\nrow_count > 0",
         "datasets": [{"id": "d1", "name": "orders", "label": "orders", "tags": [], "owner": {"id": "u", "email": "a@b.c"},
                       "datasource": {"id": "ds1", "name": "{{{datasource}}}", "label": "Warehouse"}, "attributes": []}],
         "column": null, "outcome": "{{{outcome}}}", "dataTimestamp": "{{{at}}}", "diagnostics": {"value": 0.0}}
        """;

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
