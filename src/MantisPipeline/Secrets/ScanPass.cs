using System.Globalization;
using LibGit2Sharp;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Secrets.Detection;
using MantisPipeline.Secrets.History;
using MantisPipeline.Secrets.Rules;
using MantisPipeline.Secrets.Text;

namespace MantisPipeline.Secrets;

/// <summary>The state of one scan: counts, problems and the findings collected so far.</summary>
internal sealed class ScanPass(Repository repository, SecretDetector detector, RuleSet rules, long maxBlobBytes)
{
    private readonly FindingCollector _collector = new();
    private readonly List<string> _timedOut = [];
    private int _missing;
    private long _bytes;
    private int _binaries;
    private int _large;

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

    public void Scan(BlobOrigin origin, bool present)
    {
        if (rules.IsPathAllowed(origin.Path))
        {
            return;
        }

        var bytes = Read(origin);
        if (bytes is null)
        {
            return;
        }

        var text = BlobText.Decode(bytes);
        if (text is null)
        {
            _binaries++;
            return;
        }

        _bytes += bytes.Length;
        var timedOutRules = new List<string>();
        foreach (var match in detector.Detect(text, origin.Path, timedOutRules))
        {
            _collector.Add(match, origin, present);
        }

        _timedOut.AddRange(timedOutRules.Select(rule => $"rule '{rule}' timed out on '{origin.Path}'"));
    }

    public SecretScanResult ToResult(HistoryInventory inventory, TimeSpan elapsed, string? incompleteReason)
    {
        return new SecretScanResult(
            _collector.ToFindings(), inventory.Refs, inventory.Commits, inventory.Blobs.Count,
            _bytes, _binaries, _large, elapsed, incompleteReason);
    }

    private byte[]? Read(BlobOrigin origin)
    {
        if (origin.WorkingTreeFile is not null)
        {
            return ReadLimited(new FileInfo(origin.WorkingTreeFile).Length, origin.Path,
                () => File.ReadAllBytes(origin.WorkingTreeFile));
        }

        var blob = repository.Lookup<Blob>(origin.Id);
        if (blob is null)
        {
            _missing++;
            return null;
        }

        return ReadLimited(blob.Size, origin.Path, () => ReadAll(blob));
    }

    private byte[]? ReadLimited(long size, string path, Func<byte[]> read)
    {
        if (size <= maxBlobBytes)
        {
            return read();
        }

        _large++;
        Log.Warning(string.Create(CultureInfo.InvariantCulture,
            $"Skipped '{path}' ({size:N0} bytes): larger than the secret scan's limit " +
            $"of {maxBlobBytes:N0} bytes."));
        return null;
    }

    private static byte[] ReadAll(Blob blob)
    {
        using var stream = blob.GetContentStream();
        var bytes = new byte[blob.Size];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
