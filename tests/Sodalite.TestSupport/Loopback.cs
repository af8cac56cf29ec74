// Free ports on 127.0.0.1 for the servers tests start.
using System.Net;
using System.Net.Sockets;

namespace Sodalite.TestSupport;

public static class Loopback
{
    /// <summary>
    /// A port that is free now, picked below the kernel's ephemeral range: a port the kernel hands out for "any port" can be taken
    /// again, as the source port of an outgoing connection, before the server that was meant to get it binds it. Parallel test
    /// processes can still race for a port, so the fixtures retry their start on another one.
    /// </summary>
    public static int FreePort()
    {
        int low = EphemeralLow();
        for (int attempt = 0; attempt < 200; attempt++)
        {
            int port = Random.Shared.Next(Math.Max(1025, low - 12000), low);
            try
            {
                var l = new TcpListener(IPAddress.Loopback, port);
                l.Start();
                l.Stop();
                return port;
            }
            catch (SocketException)
            {
            }
        }
        var any = new TcpListener(IPAddress.Loopback, 0);
        any.Start();
        int fallback = ((IPEndPoint)any.LocalEndpoint).Port;
        any.Stop();
        return fallback;
    }

    private static int EphemeralLow()
    {
        try
        {
            string range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
            return int.Parse(range.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 32768;
        }
    }

    /// <summary>Runs <paramref name="start"/> with a free port, and again with another one when it fails (another process took the port).</summary>
    public static async Task<T> RetryOnPortAsync<T>(Func<int, Task<T>> start, int attempts = 3)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await start(FreePort());
            }
            catch (Exception) when (attempt < attempts)
            {
            }
        }
    }
}
