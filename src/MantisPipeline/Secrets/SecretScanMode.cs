namespace MantisPipeline.Secrets;

/// <summary>Which part of a repository a secret scan reads.</summary>
public enum SecretScanScope
{
    /// <summary>Every blob reachable from every ref, stash and note, and uncommitted tracked files.</summary>
    History,

    /// <summary>The commits on HEAD that a revision does not hold: a pull request or a push.</summary>
    Since,

    /// <summary>The changes staged in the index: what the next commit would add (a pre-commit hook).</summary>
    Staged,
}

/// <summary>A scan scope with its revision, for <see cref="SecretScanScope.Since"/>.</summary>
public sealed record SecretScanMode(SecretScanScope Scope, string? Revision = null)
{
    public static SecretScanMode History() => new(SecretScanScope.History);

    public static SecretScanMode Since(string revision) => new(SecretScanScope.Since, revision);

    public static SecretScanMode Staged() => new(SecretScanScope.Staged);

    public override string ToString() => Scope switch
    {
        SecretScanScope.Since => $"the commits since '{Revision}'",
        SecretScanScope.Staged => "the staged changes",
        _ => "every ref's history and the tracked files",
    };
}
