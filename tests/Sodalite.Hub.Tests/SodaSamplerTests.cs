// Soda Core's HTTP failed-rows sampler (sampler: storage: type: http) posting to the hub as Soda Core 3.5.6 does: for each sample,
// requests.post(url, json=json.dumps(sample, sort_keys=True, default=str)), a JSON string holding the sample's JSON, with no
// header but what requests makes of credentials in the URL (Basic). Over real HTTP on 127.0.0.1, on SQLite and PostgreSQL.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class SodaSamplerTests<THub>(THub hub) : IClassFixture<THub> where THub : HubFixture
{
    private const string Check = "missing_count(email) = 0", ScanTime = "2024-05-01T09:00:00+00:00";

    /// <summary>The body Soda Core's HTTPSampler sends: Python's json.dumps of the sorted sample dict, then json.dumps of that string.</summary>
    private static string SamplerBody(string dataSource, string? checkName = Check, string scanTime = ScanTime)
    {
        string name = checkName is null ? "null" : $"\"{checkName}\"";
        string inner = $$"""{"check_name": {{name}}, "count": 3, "dataset": "customers", "datasource": "{{dataSource}}", "rows": [[4, null, "2024-04-30 10:00:00"], [9, null, "2024-04-30 11:00:00"], [12, null, "2024-04-30 12:00:00"]], "scan_definition": "nightly", "scan_time": "{{scanTime}}", "schema": [{"name": "id", "type": "int4"}, {"name": "email", "type": "varchar"}, {"name": "created_at", "type": "timestamp"}]}""";
        return "\"" + inner.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A -srf document of that data source with the failing missing_count check the sample is about.</summary>
    private static byte[] Srf(string dataSource) => Encoding.UTF8.GetBytes(SodaJsonWriter.Write(new ScanResult
    {
        DefinitionName = "nightly",
        DefaultDataSource = dataSource,
        DataTimestamp = DateTimeOffset.Parse(ScanTime, System.Globalization.CultureInfo.InvariantCulture),
        HasFailures = true,
        Metrics = [new ScanMetric { Identity = "metric-email-missing", MetricName = "missing_count", Value = new IntegerValue(3), Table = "customers", Column = "email" }],
        Checks =
        [
            new ScanCheck
            {
                Identity = $"id-{dataSource}", Name = Check, Definition = $"checks for customers:\n  {Check}",
                Table = "customers", Column = "email", Metrics = ["metric-email-missing"], Outcome = Outcome.Fail,
                Diagnostics = new MetricCheckDiagnostics([], new IntegerValue(3)),
            },
        ],
        SourceOwner = "soda-core",
    }));

    /// <summary>Posts a sample as requests does for a URL with credentials: Basic authentication (when a token is given), application/json.</summary>
    private async Task<(HttpStatusCode Status, JsonObject? Body)> PostSample(string body, string? basicToken, string query = "")
    {
        using var c = hub.Client();
        if (basicToken is not null)
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"sodalite:{basicToken}")));
        var r = await c.PostAsync($"/api/v2/integrations/soda/samples{query}", new StringContent(body, Encoding.UTF8, "application/json"));
        string text = await r.Content.ReadAsStringAsync();
        return (r.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null);
    }

    private async Task<string> ApiTokenAsync()
    {
        using var admin = hub.Client(hub.AdminToken);
        return (string)(await (await admin.PostAsync("/api/v1/tokens/create", null)).Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    }

    private async Task PushAsync(string source, string dataSource)
    {
        using var c = hub.Client(hub.AdminToken);
        var content = new ByteArrayContent(Srf(dataSource));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsync($"/api/v2/scans?source={source}", content)).StatusCode);
    }

    private async Task<int> CheckIdAsync(string dataSource)
    {
        using var c = hub.Client(hub.AdminToken);
        return (int)(await c.GetFromJsonAsync<JsonArray>("/api/v2/checks"))!.Single(x => (string)x!["identity"]! == $"id-{dataSource}")!["id"]!;
    }

    [Fact]
    public async Task A_sample_posted_before_its_scan_waits_for_it_and_then_is_the_check_sample()
    {
        // Given: Soda Core samples while it scans, so the sample comes first.
        string ds = $"wh_{Guid.NewGuid():N}";
        var (status, answer) = await PostSample(SamplerBody(ds), await ApiTokenAsync());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pending", (string)answer!["status"]!);

        // When
        await PushAsync($"src-{ds}", ds);

        // Then
        using var c = hub.Client(hub.AdminToken);
        int checkId = await CheckIdAsync(ds);
        var sample = (await c.GetFromJsonAsync<JsonObject>($"/api/v2/checks/{checkId}/samples"))!;
        Assert.Equal(["id", "email", "created_at"], sample["columns"]!.AsArray().Select(x => (string)x!["name"]!));
        Assert.Equal("int4", (string)sample["columns"]![0]!["type"]!);
        Assert.Equal(3, (int)sample["stored_row_count"]!);
        Assert.Equal(3, (long)sample["total_row_count"]!);
        Assert.Equal(9, (int)sample["rows"]![1]![0]!);
        Assert.Equal("2024-04-30 11:00:00", (string)sample["rows"]![1]![2]!);
    }

    [Fact]
    public async Task A_sample_posted_after_its_scan_is_stored_with_it_and_shown_on_the_check_page()
    {
        // Given
        string ds = $"wh_{Guid.NewGuid():N}";
        await PushAsync($"src-{ds}", ds);

        // When: a bearer API token works too, and ?source= names the hub source.
        using var bearer = hub.Client(await ApiTokenAsync());
        var r = await bearer.PostAsync($"/api/v2/integrations/soda/samples?source=src-{ds}", new StringContent(SamplerBody(ds), Encoding.UTF8, "application/json"));
        var answer = (await r.Content.ReadFromJsonAsync<JsonObject>())!;

        // Then
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("stored", (string)answer["status"]!);
        int checkId = await CheckIdAsync(ds);
        Assert.Equal(checkId, (int)answer["check_id"]!);
        using var c = hub.Client(hub.AdminToken);
        Assert.Equal(3, (int)(await c.GetFromJsonAsync<JsonObject>($"/api/v2/checks/{checkId}/samples"))!["stored_row_count"]!);
        string page = await PageAsync($"/checks/{checkId}");
        Assert.Contains("created_at", page, StringComparison.Ordinal);
        Assert.Contains("2024-04-30 12:00:00", page, StringComparison.Ordinal);

        // The same sample again is not stored twice.
        var (_, again) = await PostSample(SamplerBody(ds), await ApiTokenAsync());
        Assert.Equal("duplicate", (string)again!["status"]!);
    }

    [Fact]
    public async Task The_sampler_endpoint_needs_a_hub_api_token_and_a_sample()
    {
        string ds = $"wh_{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSample(SamplerBody(ds), null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSample(SamplerBody(ds), "sdl_not-a-token")).Status);
        string token = await ApiTokenAsync();
        var (bad, error) = await PostSample("\"{\\\"datasource\\\": \\\"x\\\"}\"", token);
        Assert.Equal((HttpStatusCode.BadRequest, "$.scan_time"), (bad, (string?)error!["field"]));
        var (ignored, answer) = await PostSample(SamplerBody(ds, checkName: null), token);
        Assert.Equal((HttpStatusCode.OK, "ignored"), (ignored, (string?)answer!["status"]));
    }

    /// <summary>A page's HTML, signed in through the login form as the admin.</summary>
    private async Task<string> PageAsync(string path)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var c = new HttpClient(handler) { BaseAddress = hub.BaseAddress };
        string login = await c.GetStringAsync("/login");
        var form = new Dictionary<string, string> { ["username"] = HubFixture.AdminUser, ["password"] = HubFixture.AdminPassword, ["returnUrl"] = path };
        if (Regex.Match(login, "name=\"(__RequestVerificationToken[^\"]*)\"[^>]*value=\"([^\"]+)\"") is { Success: true } m) form[m.Groups[1].Value] = m.Groups[2].Value;
        var r = await c.PostAsync("/login", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadAsStringAsync();
    }
}

public sealed class SqliteSodaSamplerTests(SqliteHub hub) : SodaSamplerTests<SqliteHub>(hub);

public sealed class PostgresSodaSamplerTests(PostgresHub hub) : SodaSamplerTests<PostgresHub>(hub);
