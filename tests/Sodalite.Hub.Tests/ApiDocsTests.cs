// The hub's API documentation over real HTTP: the OpenAPI document (anonymous, complete enough for a client generator: summaries,
// tags, operation ids, request bodies, success and error responses, security), its agreement with what the hub really does
// (who gets a 401, which fields the answers have), and the Scalar page at /api/docs.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public sealed class ApiDocsTests(SqliteHub hub) : IClassFixture<SqliteHub>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    /// <summary>The operations a caller may use without any token.</summary>
    private static readonly HashSet<string> Anonymous = ["GET /healthz", "GET /api/v1/version", "POST /api/v1/auth/signin"];

    /// <summary>Writes that take no body (their input is in the path and query).</summary>
    private static readonly HashSet<string> Bodyless = ["POST /api/v1/tokens/create", "PUT /api/v1/packs/{id}/version"];

    /// <summary>Operations whose success answer is a file, not JSON.</summary>
    private static readonly HashSet<string> Binary = ["GET /api/v1/assets/{id}/fetch"];

    /// <summary>Operations that take no input and need no token, so that no error answer is possible.</summary>
    private static readonly HashSet<string> CannotFail = ["GET /healthz", "GET /api/v1/version"];

    private async Task<JsonObject> Document()
    {
        using var c = hub.Client();
        var r = await c.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static IEnumerable<(string Key, string Method, string Path, JsonObject Operation)> Operations(JsonObject doc) =>
        from path in doc["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Key, path.Key, method.Value!.AsObject());

    /// <summary>A schema with its $ref followed, and a nullable oneOf [null, X] taken as X.</summary>
    private static JsonObject Resolve(JsonObject doc, JsonNode schema)
    {
        var s = schema.AsObject();
        if (s["oneOf"] is JsonArray oneOf && oneOf.Select(o => o!.AsObject()).FirstOrDefault(o => (string?)o["type"] != "null") is { } some)
            return Resolve(doc, some);
        if ((string?)s["$ref"] is { } reference)
            return doc["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!.AsObject();
        return s;
    }

    private static bool HasType(JsonObject schema, string type) => schema["type"] switch
    {
        JsonArray types => types.Any(t => (string?)t == type),
        JsonValue one => (string?)one == type,
        _ => false,
    };

    [Fact]
    public async Task The_document_is_served_without_a_token_with_title_version_and_description()
    {
        var doc = await Document();
        Assert.StartsWith("3.", (string)doc["openapi"]!);
        Assert.Equal("Sodalite hub API", (string)doc["info"]!["title"]!);
        Assert.Equal(HubServer.Version, (string)doc["info"]!["version"]!);
        Assert.Contains("Authorization: Bearer", (string)doc["info"]!["description"]!);
        // Clients append paths that start with a slash to the server URL.
        Assert.All(doc["servers"]!.AsArray(), s => Assert.False(((string)s!["url"]!).EndsWith('/')));
    }

    [Fact]
    public async Task The_document_declares_the_bearer_scheme_and_the_webhook_scheme()
    {
        var schemes = (await Document())["components"]!["securitySchemes"]!;
        Assert.Equal("http", (string)schemes["bearer"]!["type"]!);
        Assert.Equal("bearer", (string)schemes["bearer"]!["scheme"]!);
        Assert.Contains("tokens/create", (string)schemes["bearer"]!["description"]!);
        Assert.Equal("JWT", (string)schemes["bearer"]!["bearerFormat"]!);
        Assert.Equal("http", (string)schemes["sodaWebhook"]!["type"]!);
        Assert.Equal("bearer", (string)schemes["sodaWebhook"]!["scheme"]!);
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_known_tag_and_a_unique_operation_id()
    {
        var doc = await Document();
        var tags = doc["tags"]!.AsArray().Select(t => (string)t!["name"]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "auth", "scans", "catalog", "issues", "scores", "history", "qalita", "webhooks" }, tags);
        var ops = Operations(doc).ToList();
        Assert.True(ops.Count >= 39, $"only {ops.Count} operations");
        Assert.All(ops, op =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)op.Operation["summary"]), $"{op.Key} has no summary");
            var opTags = op.Operation["tags"]?.AsArray().Select(t => (string)t!).ToList() ?? [];
            Assert.True(opTags.Count > 0 && opTags.All(tags.Contains), $"{op.Key} has tags [{string.Join(", ", opTags)}]");
            Assert.False(string.IsNullOrWhiteSpace((string?)op.Operation["operationId"]), $"{op.Key} has no operationId");
        });
        var ids = ops.Select(o => (string)o.Operation["operationId"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Every_operation_has_a_success_response_with_a_schema_and_error_responses_with_the_error_schema()
    {
        var doc = await Document();
        var error = doc["components"]!["schemas"]!["ApiError"]!;
        Assert.Equal(["detail"], error["required"]!.AsArray().Select(r => (string)r!));
        Assert.NotNull(error["properties"]!["field"]);
        Assert.All(Operations(doc), op =>
        {
            var responses = op.Operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2') && r.Key != "204").ToList();
            Assert.True(success.Count > 0, $"{op.Key} has no success response with a body");
            string type = Binary.Contains(op.Key) ? "application/octet-stream" : "application/json";
            Assert.All(success, r => Assert.True(r.Value!["content"]?[type]?["schema"] is JsonObject,
                $"{op.Key} {r.Key} has no {type} schema"));
            var errors = responses.Where(r => r.Key[0] == '4').ToList();
            if (CannotFail.Contains(op.Key))
            {
                Assert.Empty(errors);
                return;
            }
            Assert.True(errors.Count > 0, $"{op.Key} declares no error response");
            Assert.All(errors, r => Assert.Equal("#/components/schemas/ApiError", (string?)r.Value!["content"]?["application/json"]?["schema"]?["$ref"]));
            if (!Anonymous.Contains(op.Key)) Assert.True(responses.ContainsKey("401"), $"{op.Key} needs a token but declares no 401");
        });
    }

    [Fact]
    public async Task Every_operation_that_takes_a_body_declares_it_with_a_schema()
    {
        var doc = await Document();
        Assert.All(Operations(doc), op =>
        {
            var body = op.Operation["requestBody"];
            if (op.Method == "get" || Bodyless.Contains(op.Key))
            {
                Assert.True(body is null, $"{op.Key} declares a body it does not take");
                return;
            }
            Assert.True(body?["content"] is JsonObject { Count: > 0 }, $"{op.Key} declares no request body");
            Assert.All(body!["content"]!.AsObject(), c => Assert.True(c.Value!["schema"] is JsonObject, $"{op.Key} {c.Key} has no schema"));
        });

        var scan = doc["paths"]!["/api/v2/scans"]!["post"]!["requestBody"]!;
        Assert.Equal("object", (string)scan["content"]!["application/json"]!["schema"]!["type"]!);
        Assert.Contains("Soda", (string)scan["description"]!);
        var signIn = doc["paths"]!["/api/v1/auth/signin"]!["post"]!["requestBody"]!["content"]!["application/x-www-form-urlencoded"]!["schema"]!;
        Assert.Equal(["username", "password"], signIn["required"]!.AsArray().Select(r => (string)r!));
        var upload = doc["paths"]!["/api/v1/metrics/upload"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        Assert.Equal("binary", (string)upload["properties"]!["file"]!["format"]!);
        var issue = Resolve(doc, doc["paths"]!["/api/v2/issues/{id}"]!["patch"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["action"], issue["required"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task Every_operation_but_the_anonymous_ones_declares_a_security_requirement_the_hub_enforces()
    {
        var doc = await Document();
        using var c = hub.Client();
        foreach (var op in Operations(doc))
        {
            var schemes = op.Operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToList() ?? [];
            using var request = new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), op.Path.Replace("{id}", "1"));
            if (op.Method != "get") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            var status = (await c.SendAsync(request)).StatusCode;
            if (Anonymous.Contains(op.Key))
            {
                Assert.True(schemes.Count == 0, $"{op.Key} is anonymous but asks for {string.Join(", ", schemes)}");
                Assert.NotEqual(HttpStatusCode.Unauthorized, status);
                continue;
            }
            string expected = op.Path == "/api/v2/integrations/soda/webhook" ? "sodaWebhook" : "bearer";
            Assert.True(schemes.SequenceEqual([expected]), $"{op.Key} asks for [{string.Join(", ", schemes)}], not {expected}");
            Assert.True(status == HttpStatusCode.Unauthorized, $"{op.Key} without a token answered {(int)status}");
        }
    }

    [Fact]
    public async Task Documented_response_schemas_name_every_field_the_hub_answers_with()
    {
        // Given: a source with a scan (a failing and a passing check), a job, and a QALITA metrics upload
        var doc = await Document();
        using var c = hub.Client(hub.AdminToken);
        string source = $"docs-{Guid.NewGuid():N}";
        var pushed = await c.PostAsync($"/api/v2/scans?source={source}", new StringContent(ScanDocument(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        var ingested = (await pushed.Content.ReadFromJsonAsync<JsonObject>())!;
        int scanId = (int)ingested["scan_id"]!;
        int sourceId = (int)(await c.GetFromJsonAsync<JsonArray>("/api/v2/sources"))!.Single(s => (string)s!["name"]! == source)!["id"]!;
        int datasetId = (int)(await c.GetFromJsonAsync<JsonArray>($"/api/v2/datasets?source_id={sourceId}"))!.Single()!["id"]!;
        int checkId = (int)(await c.GetFromJsonAsync<JsonArray>($"/api/v2/checks?dataset_id={datasetId}"))!.First()!["id"]!;
        int issueId = (int)(await c.GetFromJsonAsync<JsonArray>($"/api/v2/issues?dataset_id={datasetId}"))!.Single()!["id"]!;
        var job = await c.PostAsJsonAsync("/api/v2/jobs/create", new { name = "docs", source_id = sourceId, status = "running" });
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""[{"key": "score", "value": "0.5", "scope": {"perimeter": "dataset", "value": "orders"}}]"""), "file", "metrics.json" },
        };
        var upload = await c.PostAsync($"/api/v1/metrics/upload?source_id={sourceId}", form);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var worker = await c.PostAsJsonAsync("/api/v2/workers/create", new { name = $"docs-{Guid.NewGuid():N}", mode = "job", status = "online", is_active = true });
        var workerBody = (await worker.Content.ReadFromJsonAsync<JsonObject>())!;
        int workerId = (int)workerBody["id"]!;
        await c.PostAsJsonAsync("/api/v2/jobs/create", new { name = "docs-claim", agent_id = workerId, status = "pending" });
        var claim = await c.GetAsync($"/api/v1/workers/{workerId}/jobs/next");
        using var logs = new MultipartFormDataContent { { new StringContent("log line"), "file", "logs.txt" } };
        var asset = await c.PostAsync($"/api/v1/assets/upload?registry_id=1&bucket=logs&name=docs-{Guid.NewGuid():N}", logs);
        var assetBody = (await asset.Content.ReadFromJsonAsync<JsonObject>())!;
        int assetId = (int)assetBody["id"]!;

        // When / Then: each answer has only documented fields, and every required one
        Check(doc, "POST", "/api/v2/scans", "201", ingested);
        Check(doc, "POST", "/api/v2/jobs/create", "201", (await job.Content.ReadFromJsonAsync<JsonNode>())!);
        Check(doc, "POST", "/api/v1/metrics/upload", "200", (await upload.Content.ReadFromJsonAsync<JsonNode>())!);
        Check(doc, "POST", "/api/v2/workers/create", "201", workerBody);
        Check(doc, "GET", "/api/v1/workers/{id}/jobs/next", "200", (await claim.Content.ReadFromJsonAsync<JsonNode>())!);
        Check(doc, "POST", "/api/v1/assets/upload", "200", assetBody);
        foreach (var (path, url) in new[]
                 {
                     ("/healthz", "/healthz"), ("/api/v1/version", "/api/v1/version"), ("/api/v2/users/{id}", "/api/v2/users/1"),
                     ("/api/v2/scans", $"/api/v2/scans?source_id={sourceId}"), ("/api/v2/scans/{id}", $"/api/v2/scans/{scanId}"),
                     ("/api/v2/datasets", $"/api/v2/datasets?source_id={sourceId}"), ("/api/v2/datasets/{id}", $"/api/v2/datasets/{datasetId}"),
                     ("/api/v2/checks", $"/api/v2/checks?dataset_id={datasetId}"), ("/api/v2/checks/{id}", $"/api/v2/checks/{checkId}"),
                     ("/api/v2/checks/{id}/results", $"/api/v2/checks/{checkId}/results"),
                     ("/api/v2/issues", $"/api/v2/issues?dataset_id={datasetId}"), ("/api/v2/issues/{id}", $"/api/v2/issues/{issueId}"),
                     ("/api/v2/scores", $"/api/v2/scores?source_id={sourceId}"), ("/api/v2/scores/series", $"/api/v2/scores/series?source_id={sourceId}"),
                     ("/api/v2/metrics/history", "/api/v2/metrics/history?identity=metric-docs-fail"),
                     ("/api/v2/sources", "/api/v2/sources"), ("/api/v2/sources/{id}", $"/api/v2/sources/{sourceId}"),
                     ("/api/v2/packs", "/api/v2/packs"), ("/api/v2/packs/{id}", "/api/v2/packs/1"), ("/api/v2/jobs", "/api/v2/jobs"),
                     ("/api/v2/metrics", $"/api/v2/metrics?source_id={sourceId}"),
                     ("/api/v2/workers", "/api/v2/workers"), ("/api/v2/workers/{id}", $"/api/v2/workers/{workerId}"),
                     ("/api/v2/registries", "/api/v2/registries"), ("/api/v1/partners", "/api/v1/partners"),
                     ("/api/v2/assets", "/api/v2/assets"), ("/api/v2/assets/{id}", $"/api/v2/assets/{assetId}"),
                 })
        {
            var r = await c.GetAsync(url);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)r.StatusCode}");
            var body = (await r.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.True(body is not JsonArray { Count: 0 }, $"GET {url} answered an empty list: nothing to compare");
            Check(doc, "GET", path, "200", body);
        }
        var error = await c.GetAsync("/api/v2/issues/999999");
        Check(doc, "GET", "/api/v2/issues/{id}", "404", (await error.Content.ReadFromJsonAsync<JsonNode>())!);
    }

    private static void Check(JsonObject doc, string method, string path, string status, JsonNode body)
    {
        var schema = doc["paths"]![path]![method.ToLowerInvariant()]!["responses"]![status]!["content"]!["application/json"]!["schema"]!;
        Matches(doc, schema, body, $"{method} {path} {status}: $");
    }

    /// <summary>Every field of <paramref name="value"/> is among the schema's properties and every required property is there, at every depth.</summary>
    private static void Matches(JsonObject doc, JsonNode schemaNode, JsonNode? value, string at)
    {
        if (value is null) return;
        var schema = Resolve(doc, schemaNode);
        switch (value)
        {
            case JsonArray array:
                Assert.True(HasType(schema, "array"), $"{at} is a list; the schema says {schema["type"]?.ToJsonString()}");
                for (int i = 0; i < array.Count; i++) Matches(doc, schema["items"]!, array[i], $"{at}[{i}]");
                break;
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, field) in obj)
                {
                    Assert.True(properties.ContainsKey(name), $"{at}.{name} is not in the documented schema");
                    Matches(doc, properties[name]!, field, $"{at}.{name}");
                }
                foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
                    Assert.True(obj.ContainsKey(required), $"{at}.{required} is documented as required but missing");
                break;
            case JsonObject obj when schema["additionalProperties"] is JsonObject values:
                foreach (var (name, field) in obj) Matches(doc, values, field, $"{at}.{name}");
                break;
        }
    }

    private static string ScanDocument() => new JsonObject
    {
        ["definitionName"] = "docs",
        ["defaultDataSource"] = "warehouse",
        ["dataTimestamp"] = "2024-05-01T00:00:00+00:00",
        ["scanStartTimestamp"] = "2024-05-01T00:00:00+00:00",
        ["scanEndTimestamp"] = "2024-05-01T00:00:00+00:00",
        ["hasErrors"] = false,
        ["hasWarnings"] = false,
        ["hasFailures"] = true,
        ["metrics"] = new JsonArray(
            new JsonObject { ["identity"] = "metric-docs-fail", ["metricName"] = "missing_count", ["value"] = 3 },
            new JsonObject { ["identity"] = "metric-docs-pass", ["metricName"] = "row_count", ["value"] = 10 }),
        ["checks"] = new JsonArray(
            CheckNode("docs-fail", "missing_count(email) = 0", "email", "metric-docs-fail", "fail", 3),
            CheckNode("docs-pass", "row_count > 0", null, "metric-docs-pass", "pass", 10)),
        ["logs"] = new JsonArray(),
    }.ToJsonString();

    private static JsonObject CheckNode(string identity, string line, string? column, string metric, string outcome, int value) => new()
    {
        ["identity"] = identity,
        ["name"] = line,
        ["type"] = "generic",
        ["definition"] = $"checks for orders:\n  {line}",
        ["table"] = "orders",
        ["column"] = column,
        ["metrics"] = new JsonArray(metric),
        ["outcome"] = outcome,
        ["diagnostics"] = new JsonObject { ["blocks"] = new JsonArray(), ["value"] = value },
        ["resourceAttributes"] = new JsonArray(),
    };

    [Fact]
    public async Task The_docs_page_answers_html_that_loads_the_document_and_the_bundled_script()
    {
        using var c = hub.Client();
        var page = await c.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html);
        // Offline: the script comes from the hub (the package's bundled copy), not a CDN, and no web fonts are asked for.
        Assert.Contains("<script src=\"scalar.js\"></script>", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.Contains("\"withDefaultFonts\":false", html);
        // And it calls nobody else: telemetry and the AI chat are off.
        Assert.Contains("\"telemetry\":false", html);
        Assert.Contains("\"disabled\":true", html);
        var script = await c.GetAsync(new Uri(page.RequestMessage!.RequestUri!, "scalar.js"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}
