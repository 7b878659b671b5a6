using MantisPipeline.Secrets;
using MantisPipeline.Secrets.Detection;

namespace MantisPipeline.Tests.Secrets;

/// <summary>Allowing, user rule files, and the weak-secret reasons.</summary>
public sealed class SecretRulesTests : IDisposable
{
    private readonly TempGitRepository _repository = new();

    [Fact]
    public async Task An_inline_allow_comment_suppresses_only_its_line()
    {
        var allowed = PlantedSecrets.GitHubToken();
        var reported = PlantedSecrets.GitHubToken();
        _repository.Write("ci.yml", $"fixture: {allowed} # {SecretDetector.AllowMarker}\nreal: {reported}\n");
        _repository.Commit("Add CI");

        var result = await SecretScanner.Create().ScanAsync(_repository.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(2, finding.Line);
    }

    [Fact]
    public async Task A_user_rule_file_adds_rules_turns_rules_off_and_allows_paths()
    {
        var company = "acme" + "tok_" + PlantedSecrets.Random(30);
        _repository.Write("src/client.ts", $"const key = '{company}';\n");
        _repository.Write("tests/fixtures/keys.txt", $"{PlantedSecrets.GitHubToken()}\n");
        _repository.Write("docs/token.md", $"Example JWT: {Jwt()}\n");
        _repository.Commit("Add client");
        var ruleFile = Path.Combine(_repository.Root, "..", Path.GetFileName(_repository.Root) + "-rules.yml");
        File.WriteAllText(ruleFile, """
            allow:
              paths: ['^tests/fixtures/']
            rules:
              - id: acme-token
                description: ACME API token
                severity: critical
                regex: '\b(?<secret>acme[t]ok_[A-Za-z0-9]{30})\b'
                keywords: [acmetok_]
                remedy: Revoke it in the ACME console.
              - id: jwt
                enabled: false
            """);

        try
        {
            var result = await SecretScanner.Create(new SecretScanOptions { RuleFile = ruleFile })
                .ScanAsync(_repository.Root);

            var finding = Assert.Single(result.Findings);
            Assert.Equal("acme-token", finding.RuleId);
            Assert.Equal(Findings.Severity.Critical, finding.Severity);
            Assert.Equal("acme****", finding.Evidence);
        }
        finally
        {
            File.Delete(ruleFile);
        }
    }

    [Fact]
    public void A_rule_without_a_secret_group_is_refused_with_the_fix()
    {
        var ruleFile = Path.Combine(_repository.Root, "rules.yml");
        File.WriteAllText(ruleFile, "rules:\n  - id: broken\n    regex: 'tok_[a-z]+'\n");

        var error = Assert.Throws<PipelineException>(
            () => SecretScanner.Create(new SecretScanOptions { RuleFile = ruleFile }));

        Assert.Contains("rule 'broken'", error.Message);
        Assert.Contains("(?<secret>...)", error.Message);
    }

    [Fact]
    public async Task A_missing_rule_file_or_repository_is_refused_by_name()
    {
        var missing = Path.Combine(_repository.Root, "nope.yml");
        var noRepository = Path.Combine(_repository.Root, "not-a-repo");
        Directory.CreateDirectory(noRepository);

        var ruleError = Assert.Throws<PipelineException>(
            () => SecretScanner.Create(new SecretScanOptions { RuleFile = missing }));
        var scanError = await Assert.ThrowsAsync<PipelineException>(
            () => SecretScanner.Create().ScanAsync(noRepository));

        Assert.Contains(missing, ruleError.Message);
        Assert.Contains("is not a git repository", scanError.Message);
    }

    [Theory]
    [InlineData("acme_jwt_secret_key_2025_production", "made of 6 dictionary-like words joined by '_'")]
    [InlineData("super-secret-session-cookie", "made of 4 dictionary-like words joined by '-'")]
    [InlineData("Xk9mQ2vL8pRt", "only 12 characters; needs at least 32 random characters")]
    [InlineData("abababababababababababababababababab", "repetitive: 1.0 bits of entropy per character")]
    public void Weak_values_are_reported_with_the_reason(string value, string reason)
    {
        Assert.Equal(reason, Weakness.ReasonFor(value));
    }

    [Fact]
    public void A_long_random_value_is_not_weak()
    {
        Assert.Null(Weakness.ReasonFor(PlantedSecrets.Random(48)));
        Assert.Null(Weakness.ReasonFor(PlantedSecrets.Random(64, "0123456789abcdef")));
    }

    [Fact]
    public async Task A_shallow_clone_is_reported_incomplete_never_clean()
    {
        _repository.Write("a.txt", "one\n");
        _repository.Commit("One");
        _repository.Write("a.txt", "two\n");
        _repository.Commit("Two");
        var clone = _repository.Root + "-shallow";
        _repository.Git("clone", "-q", "--depth", "1", "file://" + _repository.Root, clone);

        try
        {
            var result = await SecretScanner.Create().ScanAsync(clone);

            Assert.True(result.IsIncomplete);
            Assert.False(result.Passed);
            Assert.Empty(result.Findings);
            Assert.Contains("shallow clone", result.IncompleteReason);
            Assert.Contains("incomplete: the repository is a shallow clone", result.Summary);
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }
    }

    [Fact]
    public async Task A_clean_repository_passes()
    {
        _repository.Write("README.md", "# Clean\n");
        _repository.Commit("Start");

        var result = await SecretScanner.Create().ScanAsync(_repository.Root);

        Assert.True(result.Passed);
        Assert.Equal(1, result.Commits);
        Assert.Equal(1, result.UniqueBlobs);
    }

    public void Dispose() => _repository.Dispose();

    private static string Jwt()
    {
        var header = "ey" + "J" + PlantedSecrets.Random(30);
        return $"{header}.{"ey" + "J" + PlantedSecrets.Random(40)}.{PlantedSecrets.Random(43)}";
    }
}
