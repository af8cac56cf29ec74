// What `sodalite ingest`, `sodalite push` and `sodalite scan --push` do: send, and when the server stays unreachable keep the
// payload in the outbox; later send what waits there, in order, each exactly once.
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

    /// <summary>The artifacts of one pack run: recommendations, schemas, metrics (those present), optionally inside a job.</summary>
    public async Task<PushOutcome> PushToQalitaAsync(string endpoint, string token, string tokenSource, string artifacts, int sourceId, int? packId,
        string? packName, bool job, CancellationToken ct)
    {
        var files = QalitaClient.Artifacts.Select(k => (Kind: k, Path: Path.Combine(artifacts, $"{k}.json"))).Where(f => File.Exists(f.Path)).ToList();
        if (files.Count == 0) throw new PushException(PushFailure.Rejected, $"No metrics.json, recommendations.json or schemas.json in {artifacts}: make them with sodalite scan --artifacts or sodalite convert.");
        var client = new QalitaClient(deliveryFor(endpoint), token, tokenSource);
        QalitaIds ids;
        try
        {
            ids = await client.ResolveAsync(sourceId, packId, packName, ct);
        }
        catch (PushException e) when (e.Failure == PushFailure.Unreachable)
        {
            // The ids are resolved when the outbox is sent.
            var queued = files.Select(f => outbox.Add(new OutboxEntry("qalita", endpoint, ResolvePath(f.Kind, sourceId, packId, packName), null,
                Path.GetFileName(f.Path), File.ReadAllBytes(f.Path), time.GetUtcNow()))).ToList();
            throw new QueuedException(e.Message, queued);
        }
        int? jobId = job ? await client.CreateJobAsync(ids, time.GetUtcNow(), ct) : null;
        int uploaded = 0, already = 0;
        for (int i = 0; i < files.Count; i++)
        {
            var (kind, path) = files[i];
            try
            {
                if (await client.UploadAsync(QalitaClient.UploadPath(kind, ids), Path.GetFileName(path), File.ReadAllBytes(path), ct)) uploaded++;
                else already++;
            }
            catch (PushException e) when (e.Failure == PushFailure.Unreachable)
            {
                var queued = files.Skip(i).Select(f => outbox.Add(new OutboxEntry("qalita", endpoint, QalitaClient.UploadPath(f.Kind, ids), null,
                    Path.GetFileName(f.Path), File.ReadAllBytes(f.Path), time.GetUtcNow()))).ToList();
                throw new QueuedException(e.Message, queued);
            }
            catch (PushException) when (jobId is int failedJob)
            {
                await client.CloseJobAsync(failedJob, succeeded: false, time.GetUtcNow(), ct);
                throw;
            }
        }
        if (jobId is int id) await client.CloseJobAsync(id, succeeded: true, time.GetUtcNow(), ct);
        return new PushOutcome(true, null, uploaded, already, []);
    }

    private static string ResolvePath(string kind, int sourceId, int? packId, string? packName) =>
        $"resolve?kind={kind}&source_id={sourceId}" + (packId is int p ? $"&pack_id={p}" : "") + (packName is null ? "" : $"&pack_name={Uri.EscapeDataString(packName)}");

    /// <summary>Sends what waits in the outbox, oldest first; stops at an endpoint that is still unreachable.</summary>
    public async Task<(int Sent, int Left, List<string> Errors, bool Unreachable)> RetryAsync(Func<string, (string Token, string Source)> tokenFor, CancellationToken ct)
    {
        int sent = 0;
        var errors = new List<string>();
        var down = new HashSet<string>();
        var pending = outbox.Pending();
        foreach (var (path, e) in pending)
        {
            if (down.Contains(e.Endpoint)) continue;
            var (token, source) = tokenFor(e.Target);
            try
            {
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
            }
        }
        return (sent, outbox.Pending().Count, errors, down.Count > 0);
    }
}
