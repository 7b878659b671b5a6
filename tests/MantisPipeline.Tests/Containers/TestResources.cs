using System.Formats.Tar;
using System.Text;
using MantisPipeline.Containers;
using MantisPipeline.Tests.Fixtures;

namespace MantisPipeline.Tests.Containers;

/// <summary>The containers and image tags one test made, removed when the test ends.</summary>
public sealed class TestResources(DockerEngine engine) : IAsyncDisposable
{
    private readonly List<string> _containers = [];
    private readonly List<string> _images = [];

    public string ContainerName()
    {
        var name = $"mantis-test-{DockerFixture.UniqueSuffix()}";
        _containers.Add(name);
        return name;
    }

    /// <summary>Records a name a container takes later, by a rename, so it is removed too.</summary>
    public string Track(string container)
    {
        _containers.Add(container);
        return container;
    }

    public string ImageTag(string repository = "mantis-test/app")
    {
        var tag = $"{repository}:{DockerFixture.UniqueSuffix()}";
        _images.Add(tag);
        return tag;
    }

    /// <summary>
    /// An image of one small file, for tests that move images around: a registry push of
    /// it takes milliseconds where the 120 MB base image takes seconds.
    /// </summary>
    public async Task<string> TinyImageAsync()
    {
        var tag = ImageTag("mantis-test/tiny");
        await engine.ImportAsync(tag, WriteReleaseNoteAsync, ["LABEL mantis.test=true"], default);
        return tag;
    }

    private static async Task WriteReleaseNoteAsync(TarWriter tar, CancellationToken ct)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("release 1.4.0\n"));
        var entry = new PaxTarEntry(TarEntryType.RegularFile, "release.txt") { DataStream = content };
        await tar.WriteEntryAsync(entry, ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in _containers)
        {
            await engine.RemoveAsync(container, force: true);
        }

        foreach (var image in _images)
        {
            await engine.RemoveImageAsync(image, force: true);
        }
    }

    public async Task<ContainerStatus> WaitForExitAsync(string container)
    {
        ContainerStatus? status = null;
        await DockerFixture.WaitUntilAsync(
            async () => (status = await engine.InspectAsync(container)) is { Running: false },
            TimeSpan.FromSeconds(20),
            $"container '{container}' to exit");
        return status!;
    }
}
