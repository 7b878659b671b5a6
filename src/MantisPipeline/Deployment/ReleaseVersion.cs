using LibGit2Sharp;

namespace MantisPipeline.Deployment;

/// <summary>What is being released: the git commit of the app's repository.</summary>
public sealed record ReleaseVersion(
    string Version, string Commit, bool IsDirty, DateTimeOffset CreatedAt, string? Source = null)
{
    public static ReleaseVersion Read(string repositoryPath)
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

        var dirty = repository.RetrieveStatus(new StatusOptions { IncludeUntracked = false }).IsDirty;
        var version = tip.Sha[..7] + (dirty ? "-dirty" : "");
        return new ReleaseVersion(version, tip.Sha, dirty, DateTimeOffset.UtcNow, SourceOf(repository));
    }

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
