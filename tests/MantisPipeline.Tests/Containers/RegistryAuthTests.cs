using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Tests.Fixtures;

namespace MantisPipeline.Tests.Containers;

[Collection(DockerCollection.Name)]
public sealed class RegistryAuthTests(DockerFixture docker) : IAsyncLifetime
{
    private readonly RegistryFixture _registry = new(basicAuth: true);
    private readonly TestResources _resources = new(docker.Engine);

    public Task InitializeAsync() => _registry.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _resources.DisposeAsync();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task A_push_without_credentials_is_refused_and_one_with_them_succeeds()
    {
        var remote = _resources.ImageTag($"{_registry.Address}/mantis-demo");
        await docker.Engine.TagAsync(await _resources.TinyImageAsync(), remote);
        var credentials = new RegistryCredentials(RegistryFixture.Username, RegistryFixture.Password);

        var refused = await Assert.ThrowsAsync<PipelineException>(() => docker.Engine.PushAsync(remote));
        var digest = await docker.Engine.PushAsync(remote, credentials);

        Assert.Contains("no basic auth credentials", refused.Message);
        Assert.Matches("^sha256:[0-9a-f]{64}$", digest);
        Assert.Equal(SecretMasker.Mask, SecretMasker.Apply(RegistryFixture.Password));
    }
}
