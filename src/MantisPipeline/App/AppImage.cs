using MantisPipeline.Containers;
using MantisPipeline.Deployment;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;

namespace MantisPipeline.App;

public sealed record BuiltImage(string Reference, string Id);

/// <summary>Builds the app's image from its publish output, labelled the OCI way, and pushes it.</summary>
public sealed class AppImage(DeployEnvironment environment, DockerEngine docker)
{
    public string ReferenceFor(ReleaseVersion version, string? registry) =>
        (registry is null ? "" : registry.TrimEnd('/') + "/") + $"{environment.App.Name}:{version.Version}";

    public async Task<BuiltImage> BuildAsync(
        AppProject app, string publishDirectory, ReleaseVersion version, CancellationToken ct)
    {
        var reference = ReferenceFor(version, registry: null);
        var labels = new Dictionary<string, string>
        {
            ["org.opencontainers.image.revision"] = version.Commit,
            ["org.opencontainers.image.created"] = version.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["org.opencontainers.image.version"] = version.Version,
        };
        if (version.Source is { } source)
        {
            labels["org.opencontainers.image.source"] = source;
        }

        var arguments = new Dictionary<string, string> { ["BASE_IMAGE"] = environment.App.BaseImage };

        var id = await docker.BuildImageAsync(
            new ImageBuild(publishDirectory, app.Dockerfile, [reference]) { BuildArgs = arguments, Labels = labels },
            ct);

        return new BuiltImage(reference, id);
    }

    /// <summary>
    /// The image already built from this exact commit, if any: a clean commit builds the same
    /// image every time, so it is built once and promoted from environment to environment.
    /// </summary>
    public async Task<BuiltImage?> ExistingAsync(ReleaseVersion version, CancellationToken ct)
    {
        var reference = ReferenceFor(version, registry: null);
        if (version.IsDirty || await docker.InspectImageAsync(reference, ct) is not { } image)
        {
            return null;
        }

        var revision = image.Labels.GetValueOrDefault("org.opencontainers.image.revision");
        return revision == version.Commit ? new BuiltImage(reference, image.Id) : null;
    }

    public async Task<BuiltImage> PushAsync(
        BuiltImage image, ReleaseVersion version, string registry, RegistryCredentials? credentials,
        CancellationToken ct)
    {
        var remote = ReferenceFor(version, registry);
        await docker.TagAsync(image.Reference, remote, ct);

        await docker.PushAsync(remote, credentials, ct);
        return image with { Reference = remote };
    }
}
