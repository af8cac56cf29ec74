// The hub's page speed (issue 14): a dataset with C checks and S scans (500 × 90 by default) pushed to a real hub on 127.0.0.1
// over SQLite and over PostgreSQL, then the dataset page (and the overview and a check page) requested R times by a signed-in
// browser session. Reports the median and p95 request time on loopback, which bounds the server's time from above. Fails only
// when a page does not answer 200 with every check on it; asserts nothing about time.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sodalite.Hub;
using Sodalite.TestSupport;

namespace Sodalite.Bench;

public static partial class PagesBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        int checks = 500, scans = 90, runs = 20;
        string engines = "sqlite,postgres";
        string? report = null;
        for (int i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--checks": checks = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--scans": scans = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--db": engines = args[++i]; break;
                case "--report": report = args[++i]; break;
                default: throw new ArgumentException($"unknown option {args[i]}; use pages --checks C --scans S --runs R --db sqlite,postgres --report FILE");
            }
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Hub pages: one dataset with {checks} checks × {scans} scans, {runs} requests per page after 3 warm-up requests, {Environment.ProcessorCount} cores");
        text.AppendLine();
        text.AppendLine("| store | page | request median | p95 | of which database reads (median) | size |");
        text.AppendLine("|---|---|---|---|---|---|");
        bool ok = true;
        foreach (var engine in engines.Split(','))
        {
            PostgresServer? pg = null;
            string dir = Directory.CreateTempSubdirectory("sodalite-pages-bench-").FullName;
            try
            {
                string database;
                if (engine == "postgres")
                {
                    pg = new PostgresServer();
                    await pg.InitializeAsync();
                    database = $"postgres://postgres:x@127.0.0.1:{pg.Port}/postgres";
                }
                else database = Path.Combine(dir, "hub.db");
                ok &= await MeasureAsync(engine, database, checks, scans, runs, text);
            }
            finally
            {
                if (pg is not null) await pg.DisposeAsync();
                Directory.Delete(dir, true);
            }
        }
        Console.WriteLine(text.ToString());
        if (report is not null) File.WriteAllText(report, text.ToString());
        return ok ? 0 : 1;
    }

    private static async Task<bool> MeasureAsync(string engine, string database, int checks, int scans, int runs, StringBuilder text)
    {
        int port = Loopback.FreePort();
        var app = HubServer.Build(new HubOptions { Urls = $"http://127.0.0.1:{port}", Database = database, AdminUsername = "admin", AdminPassword = "bench password 1" });
        await HubServer.PrepareAsync(app);
        await app.StartAsync();
        try
        {
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            using (var api = new HttpClient { BaseAddress = baseAddress })
            {
                var signin = await api.PostAsync("/api/v1/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = "bench password 1" }));
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)(await signin.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!);
                for (int s = 0; s < scans; s++)
                {
                    var r = await api.PostAsync("/api/v2/scans?source=bench", new StringContent(Document(s, checks), Encoding.UTF8, "application/json"));
                    if (r.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"scan {s}: {r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                }
            }
            // A browser session: the sign-in form with its antiforgery token, then the pages with the cookie.
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var browser = new HttpClient(handler) { BaseAddress = baseAddress };
            string form = await browser.GetStringAsync("/login");
            string token = TokenField().Match(form).Groups[1].Value;
            var login = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "admin",
                ["password"] = "bench password 1",
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }));
            if (login.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in: {login.StatusCode}");
            bool ok = true;
            foreach (var (name, path, expectRows) in new[] { ("dataset", "/datasets/1", checks), ("overview", "/", 1), ("check", "/checks/1", 0), ("scan", $"/scans/{scans}", checks) })
            {
                var times = new List<double>();
                var reads = new List<double>();
                int size = 0;
                for (int i = 0; i < runs + 3; i++)
                {
                    var sw = Stopwatch.StartNew();
                    var r = await browser.GetAsync(path);
                    string html = await r.Content.ReadAsStringAsync();
                    sw.Stop();
                    if (i >= 3)
                    {
                        times.Add(sw.Elapsed.TotalMilliseconds);
                        if (r.Headers.TryGetValues("Server-Timing", out var timing) && ReadsTime().Match(string.Join(",", timing)) is { Success: true } m)
                            reads.Add(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
                    }
                    size = html.Length;
                    int rows = Regex.Count(html, "<th scope=\"row\">");
                    if (r.StatusCode != HttpStatusCode.OK || rows < expectRows)
                    {
                        Console.Error.WriteLine($"{engine} {path}: {r.StatusCode}, {rows} rows (expected {expectRows})");
                        ok = false;
                        break;
                    }
                }
                if (times.Count == 0) continue;
                times.Sort();
                reads.Sort();
                double P(List<double> l, double q) => l.Count == 0 ? double.NaN : l[Math.Min(l.Count - 1, (int)Math.Ceiling(q * l.Count) - 1)];
                text.AppendLine(CultureInfo.InvariantCulture, $"| {engine} | {name} ({path}) | {P(times, 0.5):F0} ms | {P(times, 0.95):F0} ms | {P(reads, 0.5):F0} ms | {size / 1024.0:F0} KiB |");
            }
            return ok;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [GeneratedRegex(@"queries;dur=([0-9.]+)")]
    private static partial Regex ReadsTime();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>Scan <paramref name="scan"/>: every check on one table, values drifting, some failing, with fail thresholds in the diagnostics.</summary>
    private static string Document(int scan, int checks)
    {
        string at = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(scan).ToString("yyyy-MM-dd'T'HH:mm:ss+00:00", CultureInfo.InvariantCulture);
        int V(int c) => (scan * 7 + c * 13) % 11;
        return new JsonObject
        {
            ["definitionName"] = "bench",
            ["defaultDataSource"] = "warehouse",
            ["dataTimestamp"] = at,
            ["scanStartTimestamp"] = at,
            ["scanEndTimestamp"] = at,
            ["hasErrors"] = false,
            ["hasWarnings"] = false,
            ["hasFailures"] = true,
            ["metrics"] = new JsonArray([.. Enumerable.Range(0, checks).Select(c => (JsonNode)new JsonObject { ["identity"] = $"metric-{c}", ["metricName"] = "missing_count", ["value"] = V(c) })]),
            ["checks"] = new JsonArray([.. Enumerable.Range(0, checks).Select(c => (JsonNode)new JsonObject
            {
                ["identity"] = $"c{c:D4}", ["name"] = $"missing_count(col{c}) < 9", ["definition"] = $"checks for orders:\n  missing_count(col{c}) < 9",
                ["table"] = "orders", ["column"] = $"col{c}", ["metrics"] = new JsonArray($"metric-{c}"),
                ["outcome"] = V(c) >= 9 ? "fail" : "pass",
                ["diagnostics"] = new JsonObject { ["blocks"] = new JsonArray(), ["value"] = V(c), ["fail"] = new JsonObject { ["greaterThanOrEqual"] = 9.0 } },
                ["resourceAttributes"] = new JsonArray(),
            })]),
            ["logs"] = new JsonArray(),
        }.ToJsonString();
    }
}
