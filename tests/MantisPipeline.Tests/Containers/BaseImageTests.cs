using System.Diagnostics;
using MantisPipeline.Containers;
using MantisPipeline.Tests.Fixtures;

namespace MantisPipeline.Tests.Containers;

[Collection(DockerCollection.Name)]
public sealed class BaseImageTests(DockerFixture docker) : IAsyncLifetime
{
    private readonly TestResources _resources = new(docker.Engine);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _resources.DisposeAsync();

    [Fact]
    public void Base_image_carries_the_host_runtime_version_and_a_modest_size()
    {
        Assert.Equal(Environment.Version.ToString(), BaseImage.RuntimeVersion);
        Assert.Equal(BaseImage.RuntimeVersion, docker.BaseImage.Labels[BaseImage.RuntimeLabel]);
        Assert.InRange(docker.BaseImage.Size, 60_000_000, 250_000_000);
    }

    [Fact]
    public async Task Ensuring_an_existing_base_image_reuses_it()
    {
        var clock = Stopwatch.StartNew();

        var again = await BaseImage.EnsureAsync(docker.Engine, docker.BaseImageTag);

        Assert.Equal(docker.BaseImage.Id, again.Id);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Reuse took {clock.Elapsed}.");
    }

    [Fact]
    public async Task Base_image_runs_a_dotnet_program()
    {
        var context = Directory.CreateTempSubdirectory("mantis-tiny-");
        TinyDotnetApp.WriteTo(context.FullName);
        File.WriteAllText(
            Path.Combine(context.FullName, "Dockerfile"),
            $"FROM {docker.BaseImageTag}\nCOPY tiny.dll tiny.runtimeconfig.json /app/\n");
        var tag = _resources.ImageTag();
        await docker.Engine.BuildImageAsync(new ImageBuild(context.FullName, "Dockerfile", [tag]));
        var name = _resources.ContainerName();

        await docker.Engine.RunAsync(new ContainerSpec(name, tag)
        {
            Command = ["dotnet", "tiny.dll"],
            Labels = DockerFixture.TestLabels,
        });
        var status = await _resources.WaitForExitAsync(name);
        var logs = await docker.Engine.LogsAsync(name);
        context.Delete(recursive: true);

        Assert.True(status.ExitCode == 0, logs);
        Assert.Contains($"{TinyDotnetApp.Greeting}.NET {BaseImage.RuntimeVersion}", logs);
    }

    [Fact]
    public async Task Base_image_has_a_shell_a_sticky_tmp_and_invariant_globalization()
    {
        var name = _resources.ContainerName();
        var spec = new ContainerSpec(name, docker.BaseImageTag)
        {
            Command =
            [
                "sh", "-c",
                "ls -ld /tmp; pwd; env; test -s /etc/ssl/certs/ca-certificates.crt && echo ca-ok",
            ],
            Labels = DockerFixture.TestLabels,
        };

        await docker.Engine.RunAsync(spec);
        var status = await _resources.WaitForExitAsync(name);
        var logs = await docker.Engine.LogsAsync(name);

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("drwxrwxrwt", logs);
        Assert.Contains("/app", logs);
        Assert.Contains("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1", logs);
        Assert.Contains("ca-ok", logs);
    }
}
