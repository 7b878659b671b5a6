using System.Net;
using System.Net.Sockets;
using MantisPipeline.Local;

namespace MantisPipeline.Tests.Local;

/// <summary>A local service asked for a port another program holds names it and the fix.</summary>
public sealed class TakenPortTests
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("redis")]
    public async Task A_port_taken_by_another_program_is_named_in_the_error(string service)
    {
        using var state = new TempStateFolder();
        var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        try
        {
            var error = await Assert.ThrowsAsync<PipelineException>(() => service == "postgres"
                ? LocalPostgres.StartAsync(state.Path, port, default)
                : LocalRedis.StartAsync(state.Path, port, default));

            Assert.Contains($"Port {port} on 127.0.0.1 is already taken", error.Message);
            Assert.Contains("choose another free port", error.Message);
        }
        finally
        {
            squatter.Stop();
        }
    }
}
