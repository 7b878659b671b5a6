using System.Diagnostics;
using System.Globalization;
using LibGit2Sharp;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Secrets.Detection;
using MantisPipeline.Secrets.History;
using MantisPipeline.Secrets.Rules;

namespace MantisPipeline.Secrets;

/// <summary>
/// Finds leaked secrets in a repository's tracked files and its whole history, reporting each
/// distinct secret once, redacted, with the commit that introduced it.
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
        Log.Information($"Scanning '{repositoryPath}' for secrets with {_rules.Rules.Count} rules: " +
            "every ref's history and the tracked files.");

        var inventory = new HistoryWalker(repository).Walk(ct);
        if (_options.IncludeWorkingTree)
        {
            WorkingTreeFiles.Add(repository, inventory);
        }

        Log.Debug(string.Create(CultureInfo.InvariantCulture,
            $"Found {inventory.Commits:N0} commits and {inventory.Blobs.Count:N0} unique blobs " +
            $"on {inventory.Refs} refs."));

        var pass = new ScanPass(repository, new SecretDetector(_rules), _rules, _options.MaxBlobBytes);
        foreach (var blob in inventory.Blobs)
        {
            ct.ThrowIfCancellationRequested();
            pass.Scan(blob, inventory.PresentBlobs.Contains(blob.Id));
        }

        var result = pass.ToResult(inventory, stopwatch.Elapsed, IncompleteReason(repository, pass));
        Report(result);
        return result;
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

    private static string? IncompleteReason(Repository repository, ScanPass pass)
    {
        var reasons = new List<string>();
        if (repository.Info.IsShallow)
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

        Log.Information(result.Summary);
    }
}
