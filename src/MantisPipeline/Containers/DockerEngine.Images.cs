using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docker.DotNet;
using Docker.DotNet.Models;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Containers;

public sealed partial class DockerEngine
{
    /// <summary>Builds an image from a context folder; returns its id (sha256:...).</summary>
    public async Task<string> BuildImageAsync(ImageBuild build, CancellationToken ct = default)
    {
        if (build.Tags.Count == 0)
        {
            throw new PipelineException(
                $"The image build of '{build.ContextFolder}' has no tag. Give it at least one, "
                + "such as 'mantis-demo:<version>', so that the release can name its image.");
        }

        var context = BuildContext.For(build);
        var parameters = new ImageBuildParameters
        {
            Dockerfile = context.DockerfileEntry,
            Tags = build.Tags.ToList(),
            BuildArgs = build.BuildArgs.ToDictionary(),
            Labels = build.Labels.ToDictionary(),
            NetworkMode = "host",
            Remove = true,
            ForceRemove = true,
        };
        var progress = new ProgressLog();
        var clock = Stopwatch.StartNew();
        Log.Information($"Building image '{build.Tags[0]}' from '{context.Dockerfile}'.");

        await Guard($"Building image '{build.Tags[0]}'", () => TarPipe.SendAsync(
            context.WriteAsync,
            tar => _client.Images.BuildImageFromDockerfileAsync(
                parameters, tar, null, null, progress, ct),
            ct));

        if (progress.Error is not null)
        {
            throw new PipelineException(
                $"Building image '{build.Tags[0]}' from '{context.Dockerfile}' failed: "
                + $"{progress.Error}. Fix the Dockerfile step named in the last lines of output:"
                + $"{Environment.NewLine}{progress.Tail()}");
        }

        var image = await InspectImageAsync(build.Tags[0], ct)
            ?? throw new PipelineException(
                $"The engine reported no error building '{build.Tags[0]}', yet holds no image "
                + $"by that tag. Last lines of output:{Environment.NewLine}{progress.Tail()}");
        Log.Information(
            $"Built image '{build.Tags[0]}' ({ShortId(image.Id)}, {Megabytes(image.Size)}) "
            + $"in {clock.Elapsed.TotalSeconds:0.0} s.");
        return image.Id;
    }

    public async Task TagAsync(string source, string target, CancellationToken ct = default)
    {
        var reference = ImageReference.Parse(target);
        var parameters = new ImageTagParameters
        {
            RepositoryName = reference.Repository,
            Tag = reference.Tag,
            Force = true,
        };

        try
        {
            await _client.Images.TagImageAsync(source, parameters, ct);
        }
        catch (DockerApiException exception)
        {
            throw new PipelineException(
                $"Tagging image '{source}' as '{target}' failed: {ApiReason(exception)}. "
                + "Check that the source image exists on this engine.",
                exception);
        }

        Log.Debug($"Tagged image '{source}' as '{target}'.");
    }

    /// <summary>Pushes an image to its registry; returns the registry's manifest digest.</summary>
    public async Task<string> PushAsync(
        string image,
        RegistryCredentials? credentials = null,
        CancellationToken ct = default)
    {
        var reference = ImageReference.Parse(image);
        var progress = new ProgressLog();
        var clock = Stopwatch.StartNew();
        Log.Information($"Pushing image '{image}'.");

        await Guard($"Pushing image '{image}'", () => _client.Images.PushImageAsync(
            reference.Repository,
            new ImagePushParameters { Tag = reference.Tag },
            ToAuthConfig(reference, credentials),
            progress,
            ct));

        if (progress.Error is not null)
        {
            throw new PipelineException(
                $"Pushing image '{image}' failed: {progress.Error}. Check that the registry "
                + $"'{reference.Registry ?? "docker.io"}' runs and that the credentials may push. "
                + $"Last lines of output:{Environment.NewLine}{progress.Tail()}");
        }

        var digest = PushedDigest(progress) ?? await RepositoryDigestAsync(reference, ct);
        Log.Information($"Pushed image '{image}' ({digest}) in {clock.Elapsed.TotalSeconds:0.0} s.");
        return digest;
    }

