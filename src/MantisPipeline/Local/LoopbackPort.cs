using System.Net;
using System.Net.Sockets;

namespace MantisPipeline.Local;

/// <summary>Questions about TCP ports on 127.0.0.1, where every local service listens.</summary>
public static class LoopbackPort
{
    /// <summary>A port that was free a moment ago; another process may still take it first.</summary>
    public static int PickFree()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    public static bool IsTaken(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    internal static void EnsureValid(int port, string service)
    {
        if (port is < 1 or > 65535)
        {
            throw new PipelineException(
                $"The port {port} for the local {service} is not a TCP port. " +
                "Choose a port between 1024 and 65535 in the local environment's settings.");
        }
    }

    internal static PipelineException TakenError(int port, string service) => new(
        $"Port {port} on 127.0.0.1 is already taken by another program, so the local " +
        $"{service} cannot start there. Stop the program that holds it (see `ss -ltnp " +
        $"'sport = :{port}'`) or choose another free port for {service} in the local " +
        "environment's settings (deploy/environments/local.yml).");
}
