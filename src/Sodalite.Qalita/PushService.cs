// What `sodalite ingest`, `sodalite push` and `sodalite scan --push` do: send, and when the server stays unreachable keep the
// payload in the outbox; later send what waits there, in order, each exactly once.
using System.Text.Json;
using System.Web;

namespace Sodalite.Qalita;

public sealed class PushService(Outbox outbox, TimeProvider time, Func<string, Delivery> deliveryFor)
{
    public async Task<PushOutcome> PushToHubAsync(string endpoint, string token, string tokenSource, string source, byte[] document, CancellationToken ct)
    {
        string path = HubClient.PathFor(source), key = HubClient.KeyFor(source, document);
        try
        {
            var result = await new HubClient(deliveryFor(endpoint), token, tokenSource).SendAsync(path, key, document, ct);
            return new PushOutcome(true, result, 1, result.Duplicate ? 1 : 0, []);
        }
        catch (PushException e) when (e.Failure == PushFailure.Unreachable)
        {
            string queued = outbox.Add(new OutboxEntry("hub", endpoint, path, key, null, document, time.GetUtcNow()));
            throw new QueuedException(e.Message, [queued]);
        }
    }

    /// <summary>The name of the job sequence entries in the outbox (their content is a <see cref="QalitaJobRun"/>).</summary>
    public const string JobEntryPath = "job";

    private static readonly JsonSerializerOptions JobJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// The artifacts of one pack run as the worker's post-run sends them: resolve the versions; inside a job (when <paramref
    /// name="job"/>) created running with the worker's agent id; logs.txt (when the folder has one) to the assets, linked as the job's
    /// logs_id; recommendations, schemas, metrics (those present); the job closed succeeded, or failed when an upload failed. When the
    /// platform cannot be reached the rest of the sequence waits in the outbox (<see cref="QueuedException"/>) and a retry continues it.
    /// Throws <see cref="PushException"/> (Rejected) when something was refused or failed; the job is closed first.
    /// </summary>
    public async Task<PushOutcome> PushToQalitaAsync(string endpoint, string token, string tokenSource, string artifacts, int sourceId, int? packId,
        string? packName, bool job, QalitaWorker worker, CancellationToken ct)
    {
        var files = QalitaClient.Artifacts.Select(k => (Kind: k, Path: Path.Combine(artifacts, $"{k}.json"))).Where(f => File.Exists(f.Path))
            .Select(f => new QalitaFile(f.Kind, Path.GetFileName(f.Path), File.ReadAllBytes(f.Path))).ToList();
        if (files.Count == 0) throw new PushException(PushFailure.Rejected, $"No metrics.json, recommendations.json or schemas.json in {artifacts}: make them with sodalite scan --artifacts or sodalite convert.");
        string logs = Path.Combine(artifacts, LogsFile);
        var now = time.GetUtcNow();
        var run = new QalitaJobRun(sourceId, packId, packName, job, worker.AgentId, worker.RegistryId, worker.UserId, QalitaClient.JobName(now), now,
            files, File.Exists(logs) ? File.ReadAllBytes(logs) : null);
        var (state, stopped) = await AdvanceAsync(new QalitaClient(deliveryFor(endpoint), token, tokenSource), run, token, ct);
        if (stopped is not null)
        {
            string queued = outbox.Add(new OutboxEntry("qalita", endpoint, JobEntryPath, null, null, JsonSerializer.SerializeToUtf8Bytes(state, JobJson), now));
            throw new QueuedException(stopped.Message, [queued]);
        }
        return Finish(state);
    }

    /// <summary>The job's log file in an artifacts folder, uploaded as the job's logs.</summary>
    public const string LogsFile = "logs.txt";

    private static PushOutcome Finish(QalitaJobRun state)
    {
        if (state.Failures.Count > 0)
            throw new PushException(PushFailure.Rejected, string.Join(" ", state.Failures) + (state.JobId is int id ? $" Job {id} closed as failed." : ""));
        return new PushOutcome(true, null, state.Uploaded, state.AlreadyThere, []);
    }

