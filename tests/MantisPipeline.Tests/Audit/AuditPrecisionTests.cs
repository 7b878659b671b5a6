using MantisPipeline.Audit;
using MantisPipeline.Findings;
using Xunit.Abstractions;

namespace MantisPipeline.Tests.Audit;

/// <summary>Measures precision and recall of the audit on labeled fixtures of every kind the issue names.</summary>
public sealed class AuditPrecisionTests(ITestOutputHelper output)
{
    internal static AuditContext Production => new()
    {
        EnvironmentName = "production",
        IsLocal = false,
        AppRunsInContainer = true,
        FailAt = Severity.High,
        Today = new DateOnly(2025, 6, 1),
    };

    [Fact]
    public async Task Audit_on_labeled_fixtures_finds_every_expected_mistake_and_nothing_else()
    {
        var found = 0;
        var truePositives = 0;
        var expectedTotal = 0;
        var problems = new List<string>();

        foreach (var create in new Func<LabeledFixture>[] { ReviewApp.Create, CleanApp.Create, VarietyApp.Create })
        {
            using var fixture = create();
            var auditor = new ConfigAuditor(new AuditOptions());
            var result = await auditor.AuditAsync(fixture.Repository.Root, Production, default);
            var actual = result.Findings.Select(f => (f.RuleId, f.Path, f.Line)).ToHashSet();
            var expected = fixture.ExpectedPlaces();

            found += actual.Count;
            expectedTotal += expected.Count;
            truePositives += actual.Intersect(expected).Count();
            problems.AddRange(actual.Except(expected).Select(a => $"{fixture.Name}: unexpected {a}"));
            problems.AddRange(expected.Except(actual).Select(e => $"{fixture.Name}: missed {e}"));
        }

        var precision = (double)truePositives / found;
        var recall = (double)truePositives / expectedTotal;
        output.WriteLine($"findings {found}, expected {expectedTotal}, true positives {truePositives}");
        output.WriteLine($"precision {precision:P1}, recall {recall:P1}");
        problems.ForEach(output.WriteLine);

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Review_app_fails_production_and_passes_local()
    {
        using var fixture = ReviewApp.Create();
        var auditor = new ConfigAuditor(new AuditOptions());

        var production = await auditor.AuditAsync(fixture.Repository.Root, Production, default);
        var localContext = Production with { EnvironmentName = "local", IsLocal = true, FailAt = null };
        var local = await auditor.AuditAsync(fixture.Repository.Root, localContext, default);

        Assert.True(production.Failed);
        Assert.False(local.Failed);
        Assert.NotEmpty(local.Findings);
        Assert.DoesNotContain(local.Findings, f => f.RuleId == "audit/redis-password");
    }
}
