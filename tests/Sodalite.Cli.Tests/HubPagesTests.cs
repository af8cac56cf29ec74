// The hub's pages in a real browser (Debian's Chromium, headless, driven by Playwright) against a real hub on 127.0.0.1:
// two scans of the bundled sample pushed with `sodalite scan --push hub` (the second with the e-mails, amounts, statuses and
// countries fixed, the duplicate order ids not), then a person signs in and follows a failing dataset down to a check's failed
// rows and its issue, and acknowledges it; a viewer sees the same pages and cannot act. Screenshots of each page are written to
// artifacts/screenshots (SODALITE_SCREENSHOTS to change it); axe-core finds no serious accessibility violation on any page.
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sodalite.Cli;
using Sodalite.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sodalite.Cli.Tests;

public sealed class HubPagesTests(SqliteHub hub) : IClassFixture<SqliteHub>
{
    private const string ViewerPassword = "viewer password 1";

    private static string Chromium => Environment.GetEnvironmentVariable("SODALITE_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    private static string Screenshots
    {
        get
        {
            string dir = Environment.GetEnvironmentVariable("SODALITE_SCREENSHOTS") is { Length: > 0 } s ? s : Path.Combine(RepoPaths.Repo, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>Pushes the two sample scans (once per fixture) and makes a viewer; returns the source name.</summary>
    private async Task<string> PushSampleScansAsync(string source)
    {
        string dir = Directory.CreateTempSubdirectory("sodalite-pages-").FullName;
        try
        {
            string sample = Path.Combine(RepoPaths.Repo, "samples", "retail");
            string checks = Path.Combine(sample, "checks.yml");
            var first = await SodaliteCli.RunAsync(["scan", "--data", Path.Combine(sample, "retail.csv"), checks, "-t", "2024-06-01T06:00:00Z", "--no-history",
                "--push", "hub", "--hub", hub.BaseAddress.ToString(), "--token", hub.AdminToken, "--source", source], new StringWriter(), new StringWriter());
            Assert.Equal(2, first);
            // The fix: valid e-mails, no negative amounts, known statuses and two-letter countries; the duplicate order ids stay.
            string fixedCsv = Path.Combine(dir, "retail.csv");
            var lines = File.ReadAllLines(Path.Combine(sample, "retail.csv"));
            var fixedLines = new List<string> { lines[0] };
            foreach (var line in lines.Skip(1))
            {
                var f = line.Split(',');
                if (!System.Text.RegularExpressions.Regex.IsMatch(f[2], @"^[^@\s]+@[^@\s]+\.[a-z]+$")) f[2] = $"fixed.{f[1]}@example.com";
                if (f[4] is not ("pending" or "shipped" or "delivered" or "cancelled" or "returned")) f[4] = "pending";
                if (f[5].Length != 2) f[5] = "DE";
                if (f[7].StartsWith('-')) f[7] = f[7][1..];
                fixedLines.Add(string.Join(',', f));
            }
            File.WriteAllLines(fixedCsv, fixedLines);
            var second = await SodaliteCli.RunAsync(["scan", "--data", fixedCsv, checks, "-t", "2024-06-02T06:00:00Z", "--no-history",
                "--push", "hub", "--hub", hub.BaseAddress.ToString(), "--token", hub.AdminToken, "--source", source], new StringWriter(), new StringWriter());
            Assert.Equal(2, second);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        using var c = hub.Client(hub.AdminToken);
        var made = await c.PostAsJsonAsync("/api/v2/users", new { username = $"viewer-{source}", password = ViewerPassword, role = "viewer" });
        made.EnsureSuccessStatusCode();
        return source;
    }

    private static async Task<(IPlaywright, IBrowser)> BrowserAsync()
    {
        Assert.True(File.Exists(Chromium), $"The browser tests drive Chromium at {Chromium}: install Debian's 'chromium' package (scripts/test.sh does) or set SODALITE_CHROMIUM.");
        var pw = await Playwright.CreateAsync();
        var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        return (pw, browser);
    }

    private async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync(hub.BaseAddress + "");
        // Not signed in: the overview sends the browser to the sign-in form.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GetByLabel("Username").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        // Accessibility: no serious or critical axe-core violation.
        var axe = await page.RunAxe();
        var bad = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
        Assert.True(bad.Count == 0, $"{name}: {string.Join("\n", bad)}");
    }

    [Fact]
    public async Task A_person_follows_a_failing_dataset_to_its_failed_rows_and_acknowledges_its_issue()
    {
        string source = await PushSampleScansAsync($"shop-{Guid.NewGuid():N}"[..13]);
        var (pw, browser) = await BrowserAsync();
        try
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
            await SignInAsync(page, HubFixture.AdminUser, HubFixture.AdminPassword);

            // The overview lists the dataset with its score, trend, open issues and the latest scan's outcomes.
            await page.GetByLabel("Source", new() { Exact = true }).SelectOptionAsync(source);
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "retail" });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("85.7%");
            await Expect(row.Locator("svg.spark")).ToHaveCountAsync(1);
            await Expect(row.GetByText("1 fail")).ToBeVisibleAsync();
            await ShotAsync(page, "overview");

            // The dataset page: the score over time, each check's strip, the schema-free note, the failing duplicate check.
            await row.GetByRole(AriaRole.Link, new() { Name = "retail" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "retail", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("svg.chart")).ToHaveCountAsync(1);
            await Expect(page.Locator("svg.strip")).ToHaveCountAsync(14);
            var duplicate = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "duplicate_count(order_id) = 0" });
            await Expect(duplicate.GetByText("fail", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(duplicate).ToContainTextAsync("fail when > 0");
            await ShotAsync(page, "dataset");

            // The check page: its values over time with the fail threshold drawn, and the failed rows kept from the latest failure.
            await duplicate.GetByRole(AriaRole.Link, new() { Name = "duplicate_count(order_id) = 0" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "duplicate_count(order_id) = 0", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("svg.chart line.threshold.fail")).ToHaveCountAsync(1);
            await Expect(page.Locator("svg.chart circle")).ToHaveCountAsync(2);
            var sample = page.GetByRole(AriaRole.Table, new() { Name = "Failed-row sample" });
            await Expect(sample.GetByRole(AriaRole.Columnheader).First).ToContainTextAsync("order_id");
            Assert.True(await sample.Locator("tbody tr").CountAsync() > 0);
            await ShotAsync(page, "check");

            // Its issue: open, seen twice; acknowledging it adds an event.
            await page.GetByRole(AriaRole.Link, new() { Name = "issue", Exact = false }).Last.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"{source} / retail: duplicate_count(order_id) = 0");
            await Expect(page.Locator("dl.facts")).ToContainTextAsync("open");
            await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("acknowledge");
            await Expect(page.Locator("dl.facts")).ToContainTextAsync("acknowledged");
            await Expect(page.Locator("ol.events li").Last).ToContainTextAsync("acknowledged by admin");
            await ShotAsync(page, "issue");

            // The board: the acknowledged column holds it; the resolved column holds the issues the fix resolved.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Issues", Exact = true }).ClickAsync();
            await page.GetByLabel("Source", new() { Exact = true }).SelectOptionAsync(source);
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "resolved (", Exact = false }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "missing_count(customer_email) = 0" })).ToHaveCountAsync(1);
            await ShotAsync(page, "issues");

