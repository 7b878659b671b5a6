using System.Globalization;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Secrets.Detection;
using MantisPipeline.Secrets.History;
using MantisPipeline.Secrets.Rules;
using MantisPipeline.Secrets.Text;

namespace MantisPipeline.Secrets;

/// <summary>
/// The state of one scan: counts, problems and the findings collected so far. Blobs are
/// scanned on several threads; only the recording of what each found is serialised.
/// </summary>
internal sealed class ScanPass(SecretDetector detector, RuleSet rules, long maxBlobBytes)
{
    private readonly Lock _gate = new();
    private readonly FindingCollector _collector = new();
    private readonly List<string> _timedOut = [];
    private int _missing;
    private long _bytes;
    private int _binaries;
    private int _large;

    public FindingCollector Collector => _collector;

    public IEnumerable<string> Problems
    {
        get
        {
            if (_missing > 0)
            {
                yield return $"{_missing} blobs are missing from the object database (a partial clone?)";
            }

            foreach (var problem in _timedOut.Distinct())
            {
                yield return problem;
            }
        }
    }

    public void Scan(BlobOrigin origin, byte[]? bytes, long size, bool present)
    {
        if (rules.IsPathAllowed(origin.Path))
        {
            return;
        }

        if (bytes is null)
        {
            lock (_gate)
            {
                CountUnread(origin, size);
            }

            return;
        }

        var text = BlobText.Decode(bytes);
        var timedOutRules = new List<string>();
        var matches = detector.Detect(text ?? BlobText.PrintableRuns(bytes), origin.Path, timedOutRules);
        lock (_gate)
        {
            Record(origin, present, text is null ? -1 : bytes.Length, matches, timedOutRules);
        }
    }

    public SecretScanResult ToResult(HistoryInventory inventory, TimeSpan elapsed, string? incompleteReason)
    {
        return new SecretScanResult(
            [], inventory.Refs, inventory.Commits, inventory.Blobs.Count,
            _bytes, _binaries, _large, elapsed, incompleteReason);
    }

    private void Record(
        BlobOrigin origin, bool present, long length, IReadOnlyList<SecretMatch> matches, List<string> timedOutRules)
    {
        if (length < 0)
        {
            _binaries++;
        }
        else
        {
            _bytes += length;
        }

        foreach (var match in matches)
        {
            _collector.Add(match, origin, present);
        }

        _timedOut.AddRange(timedOutRules.Select(rule => $"rule '{rule}' timed out on '{origin.Path}'"));
    }

    private void CountUnread(BlobOrigin origin, long size)
    {
        if (size < 0)
        {
            _missing++;
            return;
        }

        _large++;
        Log.Warning(string.Create(CultureInfo.InvariantCulture,
            $"Skipped '{origin.Path}' ({size:N0} bytes): larger than the secret scan's limit " +
            $"of {maxBlobBytes:N0} bytes."));
    }
}
