using System.Text.Json;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Findings;
using MantisPipeline.Secrets;
using Xunit.Abstractions;

namespace MantisPipeline.Tests.Secrets;

[CollectionDefinition(nameof(LogCapture), DisableParallelization = true)]
public sealed class LogCapture;

/// <summary>What a user reads: the table, the JSON report and the log, none of which may hold a secret.</summary>
[Collection(nameof(LogCapture))]
public sealed class FindingsReportTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempGitRepository _repository = new();
    private readonly List<string> _secrets = [];

    [Fact]
    public async Task Table_json_sarif_annotations_and_log_show_findings_without_any_secret()
    {
        PlantSecrets();
        var (result, log) = await ScanCapturingLog();
        var table = FindingsTable.Render(result.Findings);
        var jsonPath = Path.Combine(_repository.Root, "artifacts", "secret-scan.json");
        await FindingsJsonReport.WriteAsync(jsonPath, result.ToReport());
        var json = await File.ReadAllTextAsync(jsonPath);
        var sarifPath = Path.Combine(_repository.Root, "artifacts", "secret-scan.sarif");
        SarifReport.Write(result.Findings, _repository.Root, sarifPath);
        var sarif = await File.ReadAllTextAsync(sarifPath);
        var annotations = new List<string>();
        GitHubAnnotations.Write(result.Findings, annotations.Add);
        output.WriteLine(table);

        Assert.Contains("database-url-password", table);
        Assert.Contains("weak-secret", table);
        Assert.Contains(".env.local:1", table);
        Assert.Contains("deleted", table);
        Assert.Contains("at HEAD", table);
        Assert.Contains("Alice", table);
        Assert.Contains("dictionary-like words", table);
        Assert.Contains("Scanned 3 commits, ", log);
        Assert.Contains(": 4 findings", log);
        Assert.Contains("\"partialFingerprints\"", sarif);
        Assert.Contains("\"uri\": \".env.local\"", sarif);
        Assert.Equal(4, annotations.Count);
        foreach (var text in new[] { table, json, log, sarif, string.Join('\n', annotations) })
        {
            AssertHoldsNoSecret(text);
        }
    }

    [Fact]
    public async Task Json_report_lists_findings_counts_and_completeness()
    {
        PlantSecrets();
        var (result, _) = await ScanCapturingLog();

        using var json = JsonDocument.Parse(FindingsJsonReport.Serialize(result.ToReport()));
        var root = json.RootElement;

        Assert.Equal("secret-scan", root.GetProperty("scan").GetString());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal(3, root.GetProperty("counts").GetProperty("commits").GetInt64());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(4, findings.Count);
        var key = findings.Single(f => f.GetProperty("ruleId").GetString() == "private-key");
        Assert.Equal("atHead", key.GetProperty("presence").GetString());
        Assert.Equal("critical", key.GetProperty("severity").GetString());
        Assert.StartsWith("private-key:", key.GetProperty("fingerprint").GetString());
        Assert.Equal(64 + "private-key:".Length, key.GetProperty("fingerprint").GetString()!.Length);
    }

    [Fact]
    public void An_empty_list_renders_as_no_findings()
    {
        Assert.Equal("No findings.", FindingsTable.Render([]));
    }

    public void Dispose() => _repository.Dispose();

    private void PlantSecrets()
    {
        var password = Keep(PlantedSecrets.DatabasePassword());
        var jwt = Keep(PlantedSecrets.ReadableJwtSecret());
        _repository.Write(".env.local", $"DATABASE_URL=mysql://root:{password}@10.1.2.3/shop\nJWT_SECRET={jwt}\n");
        _repository.Commit("Add settings", "Alice");
        File.Delete(Path.Combine(_repository.Root, ".env.local"));
        _repository.Commit("Remove settings", "Alice");

        _repository.Write("deploy/id_rsa", Keep(PlantedSecrets.PrivateKeyBlock()));
        _repository.Write("deploy/neon.env", $"NEON_API_KEY={Keep(PlantedSecrets.NeonKey())}\n");
        _repository.Commit("Add deploy keys", "Bob");
    }

    private string Keep(string secret)
    {
        _secrets.Add(secret);
        return secret;
    }

    private async Task<(SecretScanResult Result, string Log)> ScanCapturingLog()
    {
        var previous = Log.Out;
        var capture = new StringWriter();
        Log.Out = capture;
        try
        {
            var result = await SecretScanner.Create().ScanAsync(_repository.Root);
            FindingsTable.Print(result.Findings);
            return (result, capture.ToString());
        }
        finally
        {
            Log.Out = previous;
        }
    }

    // Evidence shows at most four characters, so five in a row would be a leak.
    private void AssertHoldsNoSecret(string text)
    {
        foreach (var secret in _secrets)
        {
            var lines = secret.Split('\n').Where(line => line.Length >= 5 && !line.StartsWith("-----"));
            foreach (var line in lines)
            {
                Assert.DoesNotContain(line[..5], text);
            }
        }
    }
}
