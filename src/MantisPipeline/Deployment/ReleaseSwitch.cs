using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;

namespace MantisPipeline.Deployment;

/// <summary>
/// Moves the environment's port from one release's container to another's. Both bind the
/// same loopback port, so the old one stops first (kept, for rollback); when the new one does
/// not answer, the old one is started again so the environment is never left without a
/// serving release.
/// </summary>
public sealed class ReleaseSwitch(DeployEnvironment environment, DockerEngine docker)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Stops <paramref name="from"/>, starts a new container from <paramref name="to"/>.</summary>
    public async Task ToNewContainerAsync(string? from, ContainerSpec to, CancellationToken ct)
    {
        await StopIfRunningAsync(from, ct);

        try
        {
            await docker.RunAsync(to, ct);
            await Liveness.WaitAsync(docker, to.Name, environment.AppUrl, environment.App.StartTimeout, ct);
        }
        catch (Exception failure)
        {
            await RestoreAsync(from, to.Name, failure);
            throw;
        }
    }

    /// <summary>Stops <paramref name="from"/> and starts the kept container <paramref name="to"/> again.</summary>
    public async Task ToKeptContainerAsync(string? from, string to, CancellationToken ct)
    {
        if (await docker.InspectAsync(to, ct) is null)
        {
            throw new PipelineException(
                $"The container {to} of the release to go back to no longer exists (only the " +
                $"newest {environment.App.KeepReleases} releases are kept). Deploy that " +
                "release's commit again instead.");
        }

        await StopIfRunningAsync(from, ct);

        try
        {
            Log.Information($"Starting {to} again on {environment.AppUrl}");
            await docker.StartAsync(to, ct);
            await Liveness.WaitAsync(docker, to, environment.AppUrl, environment.App.StartTimeout, ct);
        }
        catch (Exception failure)
        {
            await RestoreAsync(from, to, failure);
            throw;
        }
    }

    public async Task StopIfRunningAsync(string? container, CancellationToken ct)
    {
        if (container is null || await docker.InspectAsync(container, ct) is not { Running: true })
        {
            return;
        }

        Log.Information($"Stopping {container} (kept for rollback)");
        await docker.StopAsync(container, StopTimeout, ct);
    }

    // Runs without the build's token: after a Ctrl-C the old release must still come back.
    // The failed container is stopped, not removed, so that its logs stay readable.
    private async Task RestoreAsync(string? previous, string failed, Exception failure)
    {
        using var grace = new CancellationTokenSource(environment.App.StartTimeout + StopTimeout);
        Log.Warning($"{failed} did not come up ({failure.Message.Split('\n')[0]})");

        await StopIfRunningAsync(failed, grace.Token);

        if (previous is null || await docker.InspectAsync(previous, grace.Token) is null)
        {
            return;
        }

        Log.Information($"Starting {previous} again, so the environment keeps serving");
        await docker.StartAsync(previous, grace.Token);
        await Liveness.WaitAsync(docker, previous, environment.AppUrl, environment.App.StartTimeout, grace.Token);
    }
}
