namespace MantisPipeline.Database;

/// <summary>The limits a migration run works within.</summary>
public sealed record MigrationOptions
{
    /// <summary>The longest one statement of a migration may run (statement_timeout).</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest a statement waits for a table lock (lock_timeout).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest a run waits for another migration run to finish.</summary>
    public TimeSpan RunLockWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Who the schema history names as having applied the migrations.</summary>
    public string AppliedBy { get; init; } = Environment.UserName;
}
