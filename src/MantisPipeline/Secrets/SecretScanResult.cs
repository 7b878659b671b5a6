using System.Globalization;
using MantisPipeline.Findings;

namespace MantisPipeline.Secrets;

/// <summary>What a secret scan found and how much it read. Passed needs a complete scan with no findings.</summary>
public sealed record SecretScanResult(
    IReadOnlyList<Finding> Findings,
    int Refs,
    int Commits,
    int UniqueBlobs,
    long BytesScanned,
    int BinariesSkipped,
    int LargeBlobsSkipped,
    TimeSpan Elapsed,
    string? IncompleteReason)
{
    public bool IsIncomplete => IncompleteReason is not null;

    /// <summary>An incomplete scan never passes: missing history may hold what it missed.</summary>
    public bool Passed => !IsIncomplete && Findings.Count == 0;

    public string Summary
    {
        get
        {
            var culture = CultureInfo.InvariantCulture;
            var mebibytes = BytesScanned / (1024.0 * 1024.0);
            var noun = Findings.Count == 1 ? "finding" : "findings";
            var summary = string.Create(culture,
                $"Scanned {Commits:N0} commits, {UniqueBlobs:N0} unique blobs ({mebibytes:0.0} MiB) " +
                $"in {Elapsed.TotalSeconds:0.0} s: {Findings.Count:N0} {noun}");
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
            ["binariesSkipped"] = BinariesSkipped,
            ["largeBlobsSkipped"] = LargeBlobsSkipped,
            ["elapsedMilliseconds"] = (long)Elapsed.TotalMilliseconds,
        };
        return new FindingsReport("secret-scan", Summary, Findings, counts, IncompleteReason);
    }
}