    /// <summary>
    /// Runs the sequence from where <paramref name="run"/> stands. Returns the new state, and the exception that stopped it when the
    /// platform could not be reached (then the state says what is left). A refusal before the job exists is thrown as it is.
    /// </summary>
    private async Task<(QalitaJobRun State, PushException? Stopped)> AdvanceAsync(QalitaClient client, QalitaJobRun run, string token, CancellationToken ct)
    {
        var s = run;
        try
        {
            var ids = s.Ids ?? await client.ResolveAsync(s.SourceId, s.PackId, s.PackName, ct);
            s = s with { Ids = ids };
            if (s.Job && s.JobId is null) s = s with { JobId = await client.CreateJobAsync(ids, s.JobName, s.AgentId, s.StartedAt, ct) };
            if (s.Log is { } log && !s.LogsDone)
            {
                try
                {
                    int? registry = await client.RegistryAsync(s.RegistryId, ct);
                    int? logsId = registry is int r ? await client.UploadLogsAsync(r, s.JobName, s.UserId ?? QalitaClient.UserIdOf(token), log, ct) : null;
                    s = s with { LogsDone = true, LogsId = logsId };
                }
                catch (PushException e) when (!e.NotReached)
                {
                    s = s with { LogsDone = true, Failures = [.. s.Failures, e.Message] };
                }
            }
            while (s.Done < s.Files.Count)
            {
                var f = s.Files[s.Done];
                try
                {
                    bool stored = await client.UploadAsync(QalitaClient.UploadPath(f.Kind, ids), f.FileName, f.Content, ct);
                    s = s with { Done = s.Done + 1, Uploaded = s.Uploaded + (stored ? 1 : 0), AlreadyThere = s.AlreadyThere + (stored ? 0 : 1) };
                }
                catch (PushException e) when (!e.NotReached)
                {
                    // The platform answered but refused or broke: the worker goes on with the other files, and the job fails.
                    s = s with { Done = s.Done + 1, Failures = [.. s.Failures, e.Message] };
                }
            }
            if (s.JobId is int id && !s.Closed) await client.CloseJobAsync(id, s.Failures.Count == 0, time.GetUtcNow(), s.LogsId, ct);
            s = s with { Closed = true };
            return (s, null);
        }
        catch (PushException e) when (e.Failure == PushFailure.Unreachable)
        {
            return (s, e);
        }
    }

    private static string ResolvePath(string kind, int sourceId, int? packId, string? packName) =>
        $"resolve?kind={kind}&source_id={sourceId}" + (packId is int p ? $"&pack_id={p}" : "") + (packName is null ? "" : $"&pack_name={Uri.EscapeDataString(packName)}");

    /// <summary>
    /// Sends what waits in the outbox, oldest first; skips the entries of an endpoint that is still unreachable. A file that is not a
    /// whole entry is moved to the quarantine folder, an entry the server refuses for good (<see cref="PushException.Permanent"/>) to
    /// the dead-letter folder with the server's answer; an entry refused for its token (401, 403) stays, to be sent with a better token.
    /// </summary>
    /// <param name="tokenFor">The token (and where it came from, for messages) for a target: hub or qalita.</param>
    /// <param name="ct">Stops the retry between requests.</param>
    public async Task<OutboxReport> RetryAsync(Func<string, (string Token, string Source)> tokenFor, CancellationToken ct)
    {
        int sent = 0;
        var errors = new List<string>();
        var down = new HashSet<string>();
        var quarantined = new List<string>();
        var deadLettered = new List<string>();
        var pending = outbox.Pending(quarantined);
        foreach (var (path, e) in pending)
        {
            if (down.Contains(e.Endpoint)) continue;
            var (token, source) = tokenFor(e.Target);
            try
            {
                if (e.Target == "qalita" && e.PathAndQuery == JobEntryPath)
                {
                    var run = JsonSerializer.Deserialize<QalitaJobRun>(e.Content, JobJson)!;
                    var (state, stopped) = await AdvanceAsync(new QalitaClient(deliveryFor(e.Endpoint), token, source), run, token, ct);
                    if (stopped is not null)
                    {
                        // Keep what was done (the job created, files sent): the next retry goes on from there.
                        Outbox.Replace(path, e with { Content = JsonSerializer.SerializeToUtf8Bytes(state, JobJson) });
                        throw stopped;
                    }
                    Outbox.Remove(path);
                    sent++;
                    Finish(state);
                    continue;
                }
                if (e.Target == "hub")
                    await new HubClient(deliveryFor(e.Endpoint), token, source).SendAsync(e.PathAndQuery, e.IdempotencyKey!, e.Content, ct);
                else
                {
                    var client = new QalitaClient(deliveryFor(e.Endpoint), token, source);
                    string upload = e.PathAndQuery;
                    if (upload.StartsWith("resolve?", StringComparison.Ordinal))
                    {
                        var q = HttpUtility.ParseQueryString(upload["resolve?".Length..]);
                        var ids = await client.ResolveAsync(int.Parse(q["source_id"]!, System.Globalization.CultureInfo.InvariantCulture),
                            q["pack_id"] is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : null, q["pack_name"], ct);
                        upload = QalitaClient.UploadPath(q["kind"]!, ids);
                    }
                    await client.UploadAsync(upload, e.FileName!, e.Content, ct);
                }
                Outbox.Remove(path);
                sent++;
            }
            catch (PushException x)
            {
                errors.Add($"{Path.GetFileName(path)}: {x.Message}");
                if (x.Failure == PushFailure.Unreachable) down.Add(e.Endpoint);
                else if (x.Permanent && File.Exists(path))
                    deadLettered.Add(outbox.DeadLetter(path, $"{e.Endpoint} refused {e.PathAndQuery}{(x.RefusedWith is int status ? $" with {status}" : "")}: {x.Message}"));
            }
        }
        return new OutboxReport(sent, outbox.Pending(quarantined).Count, errors, down.Count > 0, quarantined, deadLettered);
    }
}