    /// <summary>Pulls an image from its registry; returns the local image id.</summary>
    public async Task<string> PullAsync(
        string image,
        RegistryCredentials? credentials = null,
        CancellationToken ct = default)
    {
        var reference = ImageReference.Parse(image);
        var progress = new ProgressLog();
        Log.Information($"Pulling image '{image}'.");

        await Guard($"Pulling image '{image}'", () => _client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromImage = reference.Repository, Tag = reference.Tag },
            ToAuthConfig(reference, credentials),
            progress,
            ct));

        if (progress.Error is not null)
        {
            throw new PipelineException(
                $"Pulling image '{image}' failed: {progress.Error}. Check the image name and "
                + $"tag, and that the registry '{reference.Registry ?? "docker.io"}' is reachable.");
        }

        var pulled = await InspectImageAsync(image, ct)
            ?? throw new PipelineException($"The engine pulled '{image}' but does not hold it.");
        Log.Information($"Pulled image '{image}' ({ShortId(pulled.Id)}).");
        return pulled.Id;
    }

    public async Task<bool> ImageExistsAsync(string image, CancellationToken ct = default) =>
        await InspectImageAsync(image, ct) is not null;

    /// <summary>The image by tag or id, or null when this engine does not hold it.</summary>
    public async Task<ImageInfo?> InspectImageAsync(string image, CancellationToken ct = default)
    {
        try
        {
            var response = await _client.Images.InspectImageAsync(image, ct);
            return new ImageInfo(
                response.ID,
                response.RepoTags?.ToList() ?? [],
                response.RepoDigests?.ToList() ?? [],
                response.Config?.Labels?.ToDictionary() ?? new Dictionary<string, string>(),
                response.Size,
                new DateTimeOffset(response.Created.ToUniversalTime(), TimeSpan.Zero));
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes an image tag (and the image when no other tag holds it).</summary>
    public async Task RemoveImageAsync(string image, bool force = false, CancellationToken ct = default)
    {
        try
        {
            var parameters = new ImageDeleteParameters { Force = force };
            await _client.Images.DeleteImageAsync(image, parameters, ct);
            Log.Debug($"Removed image '{image}'.");
        }
        catch (DockerImageNotFoundException)
        {
            Log.Debug($"Image '{image}' was already absent.");
        }
        catch (DockerApiException exception)
        {
            throw new PipelineException(
                $"Removing image '{image}' failed: {ApiReason(exception)}. Remove the containers "
                + "that use it first, or remove it with force.",
                exception);
        }
    }

    private static AuthConfig ToAuthConfig(ImageReference reference, RegistryCredentials? credentials)
    {
        if (credentials is null)
        {
            return new AuthConfig();
        }

        SecretMasker.Register(credentials.Password);
        return new AuthConfig
        {
            Username = credentials.Username,
            Password = credentials.Password,
            ServerAddress = reference.Registry,
        };
    }

    private static string? PushedDigest(ProgressLog progress)
    {
        // The engine's last push status reads "<tag>: digest: sha256:<hex> size: <bytes>".
        var match = progress.Statuses
            .Select(s => Regex.Match(s, @"digest: (sha256:[0-9a-f]{64})"))
            .LastOrDefault(m => m.Success);
        return match?.Groups[1].Value;
    }

    private async Task<string> RepositoryDigestAsync(ImageReference reference, CancellationToken ct)
    {
        var image = await InspectImageAsync(reference.ToString(), ct);
        var digest = image?.Digests.FirstOrDefault(d => d.StartsWith(reference.Repository + "@"));
        return digest?.Split('@')[1] ?? "";
    }

    internal static string ApiReason(DockerApiException exception)
    {
        var body = exception.ResponseBody?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            return exception.StatusCode.ToString();
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var message)
                ? message.GetString() ?? body
                : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    internal static string ShortId(string id)
    {
        var hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;
        return hex.Length > 12 ? hex[..12] : hex;
    }

    internal static string Megabytes(long bytes) => $"{bytes / 1_000_000.0:0.0} MB";
}
