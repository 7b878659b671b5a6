using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;
using MantisPipeline.Releases;

namespace MantisPipeline.Deployment;

/// <summary>A release manager's rollback: put back the release before the live one, or a named one.</summary>
public sealed class ManualRollback(DeployEnvironment environment, DockerEngine docker, ReleaseLedger ledger)
{
    // How far back the ledger is read; a release older than this has no kept container anyway.
    private const int LedgerDepth = 500;

    public async Task<Release> RunAsync(string? to, string startedBy, CancellationToken ct)
    {
        await ledger.EnsureCreatedAsync(ct);
        var live = await ledger.LiveAsync(ct) ?? throw new PipelineException(
            $"No release is live in {environment.Name}, so there is nothing to roll back. " +
            $"Deploy one with ./build.sh Deploy --env {environment.Name}.");

        var target = await ChooseAsync(live, to, ct);
        Log.Information($"Rolling {environment.Name} back from release {live.Id} ({live.Version}) " +
            $"to release {target.Id} ({target.Version})");

        var releaseSwitch = new ReleaseSwitch(environment, docker);
        await releaseSwitch.ToKeptContainerAsync(live, target, ct);
        await ledger.RollBackAsync(live.Id, target.Id, $"rolled back by {startedBy}", ct: ct);
        await new ReleasePruner(environment, docker, ledger).PruneAsync(ct);

        Log.Information($"Release {target.Id} ({target.Version}) is live again on {environment.AppUrl}");
        return target;
    }

    private async Task<Release> ChooseAsync(Release live, string? to, CancellationToken ct)
    {
        var releases = await ledger.ListAsync(LedgerDepth, ct);
        if (to is null)
        {
            // Back in time only: a release newer than the live one is reached with --to.
            return releases.FirstOrDefault(r => r.Outcome == ReleaseOutcome.Superseded && r.Id < live.Id)
                ?? throw new PipelineException(
                    $"Release {live.Id} is live in {environment.Name} and no earlier release served " +
                    "before it, so there is nothing to roll back to.");
        }

        var sameVersion = releases.Where(r => r.Version == to).ToList();
        if (sameVersion.Count > 1)
        {
            var ids = string.Join(", ", sameVersion.Select(r => $"{r.Id} ({r.Outcome})"));
            throw new PipelineException(
                $"The version {to} names several releases of {environment.Name}: {ids}. Pass " +
                "the id of the one to go back to with --to.");
        }

        var target = await ledger.FindAsync(to, ct) ?? throw new PipelineException(
            $"There is no release '{to}' in the {environment.Name} ledger. Pass a release id or " +
            $"version from ./build.sh Releases --env {environment.Name}.");

        if (target.Id == live.Id)
        {
            throw new PipelineException($"Release {to} is already live in {environment.Name}.");
        }

        // Checked here, before anything stops: only a release that served and was replaced
        // by a newer one is known to be good.
        if (target.Outcome is not ReleaseOutcome.Superseded)
        {
            throw new PipelineException(
                $"Release {target.Id} ({target.Version}) is {target.Outcome}: it never served, " +
                "or was rolled back itself, so a rollback cannot put it back. Choose a " +
                $"Superseded release from ./build.sh Releases --env {environment.Name}, or " +
                "deploy that release's commit again.");
        }

        return target;
    }
}
