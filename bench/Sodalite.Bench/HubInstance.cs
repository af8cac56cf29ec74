// One hub of the load test: in this process, or (for several hubs on one database) a child process of this program in `hub-serve`
// mode, so that no in-process state is shared between them.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Sodalite.Hub;
using Sodalite.TestSupport;

namespace Sodalite.Bench;

/// <summary>A running hub on 127.0.0.1 and how to stop it.</summary>
public sealed class HubInstance : IAsyncDisposable
{
    private WebApplication? _app;
    private Process? _process;

    /// <summary>The hub's address.</summary>
    public Uri BaseAddress { get; private init; } = null!;

    /// <summary>Starts a hub on a free port over <paramref name="database"/> and waits until it answers.</summary>
    public static async Task<HubInstance> StartAsync(string database, bool separateProcess)
    {
        int port = Loopback.FreePort();
        string urls = $"http://127.0.0.1:{port}";
        var hub = new HubInstance { BaseAddress = new Uri(urls) };
        if (!separateProcess)
        {
            hub._app = HubServer.Build(new HubOptions { Urls = urls, Database = database, AdminUsername = "admin", AdminPassword = "load test password" });
            await HubServer.PrepareAsync(hub._app);
            await hub._app.StartAsync();
            return hub;
        }
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true };
        // Under `dotnet run` the program is Sodalite.Bench.dll run by dotnet: pass the assembly when the host is dotnet itself.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(HubInstance).Assembly.Location);
        foreach (string a in new[] { "hub-serve", "--db", database, "--urls", urls }) start.ArgumentList.Add(a);
        hub._process = Process.Start(start)!;
        // The hub's own log lines come first (EF Core logs the migrations history probe of a new database as an error): passed on.
        using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        for (string? line; (line = await hub._process.StandardOutput.ReadLineAsync(wait.Token)) != "ready";)
        {
            if (line is null) throw new InvalidOperationException($"the hub process on {urls} ended before it was ready (exit {hub._process.ExitCode})");
            Console.Error.WriteLine($"[hub {port}] {line}");
        }
        // Keep draining its output so it never blocks on a full pipe.
        _ = Task.Run(async () => { while (await hub._process.StandardOutput.ReadLineAsync() is { } line) Console.Error.WriteLine($"[hub {port}] {line}"); });
        return hub;
    }

    /// <summary>Stops the hub (a child process by closing its stdin, then waiting for it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_process is not null)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(30_000)) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
