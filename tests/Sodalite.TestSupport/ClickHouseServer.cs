// Throwaway ClickHouse servers for tests and benches: clickhouse-server processes with private configs, data folders and free
// loopback ports. One node alone, or several forming a cluster (remote_servers "sodalite", one shard per node) over which
// Distributed tables spread their rows; stopped and removed on dispose.
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Sodalite.TestSupport;

public sealed class ClickHouseServer : IAsyncDisposable
{
    public const string ServerBinary = "/usr/sbin/clickhouse-server";
    public const string ClusterName = "sodalite";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(30) };
    private readonly string _dir;
    private Process? _process;

    private ClickHouseServer(string dir, int httpPort, int tcpPort, int? httpsPort, string timeZone)
    {
        TimeZone = timeZone;
        _dir = dir;
        HttpPort = httpPort;
        TcpPort = tcpPort;
        HttpsPort = httpsPort;
    }

    public int HttpPort { get; }
    public int TcpPort { get; }

    /// <summary>The zone the server shows DateTime values in (UTC unless asked otherwise).</summary>
    public string TimeZone { get; }

    /// <summary>The HTTPS port, when the node was started with TLS (a self-signed certificate for 127.0.0.1).</summary>
    public int? HttpsPort { get; }

    /// <summary>The node's self-signed certificate (PEM), when started with TLS.</summary>
    public string CertificatePath => Path.Combine(_dir, "server.crt");

    /// <summary>A data source block for configuration.yml naming this node's database "sodalite" (over HTTPS with <paramref name="secure"/>).</summary>
    public string ConfigurationYaml(string name, bool secure = false, string user = "default") => secure
        ? $"data_source {name}:\n  type: clickhouse\n  host: 127.0.0.1\n  port: {HttpsPort}\n  secure: true\n  ca_certificate: {CertificatePath}\n  username: {user}\n  password: ''\n  database: sodalite\n"
        : $"data_source {name}:\n  type: clickhouse\n  host: 127.0.0.1\n  port: {HttpPort}\n  username: {user}\n  password: ''\n  database: sodalite\n";

    /// <summary>One node, with the database "sodalite"; with <paramref name="tls"/>, HTTPS too.</summary>
    public static async Task<ClickHouseServer> StartAsync(bool tls = false, string timeZone = "UTC") => (await StartNodesAsync(1, tls, timeZone))[0];

    /// <summary><paramref name="count"/> nodes that each know the cluster of all of them (one shard each); database "sodalite" on each.</summary>
    public static async Task<ClickHouseServer[]> StartNodesAsync(int count, bool tls = false, string timeZone = "UTC")
    {
        if (!File.Exists(ServerBinary))
            throw new InvalidOperationException("clickhouse-server not found: install it (apt-get install clickhouse-server); scripts/test.sh does.");
        // Another process may take a port between its pick and the server's bind: start again on other ports.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartNodesAsync(count, tls, timeZone);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<ClickHouseServer[]> TryStartNodesAsync(int count, bool tls, string timeZone)
    {
        var ports = Enumerable.Range(0, count).Select(_ => (Http: Loopback.FreePort(), Tcp: Loopback.FreePort(), Https: tls ? Loopback.FreePort() : (int?)null)).ToList();
        string shards = string.Concat(ports.Select(p => $"<shard><replica><host>127.0.0.1</host><port>{p.Tcp}</port></replica></shard>"));
        var nodes = new List<ClickHouseServer>();
        try
        {
            foreach (var (httpPort, tcpPort, httpsPort) in ports)
            {
                var node = new ClickHouseServer(Directory.CreateTempSubdirectory("sodalite-clickhouse-").FullName, httpPort, tcpPort, httpsPort, timeZone);
                nodes.Add(node);
                node.Start(shards);
            }
            foreach (var node in nodes)
            {
                await node.WaitReadyAsync();
                await node.ExecuteAsync("CREATE DATABASE IF NOT EXISTS sodalite");
                if (count > 1) await node.ExecuteAsync("CREATE DATABASE IF NOT EXISTS sodalite_shards");
            }
            return [.. nodes];
        }
        catch
        {
            foreach (var node in nodes) await node.DisposeAsync();
            throw;
        }
    }

    private void Start(string shards)
    {
        string tls = "";
        if (HttpsPort is int https)
        {
            // A self-signed certificate for 127.0.0.1: the client trusts it through ca_certificate.
            using var key = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            var san = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
            san.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(_dir, "server.key"), key.ExportRSAPrivateKeyPem());
            tls = $"<https_port>{https}</https_port><openSSL><server><certificateFile>{CertificatePath}</certificateFile>" +
                  $"<privateKeyFile>{_dir}/server.key</privateKeyFile><verificationMode>none</verificationMode><loadDefaultCAFile>false</loadDefaultCAFile>" +
                  "<cacheSessions>true</cacheSessions><disableProtocols>sslv2,sslv3</disableProtocols><preferServerCiphers>true</preferServerCiphers></server></openSSL>";
        }
        string config = $"""
            <yandex>
              <logger><level>warning</level><log>{_dir}/server.log</log><errorlog>{_dir}/error.log</errorlog><console>0</console></logger>
              <http_port>{HttpPort}</http_port>
              <tcp_port>{TcpPort}</tcp_port>
              <listen_host>127.0.0.1</listen_host>
              <path>{_dir}/data/</path>
              <tmp_path>{_dir}/tmp/</tmp_path>
              <users_config>{_dir}/users.xml</users_config>
              <default_profile>default</default_profile>
              <default_database>default</default_database>
              <timezone>{TimeZone}</timezone>
              <mark_cache_size>268435456</mark_cache_size>
              <uncompressed_cache_size>268435456</uncompressed_cache_size>
              <remote_servers><{ClusterName}>{shards}</{ClusterName}></remote_servers>
              {tls}
            </yandex>
            """;
        // The users "default" and "reader" (readonly=1: reads only, may not change settings), without passwords, from loopback only.
        string users = """
            <yandex>
              <profiles><default><max_memory_usage>4000000000</max_memory_usage></default><readonly><readonly>1</readonly></readonly></profiles>
              <users>
                <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default>
                <reader><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>readonly</profile><quota>default</quota></reader>
              </users>
              <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
            </yandex>
            """;
        File.WriteAllText(Path.Combine(_dir, "config.xml"), config);
        File.WriteAllText(Path.Combine(_dir, "users.xml"), users);
        _process = Process.Start(new ProcessStartInfo(ServerBinary, $"--config-file={_dir}/config.xml")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await QueryAsync("SELECT 1");
                return;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException && DateTime.UtcNow < deadline && _process is { HasExited: false })
            {
                await Task.Delay(200);
            }
            catch (Exception e)
            {
                string log = File.Exists(Path.Combine(_dir, "error.log")) ? File.ReadAllText(Path.Combine(_dir, "error.log")) : "";
                throw new InvalidOperationException($"clickhouse-server on port {HttpPort} did not start: {e.Message}\n{log}", e);
            }
        }
    }

    /// <summary>Runs one statement (ClickHouse takes one per request) with the given settings; returns the answer's text.</summary>
    public async Task<string> QueryAsync(string sql, string? settings = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{HttpPort}/" + (settings is null ? "" : "?" + settings))
        {
            Content = new StringContent(sql, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("default:")));
        using var response = await Http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"ClickHouse on port {HttpPort}: {body.Trim()}\n{sql}");
        return body;
    }

    /// <summary>Runs statements separated by ";" at line ends, one request each.</summary>
    public async Task ExecuteAsync(string sql, string? settings = null)
    {
        foreach (string statement in sql.Split(";\n").Select(s => s.Trim().TrimEnd(';')).Where(s => s.Length > 0))
            await QueryAsync(statement, settings);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return ValueTask.CompletedTask;
    }
}
