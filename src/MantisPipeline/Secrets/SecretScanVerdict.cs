using MantisPipeline.Engine;
using MantisPipeline.Findings;

namespace MantisPipeline.Secrets;

/// <summary>
/// Turns a scan into what a person and a CI system read: the table, the JSON and SARIF
/// reports, GitHub annotations, and a failure that keeps "found secrets" (exit 1) apart
/// from "could not scan" (exit 3).
/// </summary>
public static class SecretScanVerdict
{
    public static async Task ReportAsync(
        SecretScanResult result, string repositoryRoot, string artifactsDirectory, CancellationToken ct)
    {
        var json = Path.Combine(artifactsDirectory, "secret-scan.json");
        var sarif = Path.Combine(artifactsDirectory, "secret-scan.sarif");
        await FindingsJsonReport.WriteAsync(json, result.ToReport(), ct);
        SarifReport.Write(result.Findings, repositoryRoot, sarif);

        if (result.Findings.Count > 0)
        {
            FindingsTable.Print(result.Findings);
            GitHubAnnotations.Write(result.Findings);
        }

        if (result.IsIncomplete)
        {
            throw new ScanIncompleteException(
                $"The secret scan is incomplete ({result.IncompleteReason}), so it cannot say the " +
                "repository is clean. Scan a full clone (git fetch --unshallow) and run it again.");
        }

        if (result.Findings.Count > 0)
        {
            throw new PipelineException(
                $"SecretScan found {result.Findings.Count} leaked credential(s). Rotate each one, " +
                "then follow the remedy of each finding; the reports are " +
                $"{json} and {sarif}. To accept a known one, run ./build.sh AcceptSecrets " +
                "--reason \"...\".");
        }
    }
}

/// <summary>A scan that could not read everything it should: no verdict, exit code 3.</summary>
public sealed class ScanIncompleteException(string message) : Exception(message), IExitCode
{
    public int ExitCode => ExitCodes.NoVerdict;
}
