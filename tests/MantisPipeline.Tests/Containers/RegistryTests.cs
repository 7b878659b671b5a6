using System.Text.Json;
using MantisPipeline.Containers;
using MantisPipeline.Tests.Fixtures;
using MantisPipeline.Local;

namespace MantisPipeline.Tests.Containers;

[Collection(DockerCollection.Name)]
public sealed class RegistryTests(DockerFixture docker) : IAsyncLifetime
{
    private readonly RegistryFixture _registry = new();
    private readonly TestResources _resources = new(docker.Engine);

    public Task InitializeAsync() => _registry.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _resources.DisposeAsync();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task An_image_pushed_to_the_registry_is_listed_and_pulls_back()
    {
        var local = await _resources.TinyImageAsync();
        var localId = (await docker.Engine.InspectImageAsync(local))!.Id;
        var remote = _resources.ImageTag($"{_registry.Address}/mantis-demo");
        var tag = ImageReference.Parse(remote).Tag;
        await docker.Engine.TagAsync(local, remote);

        var digest = await docker.Engine.PushAsync(remote);
        var tags = await RegistryTagsAsync("mantis-demo");
        await docker.Engine.RemoveImageAsync(remote);
        var goneLocally = !await docker.Engine.ImageExistsAsync(remote);
        var pulledId = await docker.Engine.PullAsync(remote);
        var pulled = await docker.Engine.InspectImageAsync(remote);

        Assert.Matches("^sha256:[0-9a-f]{64}$", digest);
        Assert.Contains(tag, tags);
        Assert.True(goneLocally);
        Assert.Equal(localId, pulledId);
        Assert.Contains($"{_registry.Address}/mantis-demo@{digest}", pulled!.Digests);
    }

    [Fact]
    public async Task Pushing_to_a_registry_that_does_not_run_fails_with_the_engine_reason()
    {
        var silentPort = LoopbackPort.PickFree();
        var remote = _resources.ImageTag($"127.0.0.1:{silentPort}/mantis-demo");
        await docker.Engine.TagAsync(await _resources.TinyImageAsync(), remote);

        var error = await Assert.ThrowsAsync<PipelineException>(() => docker.Engine.PushAsync(remote));

        Assert.Contains(remote, error.Message);
        Assert.Contains("connection refused", error.Message);
    }

    [Fact]
    public async Task Pushing_an_image_this_engine_does_not_hold_names_it()
    {
        var remote = $"{_registry.Address}/mantis-demo:absent-{DockerFixture.UniqueSuffix()}";

        var error = await Assert.ThrowsAsync<PipelineException>(() => docker.Engine.PushAsync(remote));

        Assert.Contains(remote, error.Message);
    }

    private async Task<IReadOnlyList<string>> RegistryTagsAsync(string repository)
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync($"http://{_registry.Address}/v2/{repository}/tags/list");
        using var document = JsonDocument.Parse(json);
        var tags = document.RootElement.GetProperty("tags").EnumerateArray();
        return tags.Select(tag => tag.GetString()!).ToList();
    }
}