            // The scans: a list, and a scan page with every check.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Scans", Exact = true }).ClickAsync();
            await page.GetByLabel("Source", new() { Exact = true }).SelectOptionAsync(source);
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(2);
            await page.Locator("table.list tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(14);
            await ShotAsync(page, "scan");

            // The API reference the navigation links to: Scalar's page, with the hub's own script, reading the hub's document.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "API", Exact = true }).ClickAsync();
            await Expect(page.GetByText("Sodalite hub API").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "api-docs.png") });
        }
        finally
        {
            await browser.DisposeAsync();
            pw.Dispose();
        }
    }

    [Fact]
    public async Task A_viewer_reads_the_pages_but_cannot_act_on_an_issue()
    {
        string source = await PushSampleScansAsync($"view-{Guid.NewGuid():N}"[..13]);
        using var api = hub.Client(hub.AdminToken);
        var issues = (await api.GetFromJsonAsync<JsonArray>("/api/v2/issues?status=open"))!;
        int issueId = (int)issues.First(i => ((string)i!["title"]!).StartsWith(source + " / retail: duplicate_count", StringComparison.Ordinal))!["id"]!;

        var (pw, browser) = await BrowserAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await SignInAsync(page, $"viewer-{source}", ViewerPassword);
            await page.GotoAsync($"{hub.BaseAddress}issues/{issueId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("duplicate_count(order_id) = 0");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToHaveCountAsync(0);

            // Sending the form anyway (with the viewer's own antiforgery token) is refused, and the issue is unchanged.
            string token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value") ?? "";
            var response = await page.APIRequest.PostAsync($"{hub.BaseAddress}issues/{issueId}/actions", new()
            {
                Form = page.APIRequest.CreateFormData().Set("action", "acknowledge").Set("__RequestVerificationToken", token),
            });
            Assert.Equal(403, response.Status);
            var issue = (await api.GetFromJsonAsync<JsonObject>($"/api/v2/issues/{issueId}"))!;
            Assert.Equal("open", (string)issue["status"]!);
        }
        finally
        {
            await browser.DisposeAsync();
            pw.Dispose();
        }
    }
}
