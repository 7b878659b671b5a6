using System.Formats.Tar;
using Docker.DotNet.Models;

namespace MantisPipeline.Containers;

public sealed partial class DockerEngine
{
    /// <summary>
    /// Makes an image from a root filesystem tar written on the fly (what `docker import`
    /// does); changes are Dockerfile lines such as ENV, WORKDIR and LABEL. Returns its id.
    /// </summary>
    internal async Task<string> ImportAsync(
        string tag,
        Func<TarWriter, CancellationToken, Task> writeRootFilesystem,
        IReadOnlyList<string> changes,
        CancellationToken ct)
    {
        var reference = ImageReference.Parse(tag);
        var parameters = new ImagesCreateParameters
        {
            FromSrc = "-",
            Repo = reference.Repository,
            Tag = reference.Tag,
            Changes = changes.ToList(),
        };
        var progress = new ProgressLog();

        await Guard($"Importing image '{tag}'", () => TarPipe.SendAsync(
            writeRootFilesystem,
            tar => _client.Images.CreateImageAsync(parameters, tar, null, progress, ct),
            ct));

        if (progress.Error is not null)
        {
            throw new PipelineException(
                $"Importing image '{tag}' failed: {progress.Error}. Last lines of output:"
                + $"{Environment.NewLine}{progress.Tail()}");
        }

        var image = await InspectImageAsync(tag, ct)
            ?? throw new PipelineException($"The engine imported '{tag}' but does not hold it.");
        return image.Id;
    }
}
