namespace MantisPipeline.Database;

/// <summary>One migration applied by this run.</summary>
public sealed record AppliedMigration(
    long Version,
    string Name,
    string FileName,
    bool RanInTransaction,
    TimeSpan Duration);

/// <summary>What a migration run did: the migrations it applied and those applied earlier.</summary>
public sealed record MigrationReport(
    IReadOnlyList<AppliedMigration> Applied,
    IReadOnlyList<Migration> Skipped,
    TimeSpan LockWait,
    TimeSpan Duration)
{
    public bool UpToDate => Applied.Count == 0;
}
