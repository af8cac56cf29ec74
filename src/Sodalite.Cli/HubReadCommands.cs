// `sodalite issues` and `sodalite scores`: the hub's issues and latest scores, as a table on a terminal or JSON (--json) for scripts.
// The hub and token are found as the push commands find them (--hub/SODALITE_HUB_URL, --token/SODALITE_HUB_TOKEN).
// Exit codes: 0 read (also when nothing matches); 1 the hub could not be read (no token, unreachable, token refused, a bad filter).
using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sodalite.Hub.Ingestion;

namespace Sodalite.Cli;

public static partial class SodaliteCli
{
    /// <summary>The exit code of `sodalite issues` and `sodalite scores` when the hub could not be read.</summary>
    public const int ExitHubReadFailed = 1;

    private static readonly JsonSerializerOptions CliJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static Command IssuesCommand(TextWriter stdout, TextWriter stderr)
    {
        var o = new PushOptions();
        var status = new Option<string?>("--status") { Description = "Only issues in this state: open, acknowledged or resolved." };
        var source = new Option<string?>("--source") { Description = "Only issues of this source (its name)." };
        var dataset = new Option<string?>("--dataset") { Description = "Only issues of this dataset (its name)." };
        var severity = new Option<string?>("--severity") { Description = "Only issues of this severity: high (failed checks) or warning (warned ones)." };
        var assignee = new Option<string?>("--assignee") { Description = "Only issues assigned to this person." };
        var muted = new Option<bool?>("--muted")
        {
            Description = "Only muted issues (--muted, --muted true), or only the others (--muted false).",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = r => r.Tokens.Count == 0 ? true : bool.TryParse(r.Tokens[0].Value, out bool b) ? b : Invalid(r),
        };
        var notMuted = new Option<bool>("--not-muted") { Description = "Only issues that are not muted (same as --muted false)." };
        var limit = new Option<int?>("--limit") { Description = "At most this many issues, oldest first (the hub's default 1000; at most 10000)." };
        var offset = new Option<int?>("--offset") { Description = "Skip this many matching issues first (the next page)." };
        var json = new Option<bool>("--json") { Description = "Write a JSON array (snake_case keys) instead of a table." };
        var cmd = new Command("issues", "List the hub's issues: a table on a terminal, plain columns when redirected, or --json.")
        {
            status, source, dataset, severity, assignee, muted, notMuted, limit, offset, json, o.Hub, o.Token,
        };
        cmd.Validators.Add(r =>
        {
            if (r.GetValue(muted) is not null && r.GetValue(notMuted)) r.AddError("Pass --muted or --not-muted, not both.");
        });
        cmd.SetAction(async (pr, ct) =>
        {
            bool? mutedFilter = pr.GetValue(notMuted) ? false : pr.GetValue(muted);
            var query = new List<(string, string?)>
            {
                ("status", pr.GetValue(status)), ("source", pr.GetValue(source)), ("dataset", pr.GetValue(dataset)),
                ("severity", pr.GetValue(severity)), ("assignee", pr.GetValue(assignee)),
                ("muted", mutedFilter is bool m ? (m ? "true" : "false") : null),
                ("limit", pr.GetValue(limit)?.ToString(CultureInfo.InvariantCulture)), ("offset", pr.GetValue(offset)?.ToString(CultureInfo.InvariantCulture)),
            };
            return await ReadHubAsync(pr, o, stderr, async reader =>
            {
                var (issues, total) = await reader.GetListAsync<IssueRow>("api/v2/issues" + QueryString(query), "the issues", ct);
                if (pr.GetValue(json))
                    await stdout.WriteLineAsync(JsonSerializer.Serialize(issues.Select(i => i with
                    {
                        FirstSeenAt = i.FirstSeenAt.ToUniversalTime(),
                        LastSeenAt = i.LastSeenAt.ToUniversalTime(),
                        ResolvedAt = i.ResolvedAt?.ToUniversalTime(),
                    }), CliJson));
                else if (issues.Count == 0)
                    await stdout.WriteLineAsync("No issues match.");
                else
                    TextTable.Write(stdout, TextTable.IsRichTerminal(stdout), IssueColumns, [.. issues.Select(IssueCells)]);
                if (total is int all && all > issues.Count)
                {
                    int from = pr.GetValue(offset) ?? 0;
                    await stderr.WriteLineAsync($"sodalite: showing {issues.Count} of {all} matching issues; narrow the filters, or pass --limit (at most 10000)"
                                                + (from + issues.Count < all ? $" or --offset {from + issues.Count} for the next ones." : "."));
                }
            });
        });
        return cmd;
    }

