using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Tests.Fixtures;
using MantisPipeline.Local;

namespace MantisPipeline.Tests.Containers;

[Collection(DockerCollection.Name)]
public sealed class ContainerTests(DockerFixture docker) : IAsyncLifetime
{
    private static readonly string Secret = "release-token-" + Guid.NewGuid().ToString("N");

    private readonly TestResources _resources = new(docker.Engine);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _resources.DisposeAsync();
    }

    [Fact]
    public async Task A_container_serves_on_the_host_network_and_survives_stop_rename_start()
    {
        var port = LoopbackPort.PickFree();
        var name = _resources.ContainerName();
        var spec = HttpServer(name, port);

        var id = await docker.Engine.RunAsync(spec);
        var firstAnswer = await GetWhenUpAsync(port);
        var running = await docker.Engine.InspectAsync(name);

        Assert.Equal("release page 7", firstAnswer.Trim());
        Assert.Equal(id, running!.Id);
        Assert.True(running.Running);
        Assert.Equal(docker.BaseImage.Id, running.ImageId);
        Assert.Contains("PAGE_TOKEN", running.EnvNames);
        Assert.DoesNotContain(Secret, string.Join(" ", running.EnvNames));
        Assert.Equal("blue", running.Labels["mantis.slot"]);

        await docker.Engine.StopAsync(name, TimeSpan.FromSeconds(2));
        var stopped = await docker.Engine.InspectAsync(name);
        Assert.False(stopped!.Running);
        Assert.Equal("exited", stopped.State);

        var renamed = _resources.Track(name + "-previous");
        await docker.Engine.RenameAsync(name, renamed);
        Assert.Null(await docker.Engine.InspectAsync(name));

        await docker.Engine.StartAsync(renamed);
        Assert.Equal("release page 7", (await GetWhenUpAsync(port)).Trim());
        Assert.Contains("serving release page", await docker.Engine.LogsAsync(renamed, tailLines: 10));

        await docker.Engine.RemoveAsync(renamed, force: true);
        Assert.Null(await docker.Engine.InspectAsync(renamed));
    }

    [Fact]
    public async Task Listing_by_label_finds_only_the_labelled_containers()
    {
        var slot = DockerFixture.UniqueSuffix();
        var labelled = _resources.ContainerName();
        var other = _resources.ContainerName();
        await docker.Engine.RunAsync(Sleeper(labelled, slot));
        await docker.Engine.RunAsync(Sleeper(other, "other-" + slot));

        var labels = new Dictionary<string, string> { ["mantis.slot"] = slot };
        var found = await docker.Engine.ListAsync(labels);

        var only = Assert.Single(found);
        Assert.Equal(labelled, only.Name);
        Assert.Equal("running", only.State);
    }

    [Fact]
    public async Task Logs_show_why_a_container_exited_and_never_log_env_values()
    {
        var name = _resources.ContainerName();
        var captured = new StringWriter();
        var previous = Log.Out;
        Log.Out = captured;

        try
        {
            await docker.Engine.RunAsync(new ContainerSpec(name, docker.BaseImageTag)
            {
                Env = new Dictionary<string, string> { ["DB_PASSWORD"] = Secret },
                Command =
                [
                    "sh", "-c", "echo 'connecting to the database'; echo 'no database' >&2; exit 4",
                ],
                Labels = DockerFixture.TestLabels,
            });
        }
        finally
        {
            Log.Out = previous;
        }

        var status = await _resources.WaitForExitAsync(name);
        var logs = await docker.Engine.LogsAsync(name);

        Assert.Equal(4, status.ExitCode);
        Assert.Contains("connecting to the database", logs);
        Assert.Contains("no database", logs);
        Assert.Contains("DB_PASSWORD", captured.ToString());
        Assert.DoesNotContain(Secret, captured.ToString());
    }

    [Fact]
    public async Task Running_an_image_that_does_not_exist_says_so()
    {
        var image = "mantis-test/absent:" + DockerFixture.UniqueSuffix();
        var spec = new ContainerSpec(_resources.ContainerName(), image);

        var error = await Assert.ThrowsAsync<PipelineException>(() => docker.Engine.RunAsync(spec));

        Assert.Contains(spec.Image, error.Message);
        Assert.Contains("Build or pull the image first", error.Message);
    }

    [Fact]
    public async Task Stopping_a_container_that_does_not_exist_names_it()
    {
        var name = "mantis-test-absent-" + DockerFixture.UniqueSuffix();

        var error = await Assert.ThrowsAsync<PipelineException>(
            () => docker.Engine.StopAsync(name, TimeSpan.FromSeconds(1)));

        Assert.Contains(name, error.Message);
    }

    private ContainerSpec HttpServer(string name, int port) => new(name, docker.BaseImageTag)
    {
        Env = new Dictionary<string, string> { ["PAGE_TOKEN"] = Secret },
        Command =
        [
            "sh", "-c",
            "mkdir -p /tmp/www && echo 'release page 7' > /tmp/www/index.html "
            + $"&& echo 'serving release page' && exec httpd -f -p 127.0.0.1:{port} -h /tmp/www",
        ],
        Labels = new Dictionary<string, string> { ["mantis.test"] = "true", ["mantis.slot"] = "blue" },
    };

    private ContainerSpec Sleeper(string name, string slot) => new(name, docker.BaseImageTag)
    {
        Command = ["sleep", "30"],
        Labels = new Dictionary<string, string> { ["mantis.test"] = "true", ["mantis.slot"] = slot },
    };

    private async Task<string> GetWhenUpAsync(int port)
    {
        var body = "";
        await DockerFixture.WaitUntilAsync(
            async () =>
            {
                try
                {
                    body = await _http.GetStringAsync($"http://127.0.0.1:{port}/");
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(10),
            $"the container's server on port {port}");
        return body;
    }
}
