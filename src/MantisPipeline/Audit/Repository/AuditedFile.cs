namespace MantisPipeline.Audit.Repository;

public enum FileOrigin
{
    /// <summary>Tracked by git now (or any file of a directory that is not a repository).</summary>
    Tracked,

    /// <summary>In the working tree, not tracked, and matched by .gitignore.</summary>
    Ignored,

    /// <summary>No longer tracked; its content is its last version in history.</summary>
    History,
}

public sealed record CommitInfo(string Sha, string Author, DateTimeOffset Date)
{
    public string ShortSha => Sha[..Math.Min(7, Sha.Length)];
}

/// <summary>One file the rules read: its path relative to the repository and its lines.</summary>
public sealed class AuditedFile
{
    private readonly HashSet<int> _inContainerLines = [];

    public AuditedFile(string path, string text, FileOrigin origin, CommitInfo? commit = null)
    {
        Path = path;
        Text = text;
        Lines = text.ReplaceLineEndings("\n").Split('\n');
        Origin = origin;
        Commit = commit;
        Kind = FileKinds.Of(path);
        IsTemplate = FileKinds.IsTemplate(path);
        IsTest = FileKinds.IsTest(path);
    }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public string Text { get; }

    public IReadOnlyList<string> Lines { get; }

    public FileKind Kind { get; }

    public FileOrigin Origin { get; }

    /// <summary>For a file from history: the last commit that held it.</summary>
    public CommitInfo? Commit { get; }

    public bool IsTemplate { get; }

    /// <summary>Test code and fixtures: they hold wrong configuration on purpose and never ship.</summary>
    public bool IsTest { get; }

    /// <summary>Tracked in the past, ignored now: only the rules about secrets read it.</summary>
    public bool IsLiveConfiguration => Origin != FileOrigin.History;

    /// <summary>
    /// Health checks run inside their own container, where localhost is right; lines of them
    /// are marked so that the address rules pass over them.
    /// </summary>
    public void MarkInContainer(int line) => _inContainerLines.Add(line);

    public bool IsInContainer(int line) => _inContainerLines.Contains(line);

    /// <summary>Lines as (1-based number, text).</summary>
    public IEnumerable<(int Number, string Text)> NumberedLines() =>
        Lines.Select((text, index) => (index + 1, text));
}
