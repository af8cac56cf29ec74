// A throwaway PostgreSQL cluster for tests: initdb + pg_ctl on a free loopback port, removed on dispose.
using System.Diagnostics;
using System.Net;
using Npgsql;
using Xunit;

namespace Sodalite.TestSupport;

public sealed class PostgresServer : IAsyncLifetime
{
    private string _dir = "";
    private string _bin = "";

    public int Port { get; private set; }

    /// <summary>More server settings for pg_ctl's -o, e.g. "-c shared_preload_libraries=pg_stat_statements" (the hub load test's).</summary>
    public string Settings { get; init; } = "";
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password=x;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        _bin = FindBin();
        _dir = Directory.CreateTempSubdirectory("sodalite-pg-").FullName;
        bool root = Environment.UserName == "root";
        if (root) Run("chown", $"-R postgres {_dir}", false);
        Run(Path.Combine(_bin, "initdb"), $"-D {_dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", root);
        Port = await Loopback.RetryOnPortAsync(port =>
        {
            Run(Path.Combine(_bin, "pg_ctl"), $"-D {_dir}/data -l {_dir}/log -w -o \"-p {port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off {Settings}\" start", root);
            return Task.FromResult(port);
        });
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
    }

    /// <summary>Runs SQL; <paramref name="timeoutSeconds"/> 0 waits as long as it takes (loading a benchmark's table).</summary>
    public async Task ExecuteAsync(string sql, int timeoutSeconds = 30)
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandTimeout = timeoutSeconds;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync()
    {
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), $"-D {_dir}/data -m immediate -w stop", Environment.UserName == "root");
        }
        finally
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }
        return Task.CompletedTask;
    }

    private static string FindBin()
    {
        if (Environment.GetEnvironmentVariable("SODALITE_PG_BIN") is { Length: > 0 } env) return env;
        var dirs = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending() : Enumerable.Empty<string>();
        foreach (var d in dirs)
            if (File.Exists(Path.Combine(d, "bin", "initdb"))) return Path.Combine(d, "bin");
        throw new InvalidOperationException("PostgreSQL server binaries not found: install postgresql (apt-get install postgresql) or set SODALITE_PG_BIN.");
    }


    private static void Run(string file, string args, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {args}")
            : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}):\n{stdout}\n{stderr}");
    }
}
