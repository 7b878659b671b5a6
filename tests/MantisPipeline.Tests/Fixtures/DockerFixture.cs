using MantisPipeline.Containers;

namespace MantisPipeline.Tests.Fixtures;

/// <summary>
/// The machine's real Docker engine, checked once, with a local base image made for this
/// test run and removed after it. Everything the tests create carries <see cref="TestLabel"/>.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    public const string TestLabel = "mantis.test";

    public static readonly IReadOnlyDictionary<string, string> TestLabels =
        new Dictionary<string, string> { [TestLabel] = "true" };

    public DockerEngine Engine { get; } = new(Environment.GetEnvironmentVariable("MANTIS_DOCKER_HOST")
        ?? DockerEngine.DefaultEndpoint);

    public string BaseImageTag { get; } = $"mantis-test/aspnet-base:{UniqueSuffix()}";

    public ImageInfo BaseImage { get; private set; } = null!;

    public TimeSpan BaseImageBuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        // No skip: a test run without an engine must fail and say why.
        await Engine.PingAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        BaseImage = await MantisPipeline.Containers.BaseImage.EnsureAsync(Engine, BaseImageTag);
        BaseImageBuildTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        await Engine.RemoveImageAsync(BaseImageTag, force: true);
        Engine.Dispose();
    }

    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>Polls until the condition holds; fails naming what it waited for on timeout.</summary>
    public static async Task WaitUntilAsync(
        Func<Task<bool>> condition,
        TimeSpan timeout,
        string description)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {description}.");
            }

            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "Docker engine";
}
