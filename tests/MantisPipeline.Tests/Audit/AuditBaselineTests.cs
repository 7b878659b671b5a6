using MantisPipeline.Audit;
using static MantisPipeline.Tests.Audit.FixtureValues;

namespace MantisPipeline.Tests.Audit;

/// <summary>Accepted findings need a reason and an expiry; an expired acceptance fails again.</summary>
public sealed class AuditBaselineTests
{
    [Fact]
    public async Task Accepted_finding_passes_until_it_expires_and_unknown_entries_are_stale()
    {
        using var repo = new FixtureRepository();
        repo.Write("docs/legacy.md", $"The old server was {LegacyIp}.\n").Commit("docs");
        var auditor = new ConfigAuditor();
        var context = AuditPrecisionTests.Production with { FailAt = MantisPipeline.Findings.Severity.Low };
        var first = await auditor.AuditAsync(repo.Root, context, default);
        var fingerprint = Assert.Single(first.Findings).Fingerprint;

        repo.Write("audit-baseline.yml", string.Join('\n',
            "accepted:",
            $"  - fingerprint: {fingerprint}",
            "    rule: audit/hard-coded-address",
            "    reason: The page records the old server's address for the migration history.",
            "    expires: 2025-12-31",
            "  - fingerprint: 0000000000",
            "    reason: Gone.",
            "    expires: 2025-12-31",
            ""));
        var baseline = Path.Combine(repo.Root, "audit-baseline.yml");

        var accepted = await auditor.AuditAsync(repo.Root, context with { BaselinePath = baseline }, default);
        var expired = await auditor.AuditAsync(
            repo.Root, context with { BaselinePath = baseline, Today = new DateOnly(2026, 1, 1) }, default);

        Assert.Empty(accepted.Findings);
        Assert.Single(accepted.Accepted);
        Assert.False(accepted.Failed);
        Assert.Equal("0000000000", Assert.Single(accepted.Stale).Fingerprint);
        Assert.Single(expired.Findings);
        Assert.Single(expired.Expired);
        Assert.True(expired.Failed);
    }

    [Fact]
    public async Task Entry_without_a_reason_is_refused_with_the_fix()
    {
        using var repo = new FixtureRepository();
        repo.Write("audit-baseline.yml", "accepted:\n  - fingerprint: abc\n    expires: 2025-12-31\n")
            .Commit("baseline");
        var baseline = Path.Combine(repo.Root, "audit-baseline.yml");
        var context = AuditPrecisionTests.Production with { BaselinePath = baseline };

        var error = await Assert.ThrowsAsync<PipelineException>(
            () => new ConfigAuditor().AuditAsync(repo.Root, context, default));

        Assert.Contains("has no reason", error.Message);
        Assert.Contains("expires: YYYY-MM-DD", error.Message);
    }
}
