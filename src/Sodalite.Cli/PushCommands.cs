// `sodalite ingest soda`, `sodalite push qalita`, `sodalite push --retry-outbox`, and the push after `sodalite scan --push`.
// Exit codes: 0 landed; 3 bad input; 4 the server refused (a token or id to fix); 5 unreachable, kept in the outbox.
using System.CommandLine;
using Sodalite.Qalita;
using Sodalite.Results.Json;
using Sodalite.Results.Model;
using Sodalite.Results.Qalita;
using Sodalite.Results.Soda;

namespace Sodalite.Cli;

public static partial class SodaliteCli
{
    public const int ExitPushRejected = 4, ExitPushQueued = 5;

    /// <summary>The options every push shares.</summary>
    private sealed class PushOptions
    {
        public Option<string?> Hub { get; } = new("--hub") { Description = "The hub's URL (env SODALITE_HUB_URL; default http://127.0.0.1:3080)." };
        public Option<string?> Token { get; } = new("--token") { Description = "The API token (env SODALITE_HUB_TOKEN for the hub; QALITA_WORKER_TOKEN or ~/.qalita/.worker for QALITA)." };
        public Option<string?> Endpoint { get; } = new("--endpoint") { Description = "The QALITA platform's URL (env QALITA_WORKER_ENDPOINT or ~/.qalita/.worker)." };
        public Option<int?> SourceId { get; } = new("--source-id") { Description = "QALITA: the source's id (env QALITA_WORKER_JOB_SOURCE; its latest version is used)." };
        public Option<int?> PackId { get; } = new("--pack-id") { Description = "QALITA: the pack's id (env QALITA_WORKER_JOB_PACK; its latest version is used)." };
        public Option<string?> PackName { get; } = new("--pack-name") { Description = "QALITA: the pack's name (default soda)." };
        public Option<bool> Job { get; } = new("--job") { Description = "QALITA: wrap the uploads in a job (created running, closed succeeded or failed)." };
        public Option<string?> Outbox { get; } = new("--outbox") { Description = "Where unreachable pushes wait (env SODALITE_OUTBOX; default ~/.local/share/sodalite/outbox)." };

        public IEnumerable<Option> All => [Hub, Token, Endpoint, SourceId, PackId, PackName, Job, Outbox];
    }

    private static Func<string, string?> Env => Environment.GetEnvironmentVariable;

    /// <summary>The environment as qalita reads it: the process's variables, then the env file selected in $QALITA_HOME/.current_env.</summary>
    private static Func<string, string?> QalitaEnv => QalitaEnvironment.With(Environment.GetEnvironmentVariable);

    /// <summary>The User-Agent of pushes: product/version, the form of the CLI's python-requests/x.y.z.</summary>
    public const string UserAgent = "sodalite/" + Engine.Scanner.Version;

    private static PushService Service(ParseResult pr, PushOptions o)
    {
        bool skipTls = QalitaEnvironment.SkipSslVerify(QalitaEnv);
        return new(new Outbox(pr.GetValue(o.Outbox) ?? Sodalite.Qalita.Outbox.DefaultFolder(Env)), TimeProvider.System,
            endpoint => new Delivery(new HttpClient(Handler(skipTls)) { BaseAddress = new Uri(endpoint), Timeout = TimeSpan.FromSeconds(60) },
                int.TryParse(Env("SODALITE_PUSH_RETRIES"), out int r) ? r : 4,
                TimeSpan.FromMilliseconds(int.TryParse(Env("SODALITE_PUSH_RETRY_DELAY_MS"), out int d) ? d : 1000), UserAgent));
    }

    /// <summary>TLS certificates are checked unless SKIP_SSL_VERIFY is true, 1, yes or on, as the qalita CLI does.</summary>
    private static HttpClientHandler Handler(bool skipTls)
    {
        var handler = new HttpClientHandler();
        if (skipTls) handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        return handler;
    }

