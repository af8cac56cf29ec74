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
        Description = "The metric history file that change-over-time checks read and each scan appends to (default: $SODALITE_HISTORY, else ~/.local/share/sodalite/history.db).",
    };

    /// <summary>The history at <paramref name="path"/> (or the default file), or null with the reason on stderr.</summary>
    private static async Task<SqliteMetricHistory?> OpenHistoryAsync(string? path, TextWriter stderr, CancellationToken ct)
    {
        string location = path ?? SqliteMetricHistory.DefaultPath(Environment.GetEnvironmentVariable);
        if (location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            await stderr.WriteLineAsync($"sodalite: --history {location}: a hub as the history is not supported by this version; give a file path.");
            return null;
        }
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
        var import = new Command("import", "Back-fill the metric history from existing results files, so history-aware checks start with the past.") { files, importHistory };
        import.SetAction(async (pr, ct) =>
        {
            await using var store = await OpenHistoryAsync(pr.GetValue(importHistory), stderr, ct);
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
        var show = new Command("show", "Print a metric's series (newest first), or list the series in the history.") { metric, showHistory };
        show.SetAction(async (pr, ct) =>
        {
            await using var store = await OpenHistoryAsync(pr.GetValue(showHistory), stderr, ct);
            if (store is null) return 3;
            try
            {
                if (pr.GetValue(metric) is not { } identity)
                {
                    var all = await store.SeriesAsync(ct);
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
