using System.Diagnostics;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Containers;

/// <summary>
/// The ASP.NET base image made locally from this host's .NET runtime, for machines that
/// cannot pull the official one. A Dockerfile takes it as its FROM through a build argument.
/// </summary>
public static class BaseImage
{
    /// <summary>The label that records which .NET runtime version an image carries.</summary>
    public const string RuntimeLabel = "org.mantis.dotnet-runtime";

    /// <summary>The label that records which recipe of the root filesystem made the image.</summary>
    public const string LayoutLabel = "org.mantis.base-layout";

    public const string DefaultTag = "mantis/aspnet-base:local";

    // Raised whenever the root filesystem changes, so that older local images are rebuilt.
    private const string Layout = "2";

    /// <summary>The version of the .NET runtime this process runs on, which the image copies.</summary>
    public static string RuntimeVersion => HostRuntime.Discover().Version;

    /// <summary>Reuses the image by that tag when it carries this host's runtime, else builds it.</summary>
    public static async Task<ImageInfo> EnsureAsync(
        DockerEngine engine,
        string tag = DefaultTag,
        CancellationToken ct = default)
    {
        var runtime = HostRuntime.Discover();
        var existing = await engine.InspectImageAsync(tag, ct);
        var carried = existing?.Labels.GetValueOrDefault(RuntimeLabel);
        var layout = existing?.Labels.GetValueOrDefault(LayoutLabel);
        if (carried == runtime.Version && layout == Layout)
        {
            Log.Information($"Reusing base image '{tag}' with .NET {runtime.Version}.");
            return existing!;
        }

        if (existing is not null)
        {
            Log.Information(
                $"Rebuilding base image '{tag}': it carries .NET {carried ?? "(unknown)"} in "
                + $"layout {layout ?? "1"}; this host runs {runtime.Version}, layout {Layout}.");
        }

        return await BuildAsync(engine, tag, runtime, ct);
    }

    private static async Task<ImageInfo> BuildAsync(
        DockerEngine engine,
        string tag,
        HostRuntime runtime,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Log.Information(
            $"Building base image '{tag}' from this host's .NET {runtime.Version} in '{runtime.Root}'.");

        var root = await BaseRootFilesystem.GatherAsync(runtime, ct);
        var size = DockerEngine.Megabytes(root.ByteCount);
        Log.Debug($"The base image holds {root.FileCount} host files, {size}.");

        await engine.ImportAsync(tag, root.WriteAsync, Changes(runtime), ct);

        var image = await engine.InspectImageAsync(tag, ct)
            ?? throw new PipelineException($"The engine imported '{tag}' but does not hold it.");
        Log.Information(
            $"Built base image '{tag}' ({DockerEngine.ShortId(image.Id)}, "
            + $"{DockerEngine.Megabytes(image.Size)}) in {clock.Elapsed.TotalSeconds:0.0} s.");
        return image;
    }

    private static IReadOnlyList<string> Changes(HostRuntime runtime) =>
    [
        $"ENV PATH={BaseRootFilesystem.DotnetRoot}:/usr/local/bin:/usr/bin:/bin",
        $"ENV DOTNET_ROOT={BaseRootFilesystem.DotnetRoot}",
        "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1",
        "ENV DOTNET_RUNNING_IN_CONTAINER=true",
        "WORKDIR /app",
        $"LABEL {RuntimeLabel}={runtime.Version} {LayoutLabel}={Layout}",
        "CMD [\"/bin/sh\"]",
    ];
}
