// A real hub on a free 127.0.0.1 port, over SQLite (a temporary file) or a throwaway PostgreSQL cluster, with an admin.
// It records what it received (method, path and query, auth scheme, multipart parts), and can be stopped and started again
// on the same port and database.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sodalite.Hub;
using Xunit;

namespace Sodalite.TestSupport;

/// <summary>A request as the hub received it; <paramref name="Body"/> is kept for the scans posted (POST /api/v2/scans).</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, string? AuthScheme, string? ContentType,
    IReadOnlyList<(string Name, string? FileName, string? PartContentType)> Parts, byte[]? Body = null);

public abstract class HubFixture : IAsyncLifetime
{
    public const string AdminUser = "admin", AdminPassword = "correct horse battery", WebhookToken = "soda-cloud-secret";
    private WebApplication? _app;
    public Uri BaseAddress { get; private set; } = null!;
    public string AdminToken { get; private set; } = "";

    protected abstract Task<string> DatabaseAsync();

    /// <summary>Changes the hub's options before it starts (sample limits, ...); as given by default.</summary>
    protected virtual HubOptions Configure(HubOptions options) => options;
    protected virtual Task StopDatabaseAsync() => Task.CompletedTask;

    private string _database = "";

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>The running hub's services (its database context, clock, ...), for tests that set up what no route creates.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The hub is not running.");

    public async Task InitializeAsync()
    {
        int port = Loopback.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _database = await DatabaseAsync();
        await StartHubAsync();
        AdminToken = await SignInAsync(AdminUser, AdminPassword);
    }

    /// <summary>Starts the hub (again) on the same port and database.</summary>
    public async Task StartHubAsync()
    {
        _app = HubServer.Build(Configure(new HubOptions
        {
            Urls = BaseAddress.ToString().TrimEnd('/'),
            Database = _database,
            AdminUsername = AdminUser,
            AdminPassword = AdminPassword,
            SecretKey = "test secret",
            SodaWebhookToken = WebhookToken,
        }), app => app.Use(async (context, next) =>
        {
            var parts = new List<(string, string?, string?)>();
            if (context.Request.HasFormContentType)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync();
                    parts.AddRange(form.Files.Select(f => (f.Name, (string?)f.FileName, f.Headers.ContentType.FirstOrDefault())));
                }
                catch (InvalidDataException)
                {
                    // A form the hub refuses (a NUL in a value): recorded without its parts; the hub answers it.
                }
            }
            byte[]? body = null;
            if (context.Request.Method == "POST" && context.Request.Path == "/api/v2/scans")
            {
                context.Request.EnableBuffering();
                using var copy = new MemoryStream();
                await context.Request.Body.CopyToAsync(copy);
                context.Request.Body.Position = 0;
                body = copy.ToArray();
            }
            string? auth = context.Request.Headers.Authorization.FirstOrDefault()?.Split(' ')[0];
            Received.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, auth, context.Request.ContentType, parts, body));
            await next(context);
        }));
        await HubServer.PrepareAsync(_app);
        await _app.StartAsync();
    }

    public async Task StopHubAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async Task DisposeAsync()
    {
        await StopHubAsync();
        await StopDatabaseAsync();
    }

    public HttpClient Client(string? token = null)
    {
        var c = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null) c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    public async Task<string> SignInAsync(string user, string password)
    {
        using var c = Client();
        var r = await c.PostAsync("/api/v1/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = password }));
        r.EnsureSuccessStatusCode();
        return (string)(await r.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    }

}

/// <summary>A SQLite hub that keeps at most 2 sample rows per check and 50 bytes of rows per scan.</summary>
public sealed class SqliteHubWithSmallSampleLimits : SqliteHubBase
{
    protected override HubOptions Configure(HubOptions options) => options with { SampleRowsPerCheck = 2, SampleBytesPerScan = 50 };
}

/// <summary>A SQLite hub that keeps no samples (--no-samples).</summary>
public sealed class SqliteHubWithoutSamples : SqliteHubBase
{
    protected override HubOptions Configure(HubOptions options) => options with { StoreSamples = false };
}

/// <summary>A SQLite hub whose Soda Cloud webhook requires a custom header (X-Soda-Secret: s3cret) instead of a bearer token.</summary>
public sealed class SqliteHubWithWebhookHeader : SqliteHubBase
{
    public const string HeaderName = "X-Soda-Secret", HeaderValue = "s3cret";

    protected override HubOptions Configure(HubOptions options) => options with { SodaWebhookToken = null, SodaWebhookHeader = $"{HeaderName}: {HeaderValue}" };
}

/// <summary>A hub over a temporary SQLite file.</summary>
public sealed class SqliteHub : SqliteHubBase;

/// <summary>A hub over a temporary SQLite file, for fixtures that change its options.</summary>
public abstract class SqliteHubBase : HubFixture
{
    private string _dir = "";

    protected override Task<string> DatabaseAsync()
    {
        _dir = Directory.CreateTempSubdirectory("sodalite-hub-").FullName;
        return Task.FromResult(Path.Combine(_dir, "nested", "hub.db"));
    }

    protected override Task StopDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
        return Task.CompletedTask;
    }
}

public sealed class PostgresHub : HubFixture
{
    private readonly PostgresServer _pg = new();

    protected override async Task<string> DatabaseAsync()
    {
        await _pg.InitializeAsync();
        return $"postgres://postgres:x@127.0.0.1:{_pg.Port}/postgres";
    }

    protected override Task StopDatabaseAsync() => _pg.DisposeAsync();
}