    /// <summary>--source-id, else QALITA_WORKER_JOB_SOURCE.</summary>
    private static int? QalitaSourceId(ParseResult pr, PushOptions o) =>
        pr.GetValue(o.SourceId) ?? (int.TryParse(QalitaEnv("QALITA_WORKER_JOB_SOURCE"), System.Globalization.CultureInfo.InvariantCulture, out int s) ? s : null);

    /// <summary>
    /// The artifact label when none is given: the QALITA source's name when pushing to a source, as the pack labels its metrics;
    /// null when there is no source or it cannot be read (then the dataset's name).
    /// </summary>
    private static async Task<string?> QalitaSourceNameAsync(ParseResult pr, PushOptions o, CancellationToken ct)
    {
        var (url, token, tokenSource, _) = QalitaTarget(pr, o);
        if (url is null || token is null || QalitaSourceId(pr, o) is not int id) return null;
        try
        {
            return await new QalitaClient(new Delivery(new HttpClient(Handler(QalitaEnvironment.SkipSslVerify(QalitaEnv))) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) },
                0, null, UserAgent), token, tokenSource).SourceNameAsync(id, ct);
        }
        catch (Exception e) when (e is PushException or UriFormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static (string? Url, string? Token, string Source) HubTarget(ParseResult pr, PushOptions o) =>
        (pr.GetValue(o.Hub) ?? Env("SODALITE_HUB_URL") ?? "http://127.0.0.1:3080",
         pr.GetValue(o.Token) ?? Env("SODALITE_HUB_TOKEN"),
         pr.GetValue(o.Token) is not null ? "--token" : "SODALITE_HUB_TOKEN");

    private static (string? Url, string? Token, string Source, QalitaWorker Worker) QalitaTarget(ParseResult pr, PushOptions o)
    {
        var env = QalitaEnv;
        var worker = WorkerFile.Load(env);
        string? token = pr.GetValue(o.Token) ?? env("QALITA_WORKER_TOKEN") ?? worker.Token;
        string source = pr.GetValue(o.Token) is not null ? "--token" : env("QALITA_WORKER_TOKEN") is not null ? "QALITA_WORKER_TOKEN" : worker.Path ?? "none";
        return (pr.GetValue(o.Endpoint) ?? env("QALITA_WORKER_ENDPOINT") ?? worker.Url, token, source, worker);
    }

    /// <summary>Pushes a results document to the hub and says what the hub did. Returns the exit code.</summary>
    private static async Task<int> PushToHubAsync(ParseResult pr, PushOptions o, string source, byte[] document, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var (hubUrl, token, tokenSource) = HubTarget(pr, o);
        string url = hubUrl!;
        if (token is null)
        {
            await stderr.WriteLineAsync("sodalite: no hub token: pass --token or set SODALITE_HUB_TOKEN (create one with POST /api/v1/tokens/create on the hub).");
            return 3;
        }
        try
        {
            var outcome = await Service(pr, o).PushToHubAsync(url, token, tokenSource, source, document, ct);
            var h = outcome.Hub!;
            if (h.Duplicate) await stdout.WriteLineAsync($"Already stored in the hub at {url} (scan {h.ScanId}, source {source}): nothing changed.");
            else
                await stdout.WriteLineAsync($"Pushed to the hub at {url}: scan {h.ScanId} of source {source}, {h.Results} results stored; issues {h.Opened} opened, " +
                                            $"{h.Updated} updated, {h.Resolved} resolved, {h.Reopened} reopened; score {(h.Score is double s ? s.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "-")}.");
            return 0;
        }
        catch (QueuedException e) { return await Queued(e, stderr); }
        catch (PushException e) { return await Rejected(e, stderr); }
    }

    private static async Task<int> PushToQalitaAsync(ParseResult pr, PushOptions o, string artifacts, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var (url, token, tokenSource, worker) = QalitaTarget(pr, o);
        if (url is null || token is null)
        {
            await stderr.WriteLineAsync("sodalite: no QALITA endpoint or token: pass --endpoint and --token, set QALITA_WORKER_ENDPOINT and QALITA_WORKER_TOKEN, or run 'qalita worker login'.");
            return 3;
        }
        if (QalitaSourceId(pr, o) is not int sourceId)
        {
            await stderr.WriteLineAsync("sodalite: pass --source-id (or set QALITA_WORKER_JOB_SOURCE): the QALITA source the results are about (GET /api/v2/sources lists them).");
            return 3;
        }
        try
        {
            var outcome = await Service(pr, o).PushToQalitaAsync(url, token, tokenSource, artifacts, sourceId,
                pr.GetValue(o.PackId) ?? (int.TryParse(QalitaEnv("QALITA_WORKER_JOB_PACK"), System.Globalization.CultureInfo.InvariantCulture, out int p) ? p : null),
                pr.GetValue(o.PackName), pr.GetValue(o.Job), worker, ct);
            await stdout.WriteLineAsync($"Uploaded to {url}: {outcome.Uploaded} artifact file(s){(outcome.AlreadyThere > 0 ? $", {outcome.AlreadyThere} already there" : "")}.");
            return 0;
        }
        catch (QueuedException e) { return await Queued(e, stderr); }
        catch (PushException e) { return await Rejected(e, stderr); }
    }

    private static async Task<int> Queued(QueuedException e, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"sodalite: {e.Message} Kept in the outbox ({e.Queued.Count} file(s), {Path.GetDirectoryName(e.Queued[0])}): send it later with 'sodalite push --retry-outbox'.");
        return ExitPushQueued;
    }

    private static async Task<int> Rejected(PushException e, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"sodalite: {e.Message}");
        return ExitPushRejected;
    }

    private static Command IngestCommand(TextWriter stdout, TextWriter stderr)
    {
        var o = new PushOptions();
        var file = new Option<string>("--file") { Description = "A Soda results JSON file (sodalite's, or real Soda Core's -srf file / get_scan_results()).", Required = true };
        var source = new Option<string?>("--source") { Description = "The hub source the results belong to (default: the document's data source)." };
        var qalita = new Option<bool>("--qalita") { Description = "Convert to QALITA artifacts and upload them to a QALITA platform instead of the hub." };
        var label = new Option<string?>("--label") { Description = "QALITA: the dataset label (default: the QALITA source's name, else the table)." };
        var rows = new Option<long?>("--rows-analyzed") { Description = "QALITA: rows analyzed (default: the row_count metric)." };
        var soda = new Command("soda", "Push a Soda results file to the hub, or with --qalita to a QALITA platform.") { file, source, qalita, label, rows };
        foreach (var opt in o.All) soda.Options.Add(opt);
        soda.SetAction(async (pr, ct) =>
        {
            string path = pr.GetValue(file)!;
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"sodalite: results file not found: {path}");
                return 3;
            }
            byte[] bytes = await File.ReadAllBytesAsync(path, ct);
            ScanResult doc;
            try
            {
                doc = SodaJsonReader.Parse(bytes);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or SodaJsonException)
            {
                await stderr.WriteLineAsync($"sodalite: {path} is not a Soda results document: {e.Message}");
                return 3;
            }
            // The hub gets the file's own bytes: its idempotency key is made from them.
            if (!pr.GetValue(qalita))
                return await PushToHubAsync(pr, o, pr.GetValue(source) ?? (doc.DefaultDataSource is { Length: > 0 } ds ? ds : "default"), bytes, stdout, stderr, ct);
            string dataset = doc.Checks.Select(c => c.Table).FirstOrDefault(t => t is not null) ?? doc.DefaultDataSource ?? "dataset";
            string dir = Directory.CreateTempSubdirectory("sodalite-artifacts-").FullName;
            try
            {
                // soda_results.json: the document as given, in Python's layout; logs.txt: its logs, the job's logs.
                string name = pr.GetValue(label) ?? await QalitaSourceNameAsync(pr, o, ct) ?? dataset;
                QalitaArtifacts.Build(doc, name, dataset, pr.GetValue(rows)).WriteTo(dir, PyJson.Reformat(bytes));
                await File.WriteAllTextAsync(Path.Combine(dir, PushService.LogsFile), LogsText(doc), ct);
            }
            catch (ArtifactException e)
            {
                await stderr.WriteLineAsync($"sodalite: {e.Message}");
                return 3;
            }
            return await PushToQalitaAsync(pr, o, dir, stdout, stderr, ct);
        });
        return new Command("ingest", "Carry results to the hub or to QALITA: a Soda results file, or dbt test results.") { soda, IngestDbtCommand(stdout, stderr) };
    }

    private static Command PushCommand(TextWriter stdout, TextWriter stderr)
    {
        var o = new PushOptions();
        var artifacts = new Option<string>("--artifacts") { Description = "The folder with metrics.json, recommendations.json and schemas.json.", Required = true };
        var qalita = new Command("qalita", "Upload QALITA artifacts as a QALITA worker does after a pack run.") { artifacts };
        foreach (var opt in o.All) qalita.Options.Add(opt);
        qalita.SetAction((pr, ct) => PushToQalitaAsync(pr, o, pr.GetValue(artifacts)!, stdout, stderr, ct));

        var retry = new Option<bool>("--retry-outbox") { Description = "Send what waits in the outbox (pushes that could not reach their server)." };
        var retryOptions = new PushOptions();
        var push = new Command("push", "Push to a QALITA platform, or send the outbox.") { qalita, retry, retryOptions.Token, retryOptions.Outbox };
        push.SetAction(async (pr, ct) =>
        {
            if (!pr.GetValue(retry))
            {
                await stderr.WriteLineAsync("sodalite: say what to push: 'sodalite push qalita --artifacts DIR ...' or 'sodalite push --retry-outbox'.");
                return 3;
            }
            var service = Service(pr, retryOptions);
            OutboxReport report;
            try
            {
                report = await service.RetryAsync(target =>
                {
                    var (token, source) = target == "hub" ? (HubTarget(pr, retryOptions).Token, HubTarget(pr, retryOptions).Source)
                        : (QalitaTarget(pr, retryOptions).Token, QalitaTarget(pr, retryOptions).Source);
                    return (token ?? "", source);
                }, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"sodalite: could not read the outbox: {e.Message}");
                return 3;
            }
            await stdout.WriteLineAsync($"Outbox: {report.Sent} sent, {report.Left} waiting, {report.DeadLettered.Count} refused (moved to dead-letter), {report.Quarantined.Count} unreadable (moved to quarantine).");
            foreach (var e in report.Errors) await stderr.WriteLineAsync($"sodalite: {e}");
            foreach (var q in report.Quarantined) await stderr.WriteLineAsync($"sodalite: {q}: not a whole outbox entry (truncated or corrupt): moved to quarantine; the reason is beside it.");
            foreach (var d in report.DeadLettered) await stderr.WriteLineAsync($"sodalite: {d}: refused by the server: moved to dead-letter with its answer; fix what it says and move it back to send it again.");
            // 5: some wait for a server to come back; 4: the server refused some (kept for a better token, or dead-lettered); 3: unreadable.
            return report.Left > 0 && report.Unreachable ? ExitPushQueued
                : report.Left > 0 || report.DeadLettered.Count > 0 ? ExitPushRejected
                : report.Quarantined.Count > 0 ? 3 : 0;
        });
        return push;
    }

    /// <summary>A results document's logs, one line each (level, timestamp, message), as logs.txt for the QALITA job.</summary>
    private static string LogsText(ScanResult doc) =>
        string.Concat(doc.Logs.Select(l => $"{l.Timestamp?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} | {l.Level.ToString().ToUpperInvariant()} | {l.Message}\n"));
}
