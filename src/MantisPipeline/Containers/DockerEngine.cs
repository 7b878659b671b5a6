using Docker.DotNet;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Containers;

/// <summary>
/// One Docker engine, reached through its API endpoint: builds, tags, pushes and pulls
/// images, and runs the containers of releases on the host network.
/// </summary>
public sealed partial class DockerEngine : IDisposable
{
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    // Docker.DotNet does not negotiate: 1.41 is engine 20.10's version, and newer engines
    // still accept it. A higher pin is refused by older engines.
    private static readonly Version ApiVersion = new(1, 41);

    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(10);

    private readonly DockerClientConfiguration _configuration;
    private readonly DockerClient _client;

    public DockerEngine(string endpoint = DefaultEndpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || (uri.Scheme != "unix" && uri.Scheme != "tcp" && uri.Scheme != "http"))
        {
            throw new PipelineException(
                $"The Docker endpoint '{endpoint}' is not valid. Use a unix socket such as "
                + $"'{DefaultEndpoint}' or a TCP address such as 'tcp://127.0.0.1:2375'.");
        }

        Endpoint = endpoint;
        _configuration = new DockerClientConfiguration(uri);
        _client = _configuration.CreateClient(ApiVersion);
    }

    public string Endpoint { get; }

    /// <summary>Checks that the engine answers; if not, throws saying how to start it.</summary>
    public async Task PingAsync(CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PingTimeout);

        try
        {
            await _client.System.PingAsync(timeout.Token);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            throw Unreachable(exception);
        }

        Log.Debug($"The Docker engine at '{Endpoint}' answered.");
    }

    public void Dispose()
    {
        _client.Dispose();
        _configuration.Dispose();
    }

    private PipelineException Unreachable(Exception exception)
    {
        var reason = UnreachableReason(exception);

        return new PipelineException(
            $"The Docker engine at '{Endpoint}' cannot be reached: {reason}. Start it, on this "
            + "machine with `dockerd --bridge=none --iptables=false &`, or where systemd manages "
            + "it with `sudo systemctl start docker`; or point the environment's Docker endpoint "
            + "at an engine that runs.",
            exception);
    }

    private string UnreachableReason(Exception exception)
    {
        // .NET reports a missing unix socket as "Cannot assign requested address", which
        // hides the usual cause: the engine is not running and never made its socket.
        var uri = new Uri(Endpoint);
        if (uri.Scheme == "unix" && !File.Exists(uri.LocalPath))
        {
            return $"there is no socket at '{uri.LocalPath}'";
        }

        return exception is OperationCanceledException
            ? $"no answer within {PingTimeout.TotalSeconds:0} seconds"
            : Innermost(exception).Message;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
