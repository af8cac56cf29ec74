// A throwaway MariaDB server for tests: mariadb-install-db + mariadbd on a free loopback port, a private data folder and
// socket, a user "sodalite" (password x) with a database "sodalite"; stopped and removed on dispose.
using System.Diagnostics;
using System.Net;
using MySqlConnector;
using Xunit;

namespace Sodalite.TestSupport;

public sealed class MariaDbServer : IAsyncLifetime
{
    private string _dir = "";
    private Process? _server;

    public int Port { get; private set; }
    public string ConnectionString => $"Server=127.0.0.1;Port={Port};User ID=sodalite;Password=x;Database=sodalite;Pooling=false";

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/sbin/mariadbd") || !File.Exists("/usr/bin/mariadb-install-db"))
            throw new InvalidOperationException("MariaDB server binaries not found: install mariadb-server (apt-get install mariadb-server); scripts/test.sh does.");
        _dir = Directory.CreateTempSubdirectory("sodalite-mariadb-").FullName;
        bool root = Environment.UserName == "root";
        string user = root ? "--user=mysql" : "";
        if (root) Run("chown", $"-R mysql {_dir}");
        Run("/usr/bin/mariadb-install-db", $"--no-defaults --datadir={_dir}/data {user} --auth-root-authentication-method=socket --skip-test-db");
        Port = await Loopback.RetryOnPortAsync(port => StartAsync(port, user));
    }

    /// <summary>Starts mariadbd on <paramref name="port"/> and creates the test user through the root socket once it answers.</summary>
    private async Task<int> StartAsync(int port, string user)
    {
        _server = Process.Start(new ProcessStartInfo("/usr/sbin/mariadbd",
            $"--no-defaults --datadir={_dir}/data --socket={_dir}/mysqld.sock --port={port} --bind-address=127.0.0.1 {user} " +
            $"--pid-file={_dir}/mysqld.pid --log-error={_dir}/error.log --innodb-buffer-pool-size=64M --skip-log-bin --character-set-server=utf8mb4 --collation-server=utf8mb4_bin")
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var c = new MySqlConnection($"Server={_dir}/mysqld.sock;Protocol=Unix;User ID=root;Pooling=false");
                await c.OpenAsync();
                await using var cmd = c.CreateCommand();
                cmd.CommandText = "CREATE DATABASE sodalite CHARACTER SET utf8mb4 COLLATE utf8mb4_bin; CREATE USER 'sodalite'@'%' IDENTIFIED BY 'x'; GRANT ALL ON *.* TO 'sodalite'@'%';";
                await cmd.ExecuteNonQueryAsync();
                return port;
            }
            catch (MySqlException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(250);
            }
            catch (MySqlException e)
            {
                string log = File.Exists($"{_dir}/error.log") ? File.ReadAllText($"{_dir}/error.log") : "";
                if (!_server.HasExited) _server.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"mariadbd on port {port} did not start: {e.Message}\n{log}", e);
            }
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var c = new MySqlConnection(ConnectionString + ";AllowUserVariables=true");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync()
    {
        try
        {
            if (_server is { HasExited: false })
            {
                _server.Kill(entireProcessTree: true);
                _server.WaitForExit(10_000);
            }
        }
        finally
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }
        return Task.CompletedTask;
    }


    private static void Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}):\n{stdout}\n{stderr}");
    }
}
