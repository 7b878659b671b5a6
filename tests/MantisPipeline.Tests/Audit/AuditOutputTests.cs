using System.Text.Json;
using MantisPipeline.Audit;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Findings;
using static MantisPipeline.Tests.Audit.FixtureValues;

namespace MantisPipeline.Tests.Audit;

/// <summary>The table, JSON, SARIF and annotations a user sees, and that none of them leaks a secret.</summary>
[Collection("Log")]
public sealed class AuditOutputTests : IDisposable
{
    private readonly string _artifacts =
        Path.Combine(Path.GetTempPath(), "mantis-audit-out-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Every_output_redacts_the_planted_secrets()
    {
        using var fixture = ReviewApp.Create();
        var databaseUrl = $"postgres://app:{DatabasePassword}@{OtherIp}:5432/app";
        var context = AuditPrecisionTests.Production with { DatabaseUrl = databaseUrl };
        var result = await new ConfigAuditor().AuditAsync(fixture.Repository.Root, context, default);

        var console = Capture(() => AuditReport.Write(result));
        var annotations = new List<string>();
        GitHubAnnotations.Write(result.Findings, annotations.Add);
        AuditReport.WriteJson(result, Path.Combine(_artifacts, "audit.json"));
        SarifReport.Write(result.Findings, fixture.Repository.Root, Path.Combine(_artifacts, "audit.sarif"));

        var everything = string.Join('\n', console, string.Join('\n', annotations),
            File.ReadAllText(Path.Combine(_artifacts, "audit.json")),
            File.ReadAllText(Path.Combine(_artifacts, "audit.sarif")));
        foreach (var secret in new[] { DatabasePassword, WordySecret, LongWordySecret, databaseUrl, "keyboard-cat" })
        {
            Assert.DoesNotContain(secret, everything);
        }

        Assert.Contains(WordySecret[..4] + "****", everything);
    }

    [Fact]
    public async Task Sarif_has_relative_uris_unique_rules_and_fingerprints()
    {
        using var fixture = ReviewApp.Create();
        var result = await new ConfigAuditor()
            .AuditAsync(fixture.Repository.Root, AuditPrecisionTests.Production, default);
        var path = Path.Combine(_artifacts, "audit.sarif");

        SarifReport.Write(result.Findings, fixture.Repository.Root, path);

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var run = document.RootElement.GetProperty("runs")[0];
        var ruleIds = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        Assert.Equal(ruleIds.Count, ruleIds.Distinct().Count());
        Assert.Equal(result.Findings.Count, results.Count);
        foreach (var item in results)
        {
            var uri = item.GetProperty("locations")[0].GetProperty("physicalLocation")
                .GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.False(Path.IsPathRooted(uri) || uri.Contains('\\'), uri);
            Assert.Equal(ruleIds[item.GetProperty("ruleIndex").GetInt32()], item.GetProperty("ruleId").GetString());
            var fingerprint = item.GetProperty("partialFingerprints").GetProperty("mantisFingerprint/v1");
            Assert.False(string.IsNullOrEmpty(fingerprint.GetString()));
        }
    }

    [Fact]
    public void Annotation_names_file_and_line_and_escapes_its_properties()
    {
        var finding = new Finding("audit/weak-secret", "Weak secret", Severity.High, "config/a,b.env", 7,
            "JWT_****", "abc", "Generate one.") { Message = "JWT_SECRET is short:\nfix it 100%." };

        var line = GitHubAnnotations.Format(finding);

        Assert.Equal(
            "::error file=config/a%2Cb.env,line=7,title=Weak secret (audit/weak-secret)::" +
            "JWT_SECRET is short:%0Afix it 100%25. Fix: Generate one.",
            line);
    }

    [Fact]
    public async Task Table_groups_findings_by_rule_with_counts_and_json_carries_them()
    {
        using var fixture = ReviewApp.Create();
        var result = await new ConfigAuditor()
            .AuditAsync(fixture.Repository.Root, AuditPrecisionTests.Production, default);

        var table = AuditReport.FormatTable(result);
        var jsonPath = Path.Combine(_artifacts, "audit.json");
        AuditReport.WriteJson(result, jsonPath);
        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));

        Assert.Contains(table, l => l.StartsWith("audit/hard-coded-address") && l.Contains("  6  "));
        Assert.Contains(table, l => l.StartsWith("audit/pool-limits") && l.Contains("  7  "));
        Assert.Equal(6, json.RootElement.GetProperty("counts").GetProperty("audit/hard-coded-address").GetInt32());
        Assert.True(json.RootElement.GetProperty("failed").GetBoolean());
    }

    private static string Capture(Action write)
    {
        var previous = Log.Out;
        var writer = new StringWriter();
        Log.Out = writer;
        try
        {
            write();
        }
        finally
        {
            Log.Out = previous;
        }

        return writer.ToString();
    }

    public void Dispose()
    {
        if (Directory.Exists(_artifacts))
        {
            Directory.Delete(_artifacts, recursive: true);
        }
    }
}
