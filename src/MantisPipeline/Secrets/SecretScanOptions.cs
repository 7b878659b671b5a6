namespace MantisPipeline.Secrets;

public sealed record SecretScanOptions
{
    /// <summary>A YAML rule file that adds, replaces or turns off rules by id; null for the defaults only.</summary>
    public string? RuleFile { get; init; }

    /// <summary>Whole history (the default), the commits since a revision, or the staged changes.</summary>
    public SecretScanMode Mode { get; init; } = SecretScanMode.History();

    /// <summary>The baseline file, relative to the repository root; <c>.secrets-baseline.json</c> by default.</summary>
    public string? BaselineFile { get; init; }

    /// <summary>Whether uncommitted changes to tracked files are scanned too.</summary>
    public bool IncludeWorkingTree { get; init; } = true;

    /// <summary>Larger files are skipped, counted and named in a warning.</summary>
    public long MaxBlobBytes { get; init; } = 32L * 1024 * 1024;
}
