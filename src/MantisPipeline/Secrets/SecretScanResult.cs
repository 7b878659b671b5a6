using System.Globalization;
using MantisPipeline.Findings;
using MantisPipeline.Secrets.Baseline;

namespace MantisPipeline.Secrets;

/// <summary>
/// What a secret scan found and how much it read. Passed needs a complete scan with no
/// findings. Binary blobs are counted apart: only their printable strings are read.
/// </summary>
public sealed record SecretScanResult(
    IReadOnlyList<Finding> Findings,
    int Refs,
    int Commits,
    int UniqueBlobs,
    long BytesScanned,
    int BinaryBlobs,
    int LargeBlobsSkipped,
    TimeSpan Elapsed,
    string? IncompleteReason)
{
    /// <summary>Findings the baseline accepts: not failures, listed so that a report can show them.</summary>
    public IReadOnlyList<Finding> Accepted { get; init; } = [];

    /// <summary>Baseline entries that no finding matched in a whole-history scan.</summary>
    public IReadOnlyList<BaselineEntry> StaleBaselineEntries { get; init; } = [];

    public SecretScanMode Mode { get; init; } = SecretScanMode.History();

    public bool IsIncomplete => IncompleteReason is not null;

    /// <summary>An incomplete scan never passes: missing history may hold what it missed.</summary>
    public bool Passed => !IsIncomplete && Findings.Count == 0;

    /// <summary>Findings win over incompleteness: they are real whatever the scan missed.</summary>
    public int ExitCode => Findings.Count > 0
        ? SecretScanExitCode.SecretsFound
        : IsIncomplete ? SecretScanExitCode.ScanFailed : SecretScanExitCode.Clean;

    public string Summary
    {
        get
        {
            var culture = CultureInfo.InvariantCulture;
            var mebibytes = BytesScanned / (1024.0 * 1024.0);
            var noun = Findings.Count == 1 ? "finding" : "findings";
            var binaries = BinaryBlobs == 0 ? "" : string.Create(culture, $"; {BinaryBlobs:N0} binary");
            var summary = string.Create(culture,
                $"Scanned {Commits:N0} commits, {UniqueBlobs:N0} unique blobs ({mebibytes:0.0} MiB{binaries}) " +
                $"in {Elapsed.TotalSeconds:0.0} s: {Findings.Count:N0} {noun}");
            if (Accepted.Count > 0)
            {
                summary += string.Create(culture, $" ({Accepted.Count:N0} more accepted by the baseline)");
            }

            return IsIncomplete ? $"{summary}; incomplete: {IncompleteReason}" : summary;
        }
    }

    /// <summary>The result in the shared findings report shape, for the JSON writer.</summary>
    public FindingsReport ToReport()
    {
        var counts = new Dictionary<string, long>
        {
            ["refs"] = Refs,
            ["commits"] = Commits,
            ["uniqueBlobs"] = UniqueBlobs,
            ["bytesScanned"] = BytesScanned,
            ["binaryBlobs"] = BinaryBlobs,
            ["largeBlobsSkipped"] = LargeBlobsSkipped,
            ["acceptedByBaseline"] = Accepted.Count,
            ["staleBaselineEntries"] = StaleBaselineEntries.Count,
            ["elapsedMilliseconds"] = (long)Elapsed.TotalMilliseconds,
        };
        return new FindingsReport("secret-scan", Summary, Findings, counts, IncompleteReason);
    }
}
