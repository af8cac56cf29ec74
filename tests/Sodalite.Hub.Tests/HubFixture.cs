// A real hub on a free 127.0.0.1 port, over SQLite (a temporary file) or a throwaway PostgreSQL cluster, with an admin.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public abstract class HubFixture : IAsyncLifetime
{
    public const string AdminUser = "admin", AdminPassword = "correct horse battery", WebhookToken = "soda-cloud-secret";
    private WebApplication? _app;
    public Uri BaseAddress { get; private set; } = null!;
    public string AdminToken { get; private set; } = "";

    protected abstract Task<string> DatabaseAsync();
    protected virtual Task StopDatabaseAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        int port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _app = HubServer.Build(new HubOptions
        {
            Urls = BaseAddress.ToString().TrimEnd('/'), Database = await DatabaseAsync(), AdminUsername = AdminUser, AdminPassword = AdminPassword,
            SecretKey = "test secret", SodaWebhookToken = WebhookToken,
        });
        await HubServer.PrepareAsync(_app);
        await _app.StartAsync();
        AdminToken = await SignInAsync(AdminUser, AdminPassword);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
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

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

public sealed class SqliteHub : HubFixture
{
    private string _dir = "";

    protected override Task<string> DatabaseAsync()
    {
        _dir = Directory.CreateTempSubdirectory("sodalite-hub-").FullName;
        return Task.FromResult(Path.Combine(_dir, "nested", "hub.db"));
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
