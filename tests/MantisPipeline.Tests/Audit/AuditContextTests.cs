using MantisPipeline.Audit;
using MantisPipeline.Audit.Text;
using static MantisPipeline.Tests.Audit.FixtureValues;

namespace MantisPipeline.Tests.Audit;

/// <summary>What the environment's own URLs and settings change, and the edges of the detectors.</summary>
public sealed class AuditContextTests
{
    [Fact]
    public async Task Environment_urls_without_tls_or_password_are_findings_at_the_environment_file()
    {
        using var repo = new FixtureRepository();
        repo.Write("app.js", "console.log('hi');\n").Commit("app");
        var context = AuditPrecisionTests.Production with
        {
            DatabaseUrl = $"postgres://app:{DatabasePassword}@{OtherIp}:5432/app",
            RedisUrl = $"redis://{OtherIp}:6379",
            EnvironmentFile = Path.Combine(repo.Root, "deploy", "environments", "production.yml"),
        };

        var result = await new ConfigAuditor().AuditAsync(repo.Root, context, default);

        Assert.Contains(result.Findings,
            f => f.RuleId == "audit/database-tls" && f.Path == "deploy/environments/production.yml");
        Assert.Contains(result.Findings, f => f.RuleId == "audit/redis-password");
        Assert.DoesNotContain(result.Findings, f => f.Message!.Contains(DatabasePassword));
    }

    [Fact]
    public async Task Serverless_flag_from_the_environment_applies_the_strict_pool_limits()
    {
        using var repo = new FixtureRepository();
        repo.Write(".env.production", "DB_POOL_MAX=25\n").Commit("pool");

        var classic = await new ConfigAuditor().AuditAsync(repo.Root, AuditPrecisionTests.Production, default);
        var serverless = await new ConfigAuditor().AuditAsync(
            repo.Root, AuditPrecisionTests.Production with { DatabaseIsServerless = true }, default);

        Assert.DoesNotContain(classic.Findings, f => f.RuleId == "audit/pool-limits");
        Assert.Contains(serverless.Findings, f => f.RuleId == "audit/pool-limits" && f.Message!.Contains("serverless"));
    }

    [Fact]
    public async Task A_directory_that_is_not_a_repository_is_audited_without_git_rules()
    {
        var root = Path.Combine(Path.GetTempPath(), "mantis-audit-plain-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(Path.Combine(root, "db.js"), $"const host = process.env.DB_HOST || '{LegacyIp}';\n");

            var result = await new ConfigAuditor().AuditAsync(root, AuditPrecisionTests.Production, default);

            Assert.Contains(result.Findings,
                f => f.RuleId == "audit/endpoint-fallback" && f.Path == "db.js" && f.Line == 1);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Random_secrets_are_never_read_as_words()
    {
        var flagged = Enumerable.Range(0, 300).Select(_ => Random(32)).Where(Words.MadeOfWords).ToList();

        Assert.Empty(flagged);
        Assert.True(Words.MadeOfWords(WordySecret));
        Assert.True(Words.MadeOfWords("CorrectHorseBatteryStaple"));
    }

    [Fact]
    public void Redaction_keeps_four_characters_of_every_secret_shape()
    {
        // Fresh values: other tests register theirs with the log's masker, which hides them whole.
        var (password, secret, token) = (Random(18), Random(48), "npm" + "_7" + Random(27));
        var line = $"url=postgres://app:{password}@db/x JWT_SECRET={secret} token {token}";

        var redacted = Redactor.RedactLine(line);

        Assert.DoesNotContain(password, redacted);
        Assert.DoesNotContain(secret, redacted);
        Assert.DoesNotContain(token, redacted);
        Assert.Contains(password[..4] + "****", redacted);
    }
}
