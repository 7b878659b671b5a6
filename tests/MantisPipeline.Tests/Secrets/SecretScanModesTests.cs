using MantisPipeline.Findings;
using MantisPipeline.Secrets;

namespace MantisPipeline.Tests.Secrets;

/// <summary>The commits since a revision (a pull request), the staged changes (a hook), and exit codes.</summary>
public sealed class SecretScanModesTests : IDisposable
{
    private readonly TempGitRepository _repository = new();

    [Fact]
    public async Task Since_a_revision_reads_only_the_commits_after_it()
    {
        _repository.Write("old.env", $"GITHUB_TOKEN={PlantedSecrets.GitHubToken()}\n");
        var baseCommit = _repository.Commit("Old leak");
        _repository.Write("new.env", $"NEON_API_KEY={PlantedSecrets.NeonKey()}\n");
        var added = _repository.Commit("New leak");

        var result = await Scan(SecretScanMode.Since(baseCommit));

        var finding = Assert.Single(result.Findings);
        Assert.Equal("neon-api-key", finding.RuleId);
        Assert.Equal(added, finding.Commit);
        Assert.Equal(1, result.Commits);
    }

    [Fact]
    public async Task Since_an_unknown_revision_fails_with_the_fix()
    {
        _repository.Write("a.txt", "a\n");
        _repository.Commit("Start");

        var error = await Assert.ThrowsAsync<PipelineException>(() => Scan(SecretScanMode.Since("origin/nope")));

        Assert.Contains("'origin/nope'", error.Message);
        Assert.Contains("fetch-depth: 0", error.Message);
    }

    [Fact]
    public async Task Staged_reads_only_what_the_next_commit_would_add()
    {
        _repository.Write("committed.env", $"GITHUB_TOKEN={PlantedSecrets.GitHubToken()}\n");
        _repository.Commit("Old leak");
        _repository.Write("staged.env", $"STRIPE_KEY={PlantedSecrets.StripeKey()}\n");
        _repository.Git("add", "staged.env");
        _repository.Write("unstaged.env", $"NEON_API_KEY={PlantedSecrets.NeonKey()}\n");

        var result = await Scan(SecretScanMode.Staged());

        var finding = Assert.Single(result.Findings);
        Assert.Equal("stripe-live-key", finding.RuleId);
        Assert.Equal(Presence.AtHead, finding.Presence);
        Assert.Null(finding.Commit);
        Assert.Contains("before committing", finding.Remedy);
    }

    [Fact]
    public async Task Staged_in_a_repository_without_commits_reads_the_index()
    {
        _repository.Write(".env", $"GITHUB_TOKEN={PlantedSecrets.GitHubToken()}\n");
        _repository.Git("add", ".env");

        var result = await Scan(SecretScanMode.Staged());

        Assert.Equal("github-token", Assert.Single(result.Findings).RuleId);
    }

    [Fact]
    public async Task Exit_codes_keep_found_secrets_apart_from_an_incomplete_scan()
    {
        _repository.Write("a.txt", "a\n");
        _repository.Commit("One");
        _repository.Write("a.txt", "b\n");
        _repository.Commit("Two");
        var clean = await Scan(SecretScanMode.History());
        var shallow = ShallowClone();
        var incomplete = await SecretScanner.Create().ScanAsync(shallow);
        _repository.Write("b.env", $"GITHUB_TOKEN={PlantedSecrets.GitHubToken()}\n");
        _repository.Commit("Leak");
        var leaked = await Scan(SecretScanMode.History());

        Assert.Equal(SecretScanExitCode.Clean, clean.ExitCode);
        Assert.Equal(SecretScanExitCode.ScanFailed, incomplete.ExitCode);
        Assert.Contains("shallow clone", incomplete.IncompleteReason);
        Assert.False(incomplete.Passed);
        Assert.Equal(SecretScanExitCode.SecretsFound, leaked.ExitCode);
    }

    public void Dispose() => _repository.Dispose();

    private Task<SecretScanResult> Scan(SecretScanMode mode)
    {
        return SecretScanner.Create(new SecretScanOptions { Mode = mode }).ScanAsync(_repository.Root);
    }

    private string ShallowClone()
    {
        var target = Path.Combine(_repository.Root, "shallow");
        _repository.Git("clone", "-q", "--depth", "1", $"file://{_repository.Root}", target);
        return target;
    }
}
