// Issue 18: never a 500 for bad input. A corpus of hostile requests (numbers beyond double range, invalid UTF-8, unpaired surrogates,
// NUL characters, names longer than an index holds, wrong JSON types in uploaded artifacts, identical uploads at once) is sent to the
// hub on SQLite and on PostgreSQL: each gets the same 4xx on both stores, naming the field where one is at fault, and the hub still
// reads what it stored afterwards.
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class BadInputCorpusTests<THub>(THub hub) : IClassFixture<THub> where THub : HubFixture
{
    /// <summary>A minimal Soda results document with one check and one metric; <paramref name="patch"/> changes it as raw JSON text.</summary>
    private static string Doc(string identity = "bad-1", string name = "row_count > 0", string table = "orders", string value = "3", string metricValue = "3", string? metricIdentity = null) =>
        "{\"definitionName\": \"bad\", \"defaultDataSource\": \"w\", \"dataTimestamp\": \"2024-05-01T00:00:00+00:00\", "
        + "\"scanStartTimestamp\": \"2024-05-01T00:00:00+00:00\", \"scanEndTimestamp\": \"2024-05-01T00:00:00+00:00\", "
        + "\"hasErrors\": false, \"hasWarnings\": false, \"hasFailures\": true, "
        + $"\"metrics\": [{{\"identity\": \"{metricIdentity ?? "m-" + identity}\", \"metricName\": \"row_count\", \"value\": {metricValue}}}], "
        + $"\"checks\": [{{\"identity\": \"{identity}\", \"name\": \"{name}\", \"type\": \"generic\", \"definition\": \"checks for x\", \"table\": \"{table}\", "
        + $"\"column\": null, \"metrics\": [\"m-{identity}\"], \"outcome\": \"fail\", \"diagnostics\": {{\"blocks\": [], \"value\": {value}}}, "
        + "\"resourceAttributes\": []}], \"logs\": []}";

    private async Task<(HttpStatusCode Status, string? Field, string Body)> Send(HttpMethod method, string url, HttpContent? content)
    {
        using var c = hub.Client(hub.AdminToken);
        using var request = new HttpRequestMessage(method, url) { Content = content };
        var r = await c.SendAsync(request);
        string body = await r.Content.ReadAsStringAsync();
        string? field = null;
        try { field = (string?)JsonNode.Parse(body)?["field"]; }
        catch (System.Text.Json.JsonException) { }
        catch (InvalidOperationException) { }
        return (r.StatusCode, field, body);
    }

    private static ByteArrayContent Json(string text) => Json(Encoding.UTF8.GetBytes(text));

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static MultipartFormDataContent File(string name, string text)
    {
        var content = new MultipartFormDataContent(Guid.NewGuid().ToString("N"));
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{name}\"" };
        content.Add(file);
        return content;
    }

    private static string Source() => $"bad-{Guid.NewGuid():N}";

    public static TheoryData<string, string, string> ScanDocuments => new()
    {
        // name, document, field the 400 names
        { "a check value beyond double range", Doc(value: "1e400"), "$.checks[0].diagnostics.value" },
        { "a metric value beyond double range", Doc(metricValue: "-1e400"), "$.metrics[0].value" },
        { "an unpaired surrogate in a check identity", Doc(identity: "id\\ud800", metricIdentity: "m-1"), "$.checks[0].identity" },
        { "an unpaired surrogate in a check name", Doc(name: "row\\udc00count"), "$.checks[0].name" },
        { "a NUL in a table name", Doc(table: "ord\\u0000ers"), "$.checks[0].table" },
        { "a check identity longer than an index holds", Doc(identity: new string('i', 5000)), "$.checks[0].identity" },
        { "a table name longer than an index holds", Doc(table: new string('t', 5000)), "$.checks[0].table" },
        { "a metric identity longer than an index holds", Doc(metricIdentity: new string('m', 5000)), "$.metrics[0].identity" },
    };

    [Fact]
    public async Task A_nul_in_free_text_is_kept_as_a_replacement_character_on_every_store()
    {
        // A check name (free text) with NULs: the scan is stored, not lost, with U+FFFD in their place.
        string source = Source();
        var (status, _, body) = await Send(HttpMethod.Post, $"/api/v2/scans?source={source}", Json(Doc(name: "row\\u0000count \\u0000> 0")));
        Assert.True(status == HttpStatusCode.Created, $"{(int)status} {body}");
        int scanId = (int)JsonNode.Parse(body)!["scan_id"]!;
        var scan = JsonNode.Parse((await Send(HttpMethod.Get, $"/api/v2/scans/{scanId}", null)).Body)!;
        Assert.Equal("row\uFFFDcount \uFFFD> 0", (string)scan["results"]![0]!["name"]!);
    }

    [Theory]
    [MemberData(nameof(ScanDocuments))]
    public async Task A_hostile_scan_document_is_a_400_naming_the_field_and_stores_nothing(string what, string doc, string field)
    {
        string source = Source();
        var (status, got, body) = await Send(HttpMethod.Post, $"/api/v2/scans?source={source}", Json(doc));
        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {(int)status} {body}");
        Assert.Equal(field, got);
        var (list, _, listed) = await Send(HttpMethod.Get, "/api/v2/scans", null);
        Assert.Equal(HttpStatusCode.OK, list);
        Assert.DoesNotContain(source, listed);
    }

    [Fact]
    public async Task Invalid_utf8_a_nul_or_a_long_source_name_and_a_long_idempotency_key_get_4xx_never_5xx()
    {
        byte[] doc = Encoding.UTF8.GetBytes(Doc(name: "NAME"));
        int at = Encoding.UTF8.GetString(doc).IndexOf("NAME", StringComparison.Ordinal);
        doc[at] = 0xff;
        doc[at + 1] = 0xfe;
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(HttpMethod.Post, $"/api/v2/scans?source={Source()}", Json(doc))).Status);
        Assert.Equal((HttpStatusCode.BadRequest, "source"), (await Send(HttpMethod.Post, $"/api/v2/scans?source=a%00b", Json(Doc()))) is var r1 ? (r1.Status, r1.Field) : default);
        Assert.Equal((HttpStatusCode.BadRequest, "source"), (await Send(HttpMethod.Post, $"/api/v2/scans?source={new string('s', 5000)}", Json(Doc()))) is var r2 ? (r2.Status, r2.Field) : default);
        // A long Idempotency-Key is fine: the hub keeps a digest of it, and the same key again is the same scan.
        using var c = hub.Client(hub.AdminToken);
        string source = Source(), key = new string('k', 5000);
        async Task<HttpStatusCode> Push()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v2/scans?source={source}") { Content = Json(Doc()) };
            request.Headers.Add("Idempotency-Key", key);
            return (await c.SendAsync(request)).StatusCode;
        }
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (await Push(), await Push()));
    }

    public static TheoryData<string, string, string, string> Artifacts => new()
    {
        { "metrics", "a key that is a number", "[{\"key\": 5, \"value\": \"1\", \"scope\": {\"perimeter\": \"dataset\", \"value\": \"orders\"}}]", "file[0].key" },
        { "recommendations", "content that is an object", "[{\"content\": {\"a\": 1}, \"type\": \"t\", \"level\": \"high\", \"scope\": {\"perimeter\": \"dataset\", \"value\": \"orders\"}}]", "file[0].content" },
        { "recommendations", "a level that is a list", "[{\"content\": \"c\", \"type\": \"t\", \"level\": [\"high\"], \"scope\": {\"perimeter\": \"dataset\", \"value\": \"orders\"}}]", "file[0].level" },
        { "metrics", "a scope perimeter that is a number", "[{\"key\": \"score\", \"value\": \"0.5\", \"scope\": {\"perimeter\": 1, \"value\": \"orders\"}}]", "file[0].scope.perimeter" },
        { "metrics", "a scope value that is an object", "[{\"key\": \"score\", \"value\": \"0.5\", \"scope\": {\"perimeter\": \"dataset\", \"value\": {}}}]", "file[0].scope.value" },
        { "metrics", "a value beyond double range", "[{\"key\": \"score\", \"value\": 1e400, \"scope\": {\"perimeter\": \"dataset\", \"value\": \"orders\"}}]", "file[0].value" },
        { "metrics", "a NUL in a dataset name", "[{\"key\": \"score\", \"value\": \"1\", \"scope\": {\"perimeter\": \"dataset\", \"value\": \"ord\\u0000ers\"}}]", "file[0].scope.value" },
        { "schemas", "an unpaired surrogate in a scope value", "[{\"key\": \"column\", \"value\": \"a\", \"scope\": {\"perimeter\": \"column\", \"value\": \"\\udc00\"}}]", "file[0].scope.value" },
        { "metrics", "a dataset name longer than an index holds", "[{\"key\": \"score\", \"value\": \"0.5\", \"scope\": {\"perimeter\": \"dataset\", \"value\": \"" + new string('d', 5000) + "\"}}]", "file[0].scope.value" },
    };

    [Theory]
    [MemberData(nameof(Artifacts))]
    public async Task A_hostile_artifact_upload_is_a_400_naming_the_entry_field(string kind, string what, string content, string field)
    {
        int sourceId = await NewSource();
        var (status, got, body) = await Send(HttpMethod.Post, $"/api/v1/{kind}/upload?source_id={sourceId}", File($"{kind}.json", content));
        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {(int)status} {body}");
        Assert.Equal(field, got);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, $"/api/v2/{kind}?source_id={sourceId}", null)).Status);
    }

    private async Task<int> NewSource()
    {
        var (_, _, body) = await Send(HttpMethod.Post, "/api/v1/sources/publish", Json($"{{\"name\": \"{Source()}\", \"type\": \"file\"}}"));
        return (int)JsonNode.Parse(body)!["id"]!;
    }

    [Fact]
    public async Task Six_identical_uploads_at_once_get_one_200_and_five_409()
    {
        int sourceId = await NewSource();
        string metrics = "[{\"key\": \"score\", \"value\": \"0.5\", \"scope\": {\"perimeter\": \"dataset\", \"value\": \"orders\"}}]";
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Send(HttpMethod.Post, $"/api/v1/metrics/upload?source_id={sourceId}", File("metrics.json", metrics))));
        Assert.Equal([HttpStatusCode.OK, .. Enumerable.Repeat(HttpStatusCode.Conflict, 5)], answers.Select(a => a.Status).OrderBy(s => (int)s));
        Assert.Single(JsonNode.Parse((await Send(HttpMethod.Get, $"/api/v2/metrics?source_id={sourceId}", null)).Body)!.AsArray());
    }

    public static TheoryData<string, string, string, string> TypedBodies => new()
    {
        { "POST", "/api/v1/sources/publish", "{\"name\": \"a\\u0000b\", \"type\": \"file\"}", "name" },
        { "POST", "/api/v1/sources/publish", "{\"name\": \"a\\ud800b\", \"type\": \"file\"}", "$.name" },
        { "POST", "/api/v1/sources/publish", "{\"name\": \"" + new string('n', 5000) + "\", \"type\": \"file\"}", "name" },
        { "POST", "/api/v1/packs/publish", "{\"name\": \"" + new string('p', 5000) + "\"}", "name" },
        { "POST", "/api/v2/workers/create", "{\"name\": \"w\\udfffx\"}", "$.name" },
        { "POST", "/api/v2/users", "{\"username\": \"" + new string('u', 5000) + "\", \"password\": \"long enough\", \"role\": \"viewer\"}", "username" },
        { "POST", "/api/v2/users", "{\"username\": \"u\\u0000\", \"password\": \"long enough\", \"role\": \"viewer\"}", "username" },
        { "POST", "/api/v2/jobs/create", "{\"name\": \"j\", \"agent_id\": 1e400}", "$.agent_id" },
    };

    [Theory]
    [MemberData(nameof(TypedBodies))]
    public async Task Hostile_text_in_a_typed_body_is_a_400_naming_the_field(string method, string url, string body, string field)
    {
        var (status, got, answer) = await Send(new HttpMethod(method), url, Json(body));
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {answer}");
        Assert.Equal(field, got);
    }

    [Theory]
    [InlineData("/api/v2/scores?source=a%00b", "source")]
    [InlineData("/api/v2/issues?assignee=%00", "assignee")]
    [InlineData("/api/v2/assets?bucket=logs&name=x%00", "name")]
    public async Task A_nul_or_a_non_text_byte_in_a_query_parameter_is_a_400_naming_it(string url, string field)
    {
        var (status, got, body) = await Send(HttpMethod.Get, url, null);
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {body}");
        Assert.Equal(field, got);
    }

    [Fact]
    public async Task A_json_route_sent_no_json_body_says_it_takes_one_instead_of_no_such_route()
    {
        var (status, _, body) = await Send(HttpMethod.Post, "/api/v2/workers/create", null);
        Assert.True(status == HttpStatusCode.UnsupportedMediaType, $"{(int)status} {body}");
        Assert.Contains("takes a JSON body", body);
        var (missing, _, _) = await Send(HttpMethod.Post, "/api/v2/no-such-route", Json("{}"));
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Theory]
    [InlineData("Bearer", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0.a.b.c.d")]   // a JWE's five parts: IdentityModel throws FormatException
    [InlineData("Bearer", "eyJhbGciOiJub25lIn0.eyJ0eXBlIjoiYXBpIn0.")]         // an unsigned JWT claiming to be an API token
    [InlineData("Bearer", "....")]
    [InlineData("Bearer", "a\u0001b")]
    [InlineData("Basic", "dTpleUpoYkdjaU9pSmthWElpTENKbGJtTWlPaUpCTVRJNFIwTk5JbjAuYS5iLmMuZA==")]   // u:<the JWE above>
    [InlineData("Basic", "not base64 at all")]
    public async Task A_malformed_token_is_a_401_on_every_route_never_a_500(string scheme, string token)
    {
        using var c = hub.Client();
        foreach (string url in new[] { "/api/v2/issues", "/api/v2/sources", "/healthz" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
            var r = await c.SendAsync(request);
            Assert.True(r.StatusCode == (url == "/healthz" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized), $"{url}: {(int)r.StatusCode}");
        }
    }

    [Fact]
    public async Task A_nul_in_a_sign_in_form_or_a_webhook_or_a_sampler_body_is_never_a_500()
    {
        using var anonymous = hub.Client();
        var signin = await anonymous.PostAsync("/api/v1/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "ad\0min", ["password"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, signin.StatusCode);   // ASP.NET Core's form reader refuses a NUL
        Assert.Contains("form", (string)JsonNode.Parse(await signin.Content.ReadAsStringAsync())!["detail"]!, StringComparison.Ordinal);
        using var webhook = hub.Client(HubFixture.WebhookToken);
        var evaluation = await webhook.PostAsync("/api/v2/integrations/soda/webhook", Json(
            "{\"event\": \"checkEvaluation\", \"checkResults\": [{\"id\": \"c\\u0000\", \"name\": \"row_count > 0\", \"outcome\": \"fail\", \"dataTimestamp\": \"2024-05-01T00:00:00Z\", "
            + "\"value\": 1e400, \"dataset\": {\"name\": \"orders\", \"datasource\": {\"name\": \"w\"}}}]}"));
        Assert.Equal(HttpStatusCode.BadRequest, evaluation.StatusCode);
        var sample = await Send(HttpMethod.Post, "/api/v2/integrations/soda/samples?source=w", Json("{\"check_name\": \"x\\u0000\", \"rows\": [[1e400]]}"));
        Assert.True((int)sample.Status is >= 400 and < 500, $"{(int)sample.Status} {sample.Body}");
    }
}

public sealed class SqliteBadInputCorpusTests(SqliteHub hub) : BadInputCorpusTests<SqliteHub>(hub);

public sealed class PostgresBadInputCorpusTests(PostgresHub hub) : BadInputCorpusTests<PostgresHub>(hub);
