using MantisPipeline.Secrets;
using MantisPipeline.Secrets.Baseline;

namespace MantisPipeline.Tests.Secrets;

/// <summary>Accepting known findings by fingerprint, reporting stale entries, and a reproducible file.</summary>
public sealed class SecretBaselineTests : IDisposable
{
    private readonly TempGitRepository _repository = new();

    [Fact]
    public async Task An_accepted_finding_stays_accepted_when_its_line_and_file_move()
    {
        var token = PlantedSecrets.GitHubToken();
        _repository.Write("fixtures/a.txt", $"{token}\n");
        _repository.Commit("Fixture");
        await AcceptAll("Revoked test token kept as a fixture.");
        _repository.Git("mv", "fixtures/a.txt", "fixtures/b.txt");
        _repository.Write("fixtures/b.txt", $"moved down\n\n{token}\n");
        _repository.Commit("Move the fixture");

        var result = await Scan();

        Assert.Empty(result.Findings);
        Assert.Single(result.Accepted);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 more accepted by the baseline", result.Summary);
    }

    [Fact]
    public async Task A_baseline_entry_no_finding_matches_is_reported_as_stale()
    {
        _repository.Write("a.env", $"GITHUB_TOKEN={PlantedSecrets.GitHubToken()}\n");
        _repository.Commit("Leak");
        await AcceptAll("Known.");
        var text = File.ReadAllText(BaselinePath).Replace("github-token:", "github-token:0");
        File.WriteAllText(BaselinePath, text);

        var result = await Scan();

        Assert.Single(result.Findings);
        var stale = Assert.Single(result.StaleBaselineEntries);
        Assert.Equal("Known.", stale.Reason);
    }

    [Fact]
    public async Task The_file_holds_no_secret_and_no_timestamp_and_writes_the_same_again()
    {
        var token = PlantedSecrets.GitHubToken();
        var password = PlantedSecrets.DatabasePassword();
        _repository.Write("a.env", $"GITHUB_TOKEN={token}\nDATABASE_URL=postgres://app:{password}@db.prod/app\n");
        _repository.Commit("Leaks");

        await AcceptAll("Accepted for the test.");
        var first = File.ReadAllText(BaselinePath);
        await AcceptAll("A different reason is not applied to kept entries.");
        var second = File.ReadAllText(BaselinePath);

        Assert.Equal(first, second);
        Assert.DoesNotContain(token[4..12], first);
        Assert.DoesNotContain(password[..8], first);
        Assert.DoesNotMatch(@"\d{4}-\d\d-\d\d", first);
        Assert.Contains("\"reason\": \"Accepted for the test.\"", first);
    }

    [Fact]
    public void A_malformed_baseline_is_refused_by_name_without_quoting_it()
    {
        var token = PlantedSecrets.GitHubToken();
        File.WriteAllText(BaselinePath, $"{{ \"accepted\": [ {token} ] }}");

        var error = Assert.Throws<PipelineException>(() => SecretBaseline.Load(BaselinePath));

        Assert.Contains(SecretBaseline.DefaultFileName, error.Message);
        Assert.DoesNotContain(token[4..], error.Message);
    }

    public void Dispose() => _repository.Dispose();

    private string BaselinePath => Path.Combine(_repository.Root, SecretBaseline.DefaultFileName);

    private Task<SecretScanResult> Scan() => SecretScanner.Create().ScanAsync(_repository.Root);

    private async Task AcceptAll(string reason)
    {
        var result = await Scan();
        SecretBaseline.Load(BaselinePath).Accept([.. result.Findings, .. result.Accepted], reason).Save(BaselinePath);
    }
}
