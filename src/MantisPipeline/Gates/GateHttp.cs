using System.Net;

namespace MantisPipeline.Gates;

/// <summary>The HTTP client every gate uses: no proxy, bounded connects, bounded bodies.</summary>
internal static class GateHttp
{
    private const long MaxBodyBytes = 1024 * 1024;

    public static HttpClient CreateClient(Uri baseUrl, int maxConnections = 4)
    {
        // A proxy from the environment would carry gate traffic off this machine, so none is used.
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            MaxConnectionsPerServer = maxConnections,
            AutomaticDecompression = DecompressionMethods.None,
        };

        // Each call carries its own deadline through a cancellation token.
        return new HttpClient(handler)
        {
            BaseAddress = baseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxBodyBytes,
        };
    }
}
