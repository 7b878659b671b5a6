using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MantisPipeline.Local;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace MantisPipeline.Tests.Local;

public sealed class LocalRedisTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Starts_behind_a_password_reuses_the_running_server_and_stops()
    {
        using var state = new TempStateFolder();
        var port = LoopbackPort.PickFree();

        var clock = Stopwatch.StartNew();
        var first = await LocalRedis.StartAsync(state.Path, port, default);
        output.WriteLine($"first start: {clock.ElapsedMilliseconds} ms");
        try
        {
            await using (var redis = await ConnectionMultiplexer.ConnectAsync(first.ConfigurationString))
            {
                await redis.GetDatabase().StringSetAsync("kept", "yes");
            }

            clock.Restart();
            var second = await LocalRedis.StartAsync(state.Path, port, default);
            output.WriteLine($"reuse of the running server: {clock.ElapsedMilliseconds} ms");
            await using (var redis = await ConnectionMultiplexer.ConnectAsync(second.ConfigurationString))
            {
                Assert.Equal("yes", (string?)await redis.GetDatabase().StringGetAsync("kept"));
            }

            var password = await File.ReadAllTextAsync(Path.Combine(state.Path, "redis.password"));
            Assert.Equal($"redis://:{password}@127.0.0.1:{port}", second.Url);
            Assert.True(password.Length >= 32);

            var refused = await Assert.ThrowsAnyAsync<RedisException>(() => ConnectionMultiplexer
                .ConnectAsync($"127.0.0.1:{port},password=not-the-password,connectTimeout=2000"));
            Assert.Contains("Authentication", refused.Message, StringComparison.OrdinalIgnoreCase);

            await second.StopAsync();
            Assert.False(LoopbackPort.IsTaken(port));
        }
        finally
        {
            await first.StopAsync();
        }
    }
}
