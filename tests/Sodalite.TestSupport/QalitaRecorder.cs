// A stand-in QALITA platform on 127.0.0.1 (a real HTTP listener) under a sub-path: it answers the calls of a worker's job as the
// platform does and records every request (method, path and query, headers, body). Tests make it fail one path with a status, or
// drop the connection on one (the platform unreachable), and can stop and start it on the same port.
using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Sodalite.TestSupport;

/// <summary>The recorder; <see cref="Endpoint"/> is its URL with the sub-path.</summary>
public sealed class QalitaRecorder : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _port = Loopback.FreePort();
    private Task? _loop;

    /// <summary>Starts listening on a free port under <paramref name="subPath"/> ("/qalita"; "" for none).</summary>
    public QalitaRecorder(string subPath = "/qalita")
    {
        SubPath = subPath.TrimEnd('/');
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        Start();
    }

    /// <summary>The sub-path every platform route is under.</summary>
    public string SubPath { get; }

    /// <summary>The platform's URL as a user gives it: <c>http://127.0.0.1:port/qalita</c>.</summary>
    public string Endpoint => $"http://127.0.0.1:{_port}{SubPath}";

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Received { get; } = new();

    /// <summary>Routes (paths under the sub-path, no query) answered with a status instead, for example 500 on one upload.</summary>
    public ConcurrentDictionary<string, int> Fail { get; } = new();

    /// <summary>Routes that get no answer (the request hangs 5 s, then its connection is cut): a client times out, as on a dead network.</summary>
    public ConcurrentDictionary<string, bool> Drop { get; } = new();

    /// <summary>The source the platform knows (GET /api/v2/sources/{SourceId}).</summary>
    public int SourceId { get; set; } = 7;

    /// <summary>The versions of the source: (id, sem_ver_id).</summary>
    public List<(int Id, string SemVer)> SourceVersions { get; } = [(11, "1.0.0-rc.1"), (12, "1.0.0"), (13, "0.9.0")];

    /// <summary>The source's name.</summary>
    public string SourceName { get; set; } = "Retail orders";

    /// <summary>Starts (again) on the same port.</summary>
    public void Start()
    {
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Stops listening: connections are refused until <see cref="Start"/>.</summary>
    public async Task StopAsync()
    {
        if (_listener.IsListening) _listener.Stop();
        if (_loop is not null) await _loop;
        _loop = null;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(async () =>
            {
                try { await HandleAsync(context); }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException) { }
            });
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(k => k.ToLowerInvariant(), k => request.Headers[k]!);
        var recorded = new RecordedRequest(request.HttpMethod, request.RawUrl ?? "", headers, body.ToArray());
        Received.Enqueue(recorded);
        string route = recorded.Path.StartsWith(SubPath + "/", StringComparison.Ordinal) ? recorded.Path[SubPath.Length..] : "";
        if (Drop.ContainsKey(route))
        {
            await Task.Delay(TimeSpan.FromSeconds(20));
            context.Response.Abort();
            return;
        }
        var (status, json) = Fail.TryGetValue(route, out int failing) ? (failing, "{\"detail\": \"recorder failure\"}") : Answer(request.HttpMethod, route);
        context.Response.StatusCode = status;
        if (json is not null)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
        }
        context.Response.Close();
    }

    /// <summary>The platform's answers to a worker's calls (spec/qalita.md §2.3-§2.5); 404 for anything else, or outside the sub-path.</summary>
    private (int Status, string? Json) Answer(string method, string route)
    {
        string versions = string.Join(", ", SourceVersions.Select(v => $"{{\"id\": {v.Id}, \"sem_ver_id\": \"{v.SemVer}\"}}"));
        return (method, route) switch
        {
            ("GET", _) when route == $"/api/v2/sources/{SourceId}" => (200, $"{{\"id\": {SourceId}, \"name\": \"{SourceName}\", \"versions\": [{versions}]}}"),
            ("GET", "/api/v2/packs") => (200, "[{\"id\": 5, \"name\": \"soda\", \"versions\": [{\"id\": 51, \"sem_ver_id\": \"1.2.0\"}]}]"),
            ("GET", "/api/v2/packs/5") => (200, "{\"id\": 5, \"name\": \"soda\", \"versions\": [{\"id\": 51, \"sem_ver_id\": \"1.2.0\"}]}"),
            ("GET", "/api/v2/registries") => (200, "[{\"id\": 3, \"name\": \"local\"}]"),
            ("POST", "/api/v2/jobs/create") => (201, $"{{\"id\": {77 + Received.Count(r => r.Path.EndsWith("/api/v2/jobs/create", StringComparison.Ordinal)) - 1}}}"),
            ("PUT", _) when route.StartsWith("/api/v2/jobs/", StringComparison.Ordinal) => (200, "{}"),
            ("POST", "/api/v1/assets/upload") => (200, "{\"id\": 99}"),
            ("POST", "/api/v1/metrics/upload" or "/api/v1/recommendations/upload" or "/api/v1/schemas/upload") => (200, "{}"),
            _ => (404, "{\"detail\": \"Not Found\"}"),
        };
    }

    /// <summary>Stops and closes the listener.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _listener.Close();
    }
}
