using System.Formats.Tar;

namespace MantisPipeline.Containers;

/// <summary>
/// The tar archive the engine builds from: every file under the context folder, plus the
/// Dockerfile under a reserved name when it lives outside the context.
/// </summary>
internal sealed class BuildContext
{
    private const string OutsideDockerfileName = ".mantis-build/Dockerfile";

    private BuildContext(string folder, string dockerfile, string dockerfileEntry)
    {
        Folder = folder;
        Dockerfile = dockerfile;
        DockerfileEntry = dockerfileEntry;
    }

    public string Folder { get; }

    public string Dockerfile { get; }

    /// <summary>The Dockerfile's path inside the archive, as the engine's build API wants it.</summary>
    public string DockerfileEntry { get; }

    private bool DockerfileIsOutside => DockerfileEntry == OutsideDockerfileName;

    public static BuildContext For(ImageBuild build)
    {
        var folder = Path.GetFullPath(build.ContextFolder);
        if (!Directory.Exists(folder))
        {
            throw new PipelineException(
                $"The build context folder '{folder}' does not exist. Point the image build "
                + "at the folder that holds the files the Dockerfile copies.");
        }

        var dockerfile = Path.GetFullPath(build.Dockerfile, folder);
        if (!File.Exists(dockerfile))
        {
            throw new PipelineException(
                $"The Dockerfile '{dockerfile}' does not exist. Give its path, absolute or "
                + $"relative to the build context '{folder}'.");
        }

        var relative = Path.GetRelativePath(folder, dockerfile);
        var isInside = !relative.StartsWith("..", StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);
        var entry = isInside ? ToEntryName(relative) : OutsideDockerfileName;
        return new BuildContext(folder, dockerfile, entry);
    }

    public async Task WriteAsync(TarWriter tar, CancellationToken ct)
    {
        await WriteFolderAsync(tar, Folder, ct);

        if (DockerfileIsOutside)
        {
            await tar.WriteEntryAsync(Dockerfile, DockerfileEntry, ct);
        }
    }

    private async Task WriteFolderAsync(TarWriter tar, string folder, CancellationToken ct)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            var entry = ToEntryName(Path.GetRelativePath(Folder, path));
            await tar.WriteEntryAsync(path, entry, ct);

            // Follow real folders only; a symbolic link goes into the archive as a link.
            var info = new DirectoryInfo(path);
            if (info.Exists && info.LinkTarget is null)
            {
                await WriteFolderAsync(tar, path, ct);
            }
        }
    }

    private static string ToEntryName(string relativePath) =>
        relativePath.Replace(Path.DirectorySeparatorChar, '/');
}
