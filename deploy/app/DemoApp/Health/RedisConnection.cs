using StackExchange.Redis;

namespace DemoApp.Health;

/// <summary>The app's one Redis multiplexer, connected on first use rather than at startup.</summary>
/// <remarks>
/// With AbortOnConnectFail off, connecting never throws for an unreachable or refusing
/// server; the multiplexer keeps retrying and each command reports the failure instead.
/// </remarks>
internal sealed class RedisConnection(ConfigurationOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    private ConnectionMultiplexer? multiplexer;

    public async Task<IConnectionMultiplexer> GetAsync(CancellationToken cancellationToken)
    {
        if (multiplexer is not null)
        {
            return multiplexer;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return multiplexer ??= await ConnectionMultiplexer.ConnectAsync(options);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (multiplexer is not null)
        {
            await multiplexer.DisposeAsync();
        }

        gate.Dispose();
    }
}
