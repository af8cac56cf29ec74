// ClickHouse over its HTTP interface, as ADO.NET classes so the engine runs it like any other data source.
// The official .NET driver needs a newer server than Debian's 18.16, whose HTTP interface answers every version alike:
// a query is POSTed, rows come back as FORMAT JSONCompact (column names and types, then the rows), errors as
// a non-200 status whose body is "Code: N, e.displayText() = DB::Exception: ...".
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;

namespace Sodalite.Engine.DataSources.ClickHouse;

/// <summary>
/// A "connection" is the endpoint and an HttpClient: opening it costs nothing and each command is one request. With the
/// endpoint's session id, the server keeps the session's state (temporary tables) from one request to the next.
/// </summary>
public sealed class ClickHouseConnection(ClickHouseEndpoint endpoint, HttpClient http, bool ownsHttp = false) : DbConnection
{
    private ConnectionState _state;

    /// <summary>ClickHouse's "Cannot modify setting in readonly mode" (a user with readonly=1).</summary>
    public const int Readonly = 164;

    /// <summary>
    /// The connection a scan uses for a configured data source: one HTTP session (its queries run one at a time, and temporary
    /// tables last from one query to the next), probed once so a wrong address, user or database is reported before any query is
    /// planned. The probe also asks for the zone the server shows DateTime values in. A user with readonly=1 may not set
    /// anything, so its queries go without <see cref="ClickHouseEndpoint.SodaSettings"/> (Sodalite's SQL does not need them).
    /// </summary>
    public static async Task<ClickHouseConnection> OpenSessionAsync(DataSourceConfig config, CancellationToken ct)
    {
        bool secure = config.Get("secure") is "true" or "True" or "yes";
        string host = config.Get("host") ?? "localhost";
        int port = config.GetInt("port", secure ? 8443 : 8123);
        var endpoint = new ClickHouseEndpoint(new UriBuilder(secure ? "https" : "http", host, port, "/").Uri,
            config.Get("username") ?? config.Get("user") ?? "default", config.Get("password"), config.Get("database"),
            ClickHouseEndpoint.SodaSettings, SessionId: "sodalite-" + Guid.NewGuid().ToString("N"));
        // connection_timeout (seconds) bounds connecting; query_timeout bounds a whole query, unbounded by default.
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(config.GetInt("connection_timeout", 15)),
        };
        if (config.Get("ca_certificate") is { Length: > 0 } ca)
        {
            if (!File.Exists(ca)) throw new FileNotFoundException($"ca_certificate of data source \"{config.Name}\" not found: {ca}", ca);
            handler.SslOptions.RemoteCertificateValidationCallback = PrivateCertificateAuthority.Trusting(ca);
        }
        var http = new HttpClient(handler)
        {
            Timeout = config.GetInt("query_timeout", 0) is int qt and > 0 ? TimeSpan.FromSeconds(qt) : Timeout.InfiniteTimeSpan,
        };
        try
        {
            var session = new ClickHouseConnection(endpoint, http, ownsHttp: true);
            try
            {
                await session.ProbeAsync(ct);
            }
            catch (ClickHouseException e) when (e.ErrorCode == Readonly)
            {
                session = new ClickHouseConnection(endpoint with { Settings = new Dictionary<string, string>() }, http, ownsHttp: true);
                await session.ProbeAsync(ct);
            }
            return session;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private async Task ProbeAsync(CancellationToken ct)
    {
        await using var cmd = CreateCommand();
        cmd.CommandText = "SELECT timezone()";
        if (await cmd.ExecuteScalarAsync(ct) is string zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var serverZone))
            ServerTimeZone = serverZone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsHttp) http.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>The server's time zone (SELECT timezone()), in which it shows DateTime values without a zone; null: as they come.</summary>
    public TimeZoneInfo? ServerTimeZone { get; set; }

    [AllowNull]
    public override string ConnectionString { get => endpoint.BaseUri.ToString(); set => throw new NotSupportedException(); }
    public override string Database => endpoint.Database ?? "default";
    public override string DataSource => endpoint.BaseUri.Authority;
    public override string ServerVersion => "";
    public override ConnectionState State => _state;

    public override void Open() => _state = ConnectionState.Open;
    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        Open();
        return Task.CompletedTask;
    }

    public override void Close() => _state = ConnectionState.Closed;
    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException("Set 'database' in the data source configuration.");
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException("ClickHouse has no transactions.");
    protected override DbCommand CreateDbCommand() => new ClickHouseCommand(this);

    /// <summary>ClickHouse's "Session is locked by a concurrent client".</summary>
    public const int SessionLocked = 373;

    /// <summary>
    /// Sends one statement; returns the response (status 200) or throws the server's error as a ClickHouseException. A session stays
    /// locked for a moment after its previous answer was sent (18.16), so a statement that finds it locked is sent again, for up to
    /// about 5 s.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(string sql, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(sql, ct);
            }
            catch (ClickHouseException e) when (e.ErrorCode == SessionLocked && endpoint.SessionId is not null && attempt < 50)
            {
                await Task.Delay(Math.Min(5 * attempt, 200), ct);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(string sql, CancellationToken ct)
    {
        var query = new StringBuilder();
        void Param(string k, string v) => query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v));
        if (endpoint.Database is { Length: > 0 } db) Param("database", db);
        if (endpoint.SessionId is { } session) Param("session_id", session);
        foreach (var (k, v) in endpoint.Settings) Param(k, v);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.BaseUri, query.ToString()))
        {
            Content = new StringContent(sql, Encoding.UTF8, "text/plain"),
        };
        // Basic authentication keeps the password out of URLs (and so out of proxies' logs).
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{endpoint.User}:{endpoint.Password ?? ""}")));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e) when (e.InnerException is System.Security.Authentication.AuthenticationException tls)
        {
            throw new ClickHouseException($"TLS with ClickHouse at {endpoint.BaseUri} failed: {tls.Message} If its certificate comes from a private " +
                                          "certificate authority, set ca_certificate: to that authority's PEM file in the data source.", 0);
        }
        catch (HttpRequestException e)
        {
            throw new ClickHouseException($"ClickHouse at {endpoint.BaseUri} is unreachable: {e.Message}", 0, transient: true);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ClickHouseException($"ClickHouse at {endpoint.BaseUri} did not answer within {http.Timeout.TotalSeconds:0} s: {e.Message}", 0, transient: true);
        }
        if (response.IsSuccessStatusCode) return response;
        string body = (await response.Content.ReadAsStringAsync(ct)).Trim();
        response.Dispose();
        throw Error(body, (int)response.StatusCode);
    }

    /// <summary>
    /// The server's error text → its message and code. 18.16 writes "Code: 62, e.displayText() = DB::Exception: Syntax error: ...,
    /// e.what() = DB::Exception"; newer servers "Code: 62. DB::Exception: Syntax error: .... (SYNTAX_ERROR) (version 23.8.1.1)".
    /// </summary>
    public static ClickHouseException Error(string body, int status)
    {
        int code = 0;
        string message = body;
        var m = System.Text.RegularExpressions.Regex.Match(body,
            @"^Code: (\d+)(?:, e\.displayText\(\) = |\. )(?:DB::Exception: )?(.*?)(?:, e\.what\(\) = .*| \(version .*\))?$",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        if (m.Success)
        {
            code = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            message = m.Groups[2].Value.Trim();
        }
        else if (body.Length == 0) message = $"HTTP {status} without a message";
        return new ClickHouseException(code == 0 ? message : $"{message} (ClickHouse error {code})", code, transient: code == 0 && ClickHouseErrors.IsTransientStatus(status));
    }
}
