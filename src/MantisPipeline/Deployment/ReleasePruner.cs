using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;
using MantisPipeline.Releases;

namespace MantisPipeline.Deployment;

/// <summary>Removes stopped release containers beyond the newest few the environment keeps.</summary>
public sealed class ReleasePruner(DeployEnvironment environment, DockerEngine docker, ReleaseLedger ledger)
{
    public async Task PruneAsync(CancellationToken ct)
    {
        var kept = (await ledger.ListAsync(environment.App.KeepReleases, ct))
            .Select(release => release.Container)
            .ToHashSet();

        var labels = new Dictionary<string, string> { [AppContainer.EnvironmentLabel] = environment.Name };
        var containers = await docker.ListAsync(labels, ct);
        foreach (var container in containers.Where(c => c.State != "running" && !kept.Contains(c.Name)))
        {
            Log.Information(
                $"Removing {container.Name}, older than the newest {environment.App.KeepReleases} releases");
            await docker.RemoveAsync(container.Name, force: false, ct);
        }
    }
}
