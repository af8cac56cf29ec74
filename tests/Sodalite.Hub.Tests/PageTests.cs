// The hub's pages over real HTTP on 127.0.0.1 without a browser (the browser tests are in Sodalite.Cli.Tests/HubPagesTests):
// sign-in with a cookie and an antiforgery token, what a scan with errors shows, not-found pages, and the sign-in's redirects.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public sealed partial class PageTests(SqliteHub hub) : IClassFixture<SqliteHub>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>A browser-like client (cookies, no automatic redirects), signed in as <paramref name="user"/>.</summary>
    private async Task<HttpClient> BrowserAsync(string user = HubFixture.AdminUser, string password = HubFixture.AdminPassword, string returnUrl = "/")
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = hub.BaseAddress };
        string form = await client.GetStringAsync("/login");
        var signin = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signin.StatusCode);
        return client;
    }

    [Fact]
    public async Task Pages_send_a_stranger_to_the_sign_in_form_and_a_wrong_password_gets_it_back_with_a_401()
    {
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = hub.BaseAddress };
        var r = await stranger.GetAsync("/datasets/1");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fdatasets%2F1", r.Headers.Location!.PathAndQuery);

        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = hub.BaseAddress };
        string form = await client.GetStringAsync("/login?ReturnUrl=%2Fscans");
        Assert.Contains("value=\"/scans\"", form);
        var wrong = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = HubFixture.AdminUser,
            ["password"] = "not it",
            ["returnUrl"] = "/scans",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Incorrect username or password.", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_in_never_redirects_to_another_site_and_a_form_without_its_token_is_refused()
    {
        using var client = await BrowserAsync(returnUrl: "//evil.example/steal");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("/", PageEndpointsLocalOrRoot("//evil.example/steal"));
        Assert.Equal("/", PageEndpointsLocalOrRoot("https://evil.example/"));
        Assert.Equal("/", PageEndpointsLocalOrRoot("/\\evil.example"));
        Assert.Equal("/issues?status=open", PageEndpointsLocalOrRoot("/issues?status=open"));

        // An action posted without the antiforgery token (another site's form) changes nothing.
        var forged = await client.PostAsync("/issues/1/actions", new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "mute" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("<h1>Form refused</h1>", await forged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Paths_no_route_takes_get_the_not_found_page_or_the_apis_json_error()
    {
        using var client = await BrowserAsync();
        foreach (var path in new[] { "/datasets/abc", "/nonexistent", "/checks/1.5" })
        {
            var r = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Contains("<h1>Not found</h1>", await r.Content.ReadAsStringAsync());
        }
        using var api = hub.Client(hub.AdminToken);
        var missing = await api.GetAsync("/api/v2/issues/abc");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.StartsWith("No such API route: GET /api/v2/issues/abc.", (string)(await missing.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["detail"]!);

        // A token that was sent and refused says so, unlike a missing one.
        using var stranger = hub.Client("sdl_not_a_token");
        var refused = await stranger.GetAsync("/api/v2/issues");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.StartsWith("The API token is unknown, revoked or expired", (string)(await refused.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["detail"]!);
    }

    private static string PageEndpointsLocalOrRoot(string url) => Pages.PageEndpoints.LocalOrRoot(url);

    [Fact]
    public async Task A_scan_of_a_missing_table_shows_its_errors_on_the_overview_the_dataset_and_the_scan_page()
    {
        string source = $"pages-{Guid.NewGuid():N}";
        using (var api = hub.Client(hub.AdminToken))
        {
            // Soda Core 3.5.6's own results for checks on a table that does not exist.
            string doc = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Acceptance, "soda-v3", "cases", "missing_table", "expected.json"));
            var pushed = await api.PostAsync($"/api/v2/scans?source={source}", new StringContent(doc, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        }
        using var client = await BrowserAsync();
        string overview = await client.GetStringAsync($"/?source={source}");
        Assert.Contains(">no_such_table</a>", overview);
        Assert.Contains("<span class=\"badge error\">errors</span>", overview);
        Assert.Contains("2 error</span>", overview);

        var datasetLink = Regex.Match(overview, "href=\"/datasets/(\\d+)\">no_such_table<");
        string dataset = await client.GetStringAsync($"/datasets/{datasetLink.Groups[1].Value}");
        Assert.Contains("The latest scan could not evaluate these checks:", dataset);
        Assert.Contains("<strong>Schema Check</strong>", dataset);
        Assert.Contains("0 of 2 checks passed", dataset);

        var scanLink = Regex.Match(overview, "href=\"/scans/(\\d+)\"");
        string scan = await client.GetStringAsync($"/scans/{scanLink.Groups[1].Value}");
        Assert.Contains("3 error(s)", scan);
        Assert.Contains("Metrics &#x27;row_count&#x27; were not computed for check &#x27;row_count &gt; 0&#x27;", scan);
        Assert.Contains("Query execution error in 1.pg.no_such_table.aggregation[0]: relation", scan);
    }

    [Fact]
    public async Task Unknown_ids_get_a_404_page_and_a_viewer_is_refused_an_action_with_a_403_page()
    {
        using var admin = await BrowserAsync();
        foreach (var path in new[] { "/datasets/999999", "/checks/999999", "/issues/999999", "/scans/999999" })
        {
            var r = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Contains("<h1>Not found</h1>", await r.Content.ReadAsStringAsync());
        }

        string viewer = $"reader-{Guid.NewGuid():N}"[..15];
        using (var api = hub.Client(hub.AdminToken))
            (await api.PostAsJsonAsync("/api/v2/users", new { username = viewer, password = "viewer password", role = "viewer" })).EnsureSuccessStatusCode();
        using var client = await BrowserAsync(viewer, "viewer password");
        string page = await client.GetStringAsync("/issues");
        var refused = await client.PostAsync("/issues/1/actions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "mute",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/forbidden", refused.Headers.Location!.OriginalString.Replace(hub.BaseAddress.ToString().TrimEnd('/'), ""));
        var forbidden = await client.GetAsync(refused.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
