using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Findings;

/// <summary>Prints findings as GitHub Actions workflow commands, so they appear on the changed lines.</summary>
public static class GitHubAnnotations
{
    public static bool IsGitHubActions =>
        string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes one annotation per finding when running in GitHub Actions; returns how many.</summary>
    public static int Write(IEnumerable<Finding> findings) =>
        IsGitHubActions ? Write(findings, Log.Information) : 0;

    public static int Write(IEnumerable<Finding> findings, Action<string> output)
    {
        var count = 0;
        foreach (var finding in findings)
        {
            output(SecretMasker.Apply(Format(finding)));
            count++;
        }

        return count;
    }

    public static string Format(Finding finding)
    {
        var command = finding.Severity switch
        {
            Severity.Critical or Severity.High => "error",
            Severity.Medium => "warning",
            _ => "notice",
        };

        var properties = $"file={Property(finding.Path)},line={Math.Max(1, finding.Line)}," +
            $"title={Property($"{finding.Title} ({finding.RuleId})")}";
        return $"::{command} {properties}::{Data($"{finding.Message ?? finding.Title} Fix: {finding.Remedy}")}";
    }

    private static string Data(string text) =>
        text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
