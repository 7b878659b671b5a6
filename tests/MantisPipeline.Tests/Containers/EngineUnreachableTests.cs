using MantisPipeline.Containers;
using MantisPipeline.Local;

namespace MantisPipeline.Tests.Containers;

public sealed class EngineUnreachableTests
{
    [Fact]
    public async Task A_missing_socket_gives_the_endpoint_the_reason_and_how_to_start_the_engine()
    {
        var endpoint = $"unix:///tmp/mantis-no-docker-{Guid.NewGuid():N}.sock";
        using var engine = new DockerEngine(endpoint);

        var error = await Assert.ThrowsAsync<PipelineException>(() => engine.PingAsync());

        Assert.Contains(endpoint, error.Message);
        Assert.Contains("there is no socket at '/tmp/mantis-no-docker-", error.Message);
        Assert.Contains("dockerd --bridge=none --iptables=false &", error.Message);
        Assert.Contains("sudo systemctl start docker", error.Message);
    }

    [Fact]
    public async Task A_closed_tcp_port_gives_the_clear_error_too()
    {
        var endpoint = $"tcp://127.0.0.1:{LoopbackPort.PickFree()}";
        using var engine = new DockerEngine(endpoint);

        var error = await Assert.ThrowsAsync<PipelineException>(() => engine.PingAsync());

        Assert.Contains(endpoint, error.Message);
        Assert.Contains("Connection refused", error.Message);
    }

    [Fact]
    public void An_endpoint_that_is_not_a_url_is_refused_with_the_accepted_forms()
    {
        var error = Assert.Throws<PipelineException>(() => new DockerEngine("/var/run/docker.sock"));

        Assert.Contains("'/var/run/docker.sock'", error.Message);
        Assert.Contains("unix:///var/run/docker.sock", error.Message);
    }
}
