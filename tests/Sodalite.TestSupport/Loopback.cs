// Free ports on 127.0.0.1 for the servers tests start.
using System.Net;
using System.Net.Sockets;

namespace Sodalite.TestSupport;

public static class Loopback
{
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
