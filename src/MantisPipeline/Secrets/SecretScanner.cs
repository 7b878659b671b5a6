using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LibGit2Sharp;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Findings;
using MantisPipeline.Secrets.Baseline;
using MantisPipeline.Secrets.Detection;
using MantisPipeline.Secrets.History;
using MantisPipeline.Secrets.Rules;

namespace MantisPipeline.Secrets;

/// <summary>
/// Finds leaked secrets in a repository's tracked files and its whole history (or the commits
/// since a revision, or the staged changes), reporting each distinct secret once, redacted,
/// with the commit that introduced it.
/// </summary>
public sealed class SecretScanner
{
    private readonly SecretScanOptions _options;
    private readonly RuleSet _rules;

    private SecretScanner(SecretScanOptions options, RuleSet rules)
    {
        _options = options;
        _rules = rules;
    }

    public IReadOnlyList<SecretRule> Rules => _rules.Rules;

    /// <summary>Loads and checks the rules now, so that a bad rule file fails before any scan.</summary>
    public static SecretScanner Create(SecretScanOptions? options = null)
    {
        options ??= new SecretScanOptions();
        return new SecretScanner(options, RuleSet.Load(options.RuleFile));
    }

    public Task<SecretScanResult> ScanAsync(string repositoryPath, CancellationToken ct = default)
    {
        return Task.Run(() => Scan(repositoryPath, ct), ct);
    }

    private SecretScanResult Scan(string repositoryPath, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        using var repository = Open(repositoryPath);
        var root = repository.Info.WorkingDirectory ?? repository.Info.Path;
        var baseline = SecretBaseline.Load(BaselinePath(root));
        Log.Information($"Scanning '{repositoryPath}' for secrets with {_rules.Rules.Count} rules: {_options.Mode}.");

        var inventory = Inventory(repository, root, ct);
        Log.Debug(string.Create(CultureInfo.InvariantCulture,
            $"Listed {inventory.Commits:N0} commits and {inventory.Blobs.Count:N0} unique blobs " +
            $"on {inventory.Refs} refs in {stopwatch.Elapsed.TotalSeconds:0.00} s."));

        var pass = new ScanPass(new SecretDetector(_rules), _rules, _options.MaxBlobBytes);
        var blobs = new BlobReader(root, _options.MaxBlobBytes).Read(inventory.Blobs, ct);
        var parallel = new ParallelOptions
        {
            CancellationToken = ct,
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };

        // No buffering: git unpacks the next blob while the workers scan, and memory holds only
        // the blobs being scanned.
        Parallel.ForEach(Partitioner.Create(blobs, EnumerablePartitionerOptions.NoBuffering), parallel, blob =>
        {
            pass.Scan(blob.Origin, blob.Bytes, blob.Size, inventory.PresentBlobs.Contains(blob.Origin.Id));
        });

        Log.Debug(string.Create(CultureInfo.InvariantCulture,
            $"Read and scanned the blobs by {stopwatch.Elapsed.TotalSeconds:0.00} s."));
        var findings = pass.Collector.ToFindings(sha => Describe(repository, sha));
        var judged = baseline.Judge(findings, complete: _options.Mode.Scope == SecretScanScope.History);
        var result = pass.ToResult(inventory, stopwatch.Elapsed, IncompleteReason(repository, pass)) with
        {
            Findings = judged.Findings,
            Accepted = judged.Accepted,
            StaleBaselineEntries = judged.Stale,
            Mode = _options.Mode,
        };
        Report(result);
        return result;
    }

    private string BaselinePath(string root)
    {
        var path = _options.BaselineFile ?? SecretBaseline.DefaultFileName;
        return Path.IsPathRooted(path) ? path : Path.Combine(root, path);
    }

    private HistoryInventory Inventory(Repository repository, string root, CancellationToken ct)
    {
        var mode = _options.Mode;
        if (mode.Scope == SecretScanScope.Staged)
        {
            var staged = new HistoryInventory { Refs = 0 };
            WorkingTreeFiles.AddStaged(repository, staged);
            return staged;
        }

        var walker = new HistoryWalker(repository, root);
        var inventory = mode.Scope == SecretScanScope.Since
            ? walker.WalkSince(ResolveBase(repository, mode.Revision!), ct)
            : walker.WalkAll(ct);
        if (_options.IncludeWorkingTree)
        {
            WorkingTreeFiles.AddUncommitted(repository, inventory);
        }

        return inventory;
    }

    private static string ResolveBase(Repository repository, string revision)
    {
        var commit = repository.Lookup(revision)?.Peel<Commit>();
        if (commit is null)
        {
            throw new PipelineException($"The revision '{revision}' given to scan the commits since it " +
                "is not in this repository. Fetch it first (in CI, check out with full history, for " +
                "example `fetch-depth: 0`), or pass a branch, tag or commit that exists.");
        }

        return commit.Sha;
    }

    private static (string Author, DateTimeOffset Date) Describe(Repository repository, string sha)
    {
        var commit = repository.Lookup<Commit>(sha);
        return commit is null ? ("unknown", DateTimeOffset.MinValue) : (commit.Author.Name, commit.Author.When);
    }

    private static Repository Open(string repositoryPath)
    {
        if (!Repository.IsValid(repositoryPath))
        {
            throw new PipelineException($"'{repositoryPath}' is not a git repository, so its history " +
                "cannot be scanned for secrets. Pass the folder that holds the repository's .git.");
        }

        return new Repository(repositoryPath);
    }

    private string? IncompleteReason(Repository repository, ScanPass pass)
    {
        var reasons = new List<string>();
        if (repository.Info.IsShallow && _options.Mode.Scope == SecretScanScope.History)
        {
            reasons.Add("the repository is a shallow clone, so older history was not scanned " +
                "(run `git fetch --unshallow`, or clone with full history in CI)");
        }

        reasons.AddRange(pass.Problems);
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private static void Report(SecretScanResult result)
    {
        if (result.IsIncomplete)
        {
            Log.Warning($"The secret scan is incomplete: {result.IncompleteReason}.");
        }

        foreach (var stale in result.StaleBaselineEntries)
        {
            Log.Warning($"The secrets baseline accepts '{stale.Fingerprint}' ({stale.Reason}), which " +
                "the scan no longer finds. Remove the entry from the baseline.");
        }

        Log.Information(result.Summary);
    }
}
