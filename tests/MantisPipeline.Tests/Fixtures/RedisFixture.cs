using MantisPipeline.Local;

namespace MantisPipeline.Tests.Fixtures;

/// <summary>A real Redis 7 with a generated password on a free loopback port, for one test class.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly string _stateDirectory =
        Directory.CreateTempSubdirectory("mantis-redis-").FullName;

    private LocalRedis? _server;

    public LocalRedis Server => _server ?? throw new InvalidOperationException("Not started.");

    public string Url => Server.Url;

    public string ConfigurationString => Server.ConfigurationString;

    public int Port => Server.Port;

    public async Task InitializeAsync()
    {
        _server = await LocalRedis.StartAsync(
            _stateDirectory, LoopbackPort.PickFree(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }

        Directory.Delete(_stateDirectory, recursive: true);
    }
}
