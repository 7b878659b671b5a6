using System.Globalization;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Containers;

public sealed partial class DockerEngine
{
    /// <summary>Creates and starts a container on the host network; returns its id.</summary>
    public async Task<string> RunAsync(ContainerSpec spec, CancellationToken ct = default)
    {
        var parameters = new CreateContainerParameters
        {
            Name = spec.Name,
            Image = spec.Image,
            Env = spec.Env.Select(pair => $"{pair.Key}={pair.Value}").ToList(),
            Labels = spec.Labels.ToDictionary(),
            Cmd = spec.Command?.ToList(),
            Entrypoint = spec.Entrypoint?.ToList(),
            HostConfig = new HostConfig
            {
                // No bridge here, and a server must bind a loopback port the caller chose.
                NetworkMode = "host",
                RestartPolicy = new RestartPolicy { Name = ToPolicyKind(spec.Restart) },
            },
        };
        Log.Information(
            $"Starting container '{spec.Name}' from image '{spec.Image}' with environment "
            + $"[{string.Join(", ", spec.Env.Keys)}].");

        var created = await CreateAsync(parameters, ct);
        await StartAsync(created, ct);
        return created;
    }

    public async Task StartAsync(string container, CancellationToken ct = default)
    {
        await Guard($"Starting container '{container}'", () =>
            _client.Containers.StartContainerAsync(container, new ContainerStartParameters(), ct));
        Log.Debug($"Started container '{container}'.");
    }

    /// <summary>Stops a container, killed when it outlives the timeout; no-op when stopped.</summary>
    public async Task StopAsync(string container, TimeSpan timeout, CancellationToken ct = default)
    {
        var parameters = new ContainerStopParameters
        {
            WaitBeforeKillSeconds = (uint)Math.Ceiling(timeout.TotalSeconds),
        };

        await Guard($"Stopping container '{container}'", () =>
            _client.Containers.StopContainerAsync(container, parameters, ct));
        Log.Information($"Stopped container '{container}'.");
    }

    public async Task RenameAsync(string container, string newName, CancellationToken ct = default)
    {
        var parameters = new ContainerRenameParameters { NewName = newName };

        await Guard($"Renaming container '{container}' to '{newName}'", () =>
            _client.Containers.RenameContainerAsync(container, parameters, ct));
        Log.Information($"Renamed container '{container}' to '{newName}'.");
    }

    /// <summary>Removes a container (with force, even a running one); no-op when absent.</summary>
    public async Task RemoveAsync(string container, bool force = false, CancellationToken ct = default)
    {
        try
        {
            var parameters = new ContainerRemoveParameters { Force = force };
            await _client.Containers.RemoveContainerAsync(container, parameters, ct);
            Log.Information($"Removed container '{container}'.");
        }
        catch (DockerContainerNotFoundException)
        {
            Log.Debug($"Container '{container}' was already absent.");
        }
        catch (DockerApiException exception)
        {
            throw Failed($"Removing container '{container}'", exception);
        }
    }

    /// <summary>The container's state, or null when no container has that name or id.</summary>
    public async Task<ContainerStatus?> InspectAsync(string container, CancellationToken ct = default)
    {
        ContainerInspectResponse response;
        try
        {
            response = await _client.Containers.InspectContainerAsync(container, ct);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }

        return new ContainerStatus(
            response.ID,
            response.Name.TrimStart('/'),
            response.Config?.Image ?? "",
            response.Image,
            response.State?.Status ?? "unknown",
            response.State?.Running ?? false,
            response.State?.ExitCode ?? 0,
            ParseTime(response.State?.StartedAt),
            ParseTime(response.State?.FinishedAt),
            EnvNames(response.Config?.Env),
            response.Config?.Labels?.ToDictionary() ?? new Dictionary<string, string>());
    }

    /// <summary>Every container, running or not, carrying all the given labels.</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ListAsync(
        IReadOnlyDictionary<string, string> labels,
        CancellationToken ct = default)
    {
        var filter = labels.ToDictionary(pair => $"{pair.Key}={pair.Value}", _ => true);
        var parameters = new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = filter },
        };

        var containers = await _client.Containers.ListContainersAsync(parameters, ct);
        return containers
            .Select(c => new ContainerSummary(
                c.ID,
                c.Names.FirstOrDefault()?.TrimStart('/') ?? "",
                c.Image,
                c.ImageID,
                c.State,
                c.Labels?.ToDictionary() ?? new Dictionary<string, string>()))
            .ToList();
    }

    /// <summary>The last lines a container wrote to stdout and stderr, in the order written.</summary>
    public async Task<string> LogsAsync(
        string container,
        int tailLines = 100,
        CancellationToken ct = default)
    {
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Tail = tailLines.ToString(CultureInfo.InvariantCulture),
        };

        using var stream = await Guard($"Reading the logs of container '{container}'", () =>
            _client.Containers.GetContainerLogsAsync(container, false, parameters, ct));
        return await ReadAllAsync(stream, ct);
    }

    private async Task<string> CreateAsync(CreateContainerParameters parameters, CancellationToken ct)
    {
        try
        {
            var response = await _client.Containers.CreateContainerAsync(parameters, ct);
            return response.ID;
        }
        catch (DockerImageNotFoundException exception)
        {
            throw new PipelineException(
                $"Container '{parameters.Name}' cannot start: the engine holds no image "
                + $"'{parameters.Image}'. Build or pull the image first.",
                exception);
        }
        catch (DockerApiException exception)
        {
            throw Failed($"Creating container '{parameters.Name}'", exception);
        }
    }

    private static async Task<string> ReadAllAsync(MultiplexedStream stream, CancellationToken ct)
    {
        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];

        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, ct);
            if (read.EOF)
            {
                break;
            }

            output.Write(buffer, 0, read.Count);
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static async Task Guard(string action, Func<Task> call)
    {
        await Guard(action, async () =>
        {
            await call();
            return true;
        });
    }

    private static async Task<T> Guard<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DockerApiException exception)
        {
            throw Failed(action, exception);
        }
    }

    private static PipelineException Failed(string action, DockerApiException exception)
    {
        var hint = exception.StatusCode == System.Net.HttpStatusCode.NotFound
            ? " Check the name with `docker ps -a` for containers or `docker images` for images."
            : "";
        return new PipelineException($"{action} failed: {ApiReason(exception)}.{hint}", exception);
    }

    private static RestartPolicyKind ToPolicyKind(RestartMode mode) => mode switch
    {
        RestartMode.OnFailure => RestartPolicyKind.OnFailure,
        RestartMode.UnlessStopped => RestartPolicyKind.UnlessStopped,
        RestartMode.Always => RestartPolicyKind.Always,
        _ => RestartPolicyKind.No,
    };

    private static IReadOnlyList<string> EnvNames(IList<string>? env) =>
        env?.Select(entry => entry.Split('=', 2)[0]).ToList() ?? [];

    private static DateTimeOffset? ParseTime(string? value)
    {
        var parsed = DateTimeOffset.TryParse(
            value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time);

        // The engine writes 0001-01-01 for "never", which is no time at all.
        return parsed && time.Year > 1 ? time : null;
    }
}