    /// <summary>The columns of the issues table.</summary>
    internal static readonly Column[] IssueColumns =
    [
        new("id", Right: true), new("status"), new("severity"), new("source", Wrap: true), new("dataset", Wrap: true), new("title", Wrap: true),
        new("assignee", Wrap: true), new("occurrences", Right: true), new("last seen"),
    ];

    /// <summary>An issue's cells under <see cref="IssueColumns"/>.</summary>
    internal static IReadOnlyList<Cell> IssueCells(IssueRow i) =>
    [
        new(i.Id.ToString(CultureInfo.InvariantCulture)),
        new(i.Muted ? i.Status + " (muted)" : i.Status, i.Status switch { "open" => "red", "acknowledged" => "yellow", _ => "green" }),
        new(i.Severity, i.Severity == "high" ? "red" : "yellow"),
        new(i.Source ?? "-"),
        new(i.Dataset ?? "-"),
        new(i.Title),
        new(i.Assignee ?? "-"),
        new(i.Occurrences.ToString(CultureInfo.InvariantCulture)),
        new(Utc(i.LastSeenAt)),
    ];

    private static Command ScoresCommand(TextWriter stdout, TextWriter stderr)
    {
        var o = new PushOptions();
        var source = new Option<string?>("--source") { Description = "Only this source (its name)." };
        var dataset = new Option<string?>("--dataset") { Description = "Only this dataset (its name)." };
        var json = new Option<bool>("--json") { Description = "Write a JSON array (snake_case keys; scores from 0 to 1) instead of a table." };
        var cmd = new Command("scores", "The latest score of each source and dataset, overall and per quality dimension: a table, or --json.")
        {
            source, dataset, json, o.Hub, o.Token,
        };
        cmd.SetAction(async (pr, ct) => await ReadHubAsync(pr, o, stderr, async reader =>
        {
            var (scores, _) = await reader.GetListAsync<HubScore>("api/v2/scores" + QueryString([("source", pr.GetValue(source))]), "the scores", ct);
            var rows = ScoreRows(scores).Where(r => pr.GetValue(dataset) is not { } d || r.Dataset == d).ToList();
            if (pr.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson));
                return;
            }
            if (rows.Count == 0)
            {
                await stdout.WriteLineAsync("No scores match.");
                return;
            }
            TextTable.Write(stdout, TextTable.IsRichTerminal(stdout), ScoreColumns, [.. rows.Select(ScoreCells)]);
            if (rows.Any(r => r.Dimensions.Values.Any(d => d is not null && FromEarlierScan(r, d))))
                await stdout.WriteLineAsync("* from an earlier scan than the overall score: the latest scan had no checks of that dimension.");
        }));
        return cmd;
    }

    /// <summary>
    /// The rows of <c>sodalite scores</c> from GET /api/v2/scores: one per (source, dataset) that has an overall score, the source's own
    /// row first, then its datasets by name.
    /// </summary>
    internal static List<ScoreRow> ScoreRows(IEnumerable<HubScore> scores) =>
    [
        .. scores.GroupBy(s => (s.SourceId, s.DatasetId))
            .Where(g => g.Any(s => s.Dimension is null))
            .Select(g =>
            {
                var overall = g.First(s => s.Dimension is null);
                var dimensions = Dimensions.All.ToDictionary(d => d, d => g.FirstOrDefault(s => s.Dimension == d) is { } s
                    ? new DimensionScore(s.Value, s.Passed, s.Counted, s.ScanId, s.DataTimestamp.ToUniversalTime())
                    : null);
                return new ScoreRow(overall.Source ?? $"source {overall.SourceId}", overall.SourceId, overall.Dataset, overall.DatasetId, overall.Value,
                    overall.Passed, overall.Counted, overall.ScanId, overall.DataTimestamp.ToUniversalTime(), dimensions);
            })
            .OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.DatasetId is not null).ThenBy(r => r.Dataset, StringComparer.Ordinal),
    ];

    /// <summary>The columns of the scores table: source, dataset, score, checks, the six dimensions, as of.</summary>
    internal static readonly Column[] ScoreColumns =
    [
        new("source", Wrap: true), new("dataset", Wrap: true), new("score", Right: true), new("checks", Right: true),
        .. Dimensions.All.Select(d => new Column(d, Right: true)), new("as of"),
    ];

    /// <summary>A score row's cells under <see cref="ScoreColumns"/>.</summary>
    internal static IReadOnlyList<Cell> ScoreCells(ScoreRow r) =>
    [
        new(r.Source),
        new(r.Dataset ?? "(source)"),
        new(Percent(r.Score), Colour(r.Score)),
        new($"{r.Passed}/{r.Total}"),
        .. Dimensions.All.Select(d => r.Dimensions[d] is { } s ? new Cell(Percent(s.Score) + (FromEarlierScan(r, s) ? "*" : ""), Colour(s.Score)) : new Cell("-")),
        new(Utc(r.DataTimestamp)),
    ];

    private static bool FromEarlierScan(ScoreRow r, DimensionScore d) => d.ScanId != r.ScanId || d.DataTimestamp != r.DataTimestamp;

    private static string Percent(double score) => (score * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Colour(double score) => score >= 0.95 ? "green" : score >= 0.8 ? "yellow" : "red";

    /// <summary>A time in a table: ISO 8601 in UTC, to the minute (the JSON has it whole).</summary>
    private static string Utc(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string QueryString(IEnumerable<(string Name, string? Value)> parameters) =>
        parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList() is { Count: > 0 } q ? "?" + string.Join('&', q) : "";

    private static bool? Invalid(System.CommandLine.Parsing.ArgumentResult r)
    {
        r.AddError($"--muted takes true or false, not '{r.Tokens[0].Value}'.");
        return null;
    }

    /// <summary>
    /// Finds the hub and token as the push commands do and runs <paramref name="read"/>; says on stderr why it could not (no token, a
    /// hub URL that is not one, or what <see cref="HubReadException"/> said) and returns the exit code.
    /// </summary>
    private static async Task<int> ReadHubAsync(ParseResult pr, PushOptions o, TextWriter stderr, Func<HubReader, Task> read)
    {
        var (url, token, tokenSource) = HubTarget(pr, o);
        if (string.IsNullOrEmpty(token))
        {
            await stderr.WriteLineAsync($"sodalite: no hub token: pass --token or set SODALITE_HUB_TOKEN. {HubReader.HowToGetAToken(url)}");
            return ExitHubReadFailed;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var hub) || hub.Scheme is not ("http" or "https"))
        {
            await stderr.WriteLineAsync($"sodalite: the hub's address '{url}' is not an http(s) URL (--hub or SODALITE_HUB_URL; e.g. http://127.0.0.1:3080).");
            return ExitHubReadFailed;
        }
        try
        {
            await read(new HubReader(hub, token, tokenSource));
            return 0;
        }
        catch (HubReadException e)
        {
            await stderr.WriteLineAsync($"sodalite: {e.Message}");
            return ExitHubReadFailed;
        }
    }
}
