// The hub's load test (issues 4 and 18): hubs on 127.0.0.1 over one database (PostgreSQL, or a SQLite file), N scans of M checks
// pushed by C concurrent clients (10% of them pushed twice), then a check that every result is stored exactly once. With
// --instances 2 the hubs are separate processes (this program's `hub-serve` mode) sharing the database, and the clients are spread
// over them: exactly-once then rests on the database alone. Reports throughput and latency percentiles; asserts nothing about time.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sodalite.Hub;
using Sodalite.TestSupport;

namespace Sodalite.Bench;

public static class HubLoad
{
    /// <summary>
    /// `hub [--scans N] [--checks M] [--clients C] [--instances 1|2] [--store postgres|sqlite] [--report FILE]`: runs the load test in
    /// two rounds (cold, warm) and prints a Markdown table; answers 0 when every result was stored exactly once and each doubled push
    /// got one 201 and one 200, else 1.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        int scans = 1000, checks = 50, clients = 16, instances = 1;
        string store = "postgres";
        string? report = null;
        for (int i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--scans": scans = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--checks": checks = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--clients": clients = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--instances": instances = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--store": store = args[++i]; break;
                case "--report": report = args[++i]; break;
                default: throw new ArgumentException($"unknown option {args[i]}; use hub --scans N --checks M --clients C --instances 1|2 --store postgres|sqlite --report FILE");
            }
        var pg = store == "postgres" ? new PostgresServer { Settings = "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on" } : null;
        string? sqliteFolder = pg is null ? Directory.CreateTempSubdirectory("sodalite-hub-load-").FullName : null;
        if (pg is not null) await pg.InitializeAsync();
        var hubs = new List<HubInstance>();
        try
        {
            string database = pg is not null ? $"postgres://postgres:x@127.0.0.1:{pg.Port}/postgres" : Path.Combine(sqliteFolder!, "hub.db");
            // The first hub migrates the database and creates the admin before the others start.
            for (int n = 0; n < instances; n++) hubs.Add(await HubInstance.StartAsync(database, separateProcess: instances > 1));
            var addresses = hubs.Select(h => h.BaseAddress).ToArray();
            var baseAddress = addresses[0];
            string token = await TokenAsync(baseAddress);
            if (pg is not null) await pg.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

            // Round 1 is cold (a fresh hub: JIT, caches, an empty database), round 2 warm (the same hubs, new scans after the first ones).
            var rows = new List<string>();
            string topStatements = "";
            int duplicates = 0, failures = 0;
            for (int round = 0; round < 2; round++)
            {
                int first = round * scans;
                var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
                int roundDuplicates = 0;
                if (pg is not null) await pg.ExecuteAsync("SELECT pg_stat_statements_reset()");
                var before = pg is not null ? await StatementsAsync(pg) : default;
                var sw = Stopwatch.StartNew();
                // Each client has a connection to its hub and one to the next hub (the same one when there is one hub).
                var others = Enumerable.Range(0, clients).Select(client =>
                {
                    var h = new HttpClient { BaseAddress = addresses[(client + 1) % addresses.Length] };
                    h.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return h;
                }).ToArray();
                await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
                {
                    using var http = new HttpClient { BaseAddress = addresses[client % addresses.Length] };
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    for (int scan = first + client; scan < first + scans; scan += clients)
                    {
                        string body = Document(scan, checks);
                        // One scan in ten is pushed twice at the same moment, as a retried push would be; with several hubs, the copy goes
                        // to another hub, so the race between processes is the one the database must settle.
                        async Task<HttpStatusCode> Push(HttpClient to)
                        {
                            var t = Stopwatch.StartNew();
                            var r = await to.PostAsync($"/api/v2/scans?source=load-{scan % 8}", new StringContent(body, Encoding.UTF8, "application/json"));
                            latencies.Add(t.Elapsed.TotalMilliseconds);
                            return r.StatusCode;
                        }
                        var answers = scan % 10 == 0 ? await Task.WhenAll(Push(http), Push(others[client])) : [await Push(http)];
                        if (answers.Count(a => a == HttpStatusCode.Created) != 1) Interlocked.Increment(ref failures);
                        foreach (var a in answers)
                            if (a == HttpStatusCode.OK) Interlocked.Increment(ref roundDuplicates);
                            else if (a != HttpStatusCode.Created) Interlocked.Increment(ref failures);
                    }
                }));
                double seconds = sw.Elapsed.TotalSeconds;
                foreach (var h in others) h.Dispose();
                duplicates += roundDuplicates;
                var sorted = latencies.Order().ToArray();
                double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
                string statements = "–";
                if (pg is not null)
                {
                    var after = await StatementsAsync(pg);
                    if (round == 1) topStatements = await TopStatementsAsync(pg, sorted.Length);
                    statements = string.Create(CultureInfo.InvariantCulture, $"{(after.Calls - before.Calls) / (double)sorted.Length:F0} ({(after.Commits - before.Commits) / (double)sorted.Length:F1} transactions)");
                }
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {(round == 0 ? "cold" : "warm")} | {sorted.Length:N0} | {seconds:F1} s | {scans / seconds:F0} | {(double)scans * checks / seconds:F0} | {P(0.5):F0} ms | {P(0.95):F0} ms | {P(0.99):F0} ms | {sorted[^1]:F0} ms | {statements} |"));
            }

            // Exactly once: each source holds its scans once, and each check one result per scan.
            using var verify = new HttpClient { BaseAddress = baseAddress };
            verify.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            long storedScans = 0, storedResults = 0;
            foreach (var source in (await verify.GetFromJsonAsync<JsonArray>("/api/v2/sources"))!)
            {
                int sourceId = (int)source!["id"]!;
                storedScans += (await verify.GetFromJsonAsync<JsonArray>($"/api/v2/scans?source_id={sourceId}&limit=10000"))!.Count;
                foreach (var dataset in (await verify.GetFromJsonAsync<JsonArray>($"/api/v2/datasets?source_id={sourceId}"))!)
                    foreach (var check in (await verify.GetFromJsonAsync<JsonArray>($"/api/v2/checks?dataset_id={(int)dataset!["id"]!}"))!)
                        storedResults += (await verify.GetFromJsonAsync<JsonArray>($"/api/v2/checks/{(int)check!["id"]!}/results?limit=10000"))!.Count;
            }

            int expectedDuplicates = Enumerable.Range(0, 2 * scans).Count(s => s % 10 == 0);
            bool exact = storedScans == 2 * scans && storedResults == 2L * scans * checks && duplicates == expectedDuplicates && failures == 0;
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"Hub load test: 2 rounds of {scans:N0} scans of {checks} checks from {clients} concurrent clients (one scan in ten pushed twice), {(pg is not null ? "PostgreSQL 15" : "SQLite (WAL)")}, {instances} hub {(instances == 1 ? "process" : "processes")} on one database, {Environment.ProcessorCount} cores");
            text.AppendLine();
            text.AppendLine("| round | requests | wall time | scans/s | check results/s | latency p50 | p95 | p99 | max | statements per request (pg_stat_statements) |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (string row in rows) text.AppendLine(row);
            text.AppendLine();
            text.Append(topStatements);
            text.AppendLine(CultureInfo.InvariantCulture, $"Stored exactly once: {(exact ? "yes" : "NO")} ({storedScans} scans, {storedResults} results, {duplicates} duplicates answered, {failures} failures; expected {2 * scans} scans, {2L * scans * checks} results, {expectedDuplicates} duplicates)");
            Console.WriteLine(text.ToString());
            if (report is not null) File.WriteAllText(report, text.ToString());
            return exact ? 0 : 1;
        }
        finally
        {
            foreach (var hub in hubs) await hub.DisposeAsync();
            if (pg is not null) await pg.DisposeAsync();
            if (sqliteFolder is not null) Directory.Delete(sqliteFolder, recursive: true);
        }
    }

    /// <summary>All statements PostgreSQL ran so far (pg_stat_statements, utility statements included) and its committed transactions.</summary>
    private static async Task<(long Calls, long Commits)> StatementsAsync(PostgresServer pg)
    {
        await using var c = new Npgsql.NpgsqlConnection(pg.ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT (SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements), (SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres')";
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>The statements of the round that took the database longest, per request: calls, execution and planning time (pg_stat_statements).</summary>
    private static async Task<string> TopStatementsAsync(PostgresServer pg, int requests)
    {
        await using var c = new Npgsql.NpgsqlConnection(pg.ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT calls, total_exec_time, total_plan_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 8";
        await using var r = await cmd.ExecuteReaderAsync();
        var text = new StringBuilder("Warm round, the statements the database spent longest on, per request:\n\n| calls | execution | planning | statement |\n|---|---|---|---|\n");
        while (await r.ReadAsync())
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.GetInt64(0) / (double)requests:F2} | {r.GetDouble(1) / requests:F2} ms | {r.GetDouble(2) / requests:F2} ms | `{r.GetString(3).Replace("|", "\\|", StringComparison.Ordinal)}` |");
        return text.AppendLine().ToString();
    }

    /// <summary>`hub-serve --db DATABASE --urls URL`: one hub process for the two-instance load test; runs until its stdin closes.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        string database = args[Array.IndexOf(args, "--db") + 1], urls = args[Array.IndexOf(args, "--urls") + 1];
        var app = HubServer.Build(new HubOptions { Urls = urls, Database = database, AdminUsername = "admin", AdminPassword = "load test password", SecretKey = "load test" });
        await HubServer.PrepareAsync(app);
        await app.StartAsync();
        Console.WriteLine("ready");
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    private static string Document(int scan, int checks)
    {
        string at = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(scan).ToString("yyyy-MM-dd'T'HH:mm:ss+00:00", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["definitionName"] = "load",
            ["defaultDataSource"] = "warehouse",
            ["dataTimestamp"] = at,
            ["scanStartTimestamp"] = at,
            ["scanEndTimestamp"] = at,
            ["hasErrors"] = false,
            ["hasWarnings"] = false,
            ["hasFailures"] = true,
            ["metrics"] = new JsonArray([.. Enumerable.Range(0, checks).Select(c => (JsonNode)new JsonObject { ["identity"] = $"metric-{c}", ["metricName"] = "missing_count", ["value"] = (scan + c) % 7 })]),
            ["checks"] = new JsonArray([.. Enumerable.Range(0, checks).Select(c => (JsonNode)new JsonObject
            {
                ["identity"] = $"check{c:D3}", ["name"] = $"missing_count(col{c}) = 0", ["definition"] = $"checks for table{c % 5}:\n  missing_count(col{c}) = 0",
                ["table"] = $"table{c % 5}", ["column"] = $"col{c}", ["metrics"] = new JsonArray($"metric-{c}"),
                ["outcome"] = (scan + c) % 7 == 0 ? "pass" : (scan + c) % 7 == 1 ? "warn" : "fail",
                ["diagnostics"] = new JsonObject { ["blocks"] = new JsonArray(), ["value"] = (scan + c) % 7 }, ["resourceAttributes"] = new JsonArray(),
            })]),
        }.ToJsonString();
    }

    private static async Task<string> TokenAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var signin = await http.PostAsync("/api/v1/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = "load test password" }));
        string session = (string)(await signin.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session);
        var created = await http.PostAsync("/api/v1/tokens/create", null);
        return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    }

}
