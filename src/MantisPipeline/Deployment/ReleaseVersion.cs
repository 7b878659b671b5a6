using LibGit2Sharp;

namespace MantisPipeline.Deployment;

/// <summary>What is being released: the git commit of the app's repository.</summary>
public sealed record ReleaseVersion(
    string Version, string Commit, bool IsDirty, DateTimeOffset CreatedAt, string? Source = null)
{
    /// <param name="appDirectory">The app built from this checkout; outside it, the commit
    /// does not describe the app, which then counts as changed.</param>
    public static ReleaseVersion Read(string repositoryPath, string? appDirectory = null)
    {
        if (!Repository.IsValid(repositoryPath))
        {
            throw new PipelineException(
                $"{repositoryPath} is not a git repository, so a release has no commit to be " +
                "named after. Run the build from a clone of the app's repository.");
        }

        using var repository = new Repository(repositoryPath);
        var tip = repository.Head.Tip ?? throw new PipelineException(
            $"The repository at {repositoryPath} has no commit yet. Commit the app first.");

        var outside = appDirectory is not null && !IsInside(appDirectory, repository.Info.WorkingDirectory);
        var dirty = outside || repository.RetrieveStatus(new StatusOptions { IncludeUntracked = false }).IsDirty;
        var version = tip.Sha[..7] + (dirty ? "-dirty" : "");
        return new ReleaseVersion(version, tip.Sha, dirty, DateTimeOffset.UtcNow, SourceOf(repository));
    }

    private static bool IsInside(string path, string folder) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal);

    // The origin's address without any user or token that a clone URL may carry.
    private static string? SourceOf(Repository repository)
    {
        var origin = repository.Network.Remotes["origin"]?.Url;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            return null;
        }

        return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString();
    }
}
