// The metric history: `scan --history`, `history import` (back-fill from results files) and `history show`.
using System.CommandLine;
using System.Globalization;
using Sodalite.Engine.History;
using Sodalite.Results.Model;
using Sodalite.Results.Soda;

namespace Sodalite.Cli;

public static partial class SodaliteCli
{
    private static Option<string?> HistoryOption() => new("--history")
    {
        Description = "The metric history that history-aware checks read and each scan appends to: a file (default: $SODALITE_HISTORY, else ~/.local/share/sodalite/history.db) or a hub URL (https://HUB, with --token or SODALITE_HUB_TOKEN).",
    };

    /// <summary>
    /// The history at <paramref name="path"/>: a hub for an http(s) URL (its token from --token or SODALITE_HUB_TOKEN; a scan's
    /// metrics are stored under <paramref name="source"/>), else a file (by default the user's). Null with the reason on stderr.
    /// With <paramref name="inBackground"/> (a scan), a file opens on the thread pool (<see cref="DeferredMetricHistory"/>): a failure to
    /// open it is the <see cref="HistoryException"/> the scan gets when it uses the history.
    /// </summary>
    private static async Task<IMetricHistory?> OpenHistoryAsync(string? path, string? token, string? source, TextWriter stderr, CancellationToken ct, bool inBackground = false)
    {
        string location = path ?? SqliteMetricHistory.DefaultPath(Environment.GetEnvironmentVariable);
        if (location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            string? hubToken = token ?? Env("SODALITE_HUB_TOKEN");
            if (string.IsNullOrEmpty(hubToken) || !Uri.TryCreate(location, UriKind.Absolute, out var hub))
            {
                await stderr.WriteLineAsync($"sodalite: --history {location}: {(hubToken is null or "" ? "a hub as the history needs a token: pass --token or set SODALITE_HUB_TOKEN" : "not a URL")}.");
                return null;
            }
            var delivery = new Qalita.Delivery(new HttpClient { BaseAddress = hub, Timeout = TimeSpan.FromSeconds(60) },
                int.TryParse(Env("SODALITE_PUSH_RETRIES"), out int r) ? r : 4,
                TimeSpan.FromMilliseconds(int.TryParse(Env("SODALITE_PUSH_RETRY_DELAY_MS"), out int d) ? d : 1000));
            return new HubMetricHistory(delivery, hubToken, token is not null ? "--token" : "SODALITE_HUB_TOKEN", source);
        }
        // A scan opens the file on another thread while it parses its checks and connects; it waits for it before judging, and an
        // error there is one the scan's summary counts.
        if (inBackground)
            return new DeferredMetricHistory(location, Task.Run(async () =>
            {
                try
                {
                    return (IMetricHistory)await SqliteMetricHistory.OpenAsync(location, ct);
                }
                catch (HistoryException e)
                {
                    throw new HistoryException($"{e.Message} Pass --history FILE with a writable path, or --no-history.", e);
                }
            }, ct));
        try
        {
            return await SqliteMetricHistory.OpenAsync(location, ct);
        }
        catch (HistoryException e)
        {
            await stderr.WriteLineAsync($"sodalite: {e.Message} Pass --history FILE with a writable path, or --no-history.");
            return null;
        }
    }

    private static Command HistoryCommand(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Description = "Results files written by `sodalite scan -srf` or `soda scan -srf` (or get_scan_results() JSON).", Arity = ArgumentArity.OneOrMore };
        var importHistory = HistoryOption();
        var historyToken = new Option<string?>("--token") { Description = "With --history https://HUB: the hub's API token (env SODALITE_HUB_TOKEN)." };
        var historySource = new Option<string?>("--source") { Description = "With --history https://HUB: the hub source results are stored under (default: each file's data source)." };
        var import = new Command("import", "Back-fill the metric history from existing results files, so history-aware checks start with the past.") { files, importHistory, historyToken, historySource };
        import.SetAction(async (pr, ct) =>
        {
            await using var store = await OpenHistoryAsync(pr.GetValue(importHistory), pr.GetValue(historyToken), pr.GetValue(historySource), stderr, ct);
            if (store is null) return 3;
            int exit = 0, added = 0, read = 0;
            foreach (string file in pr.GetValue(files)!)
            {
                ScanResult scan;
                try
                {
                    scan = SodaJsonReader.Parse(await File.ReadAllTextAsync(file, ct));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
                {
                    await stderr.WriteLineAsync($"sodalite: could not read {file}: {OneLine(e.Message)}");
                    exit = 3;
                    continue;
                }
                if (scan.DataTimestamp is null && scan.ScanStartTimestamp is null)
                {
                    await stderr.WriteLineAsync($"sodalite: {file} has no dataTimestamp or scanStartTimestamp, so its values have no place in a series; not imported.");
                    exit = 3;
                    continue;
                }
                try
                {
                    added += await store.AppendAsync(scan, ct);
                    read++;
                }
                catch (HistoryException e)
                {
                    await stderr.WriteLineAsync($"sodalite: {e.Message}");
                    return 3;
                }
            }
            await stdout.WriteLineAsync($"Imported {read} results file(s) into {store.Location}: {added} new value(s) (values already there are kept once).");
            return exit;
        });

        var metric = new Option<string?>("--metric") { Description = "A metric identity (as in the results' metrics[].identity); without it, every series is listed." };
        var showHistory = HistoryOption();
        var showToken = new Option<string?>("--token") { Description = "With --history https://HUB: the hub's API token (env SODALITE_HUB_TOKEN)." };
        var show = new Command("show", "Print a metric's series (newest first), or list the series in the history.") { metric, showHistory, showToken };
        show.SetAction(async (pr, ct) =>
        {
            await using var store = await OpenHistoryAsync(pr.GetValue(showHistory), pr.GetValue(showToken), null, stderr, ct);
            if (store is null) return 3;
            try
            {
                if (pr.GetValue(metric) is not { } identity)
                {
                    if (store is not SqliteMetricHistory file)
                    {
                        await stderr.WriteLineAsync($"sodalite: listing every series needs a history file; from the hub, give --metric ID (the hub's API lists metrics per check).");
                        return 3;
                    }
                    var all = await file.SeriesAsync(ct);
                    if (all.Count == 0) await stdout.WriteLineAsync($"{store.Location} holds no values yet.");
                    foreach (var (id, name, count) in all) await stdout.WriteLineAsync($"{id}\t{name}\t{count} value(s)");
                    return 0;
                }
                var series = (await store.ReadAsync([identity], ct)).GetValueOrDefault(identity, []);
                if (series.Count == 0)
                {
                    await stderr.WriteLineAsync($"sodalite: {store.Location} has no values for metric '{identity}'. `sodalite history show` lists the series it has.");
                    return 3;
                }
                await stdout.WriteLineAsync("data_timestamp\tscan_timestamp\tvalue");
                foreach (var p in series)
                    await stdout.WriteLineAsync(string.Join('\t', Time(p.DataTimestamp), Time(p.ScanTimestamp),
                        Results.Json.PyJson.Serialize(SodaJsonWriter.ToNode(p.Value))));
                return 0;
            }
            catch (HistoryException e)
            {
                await stderr.WriteLineAsync($"sodalite: {e.Message}");
                return 3;
            }
        });
        return new Command("history", "The metric history that change-over-time checks compare with.") { import, show };

        static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
