using LibGit2Sharp;
using GitRepository = LibGit2Sharp.Repository;

namespace MantisPipeline.Audit.Repository;

/// <summary>
/// The files of a checkout as the rules see them: tracked files from the working tree,
/// ignored env files beside them, and sensitive files that only history still holds.
/// </summary>
public sealed class RepositorySnapshot
{
    private static readonly HashSet<string> SkippedDirectories =
    [
        ".git", "node_modules", ".next", "dist", "build", "out", "bin", "obj", "vendor",
        "coverage", ".venv", "__pycache__", ".turbo",
    ];

    private static readonly HashSet<string> SkippedFiles =
    [
        "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "packages.lock.json", "poetry.lock",
        "Cargo.lock", "go.sum", "composer.lock", "Gemfile.lock",
    ];

    private RepositorySnapshot(
        string root,
        bool isGitRepository,
        IReadOnlyList<AuditedFile> files,
        IReadOnlySet<string> trackedPaths,
        IReadOnlySet<string> ignoredTrackedPaths,
        IReadOnlyDictionary<string, CommitInfo> formerlyTracked)
    {
        FormerlyTracked = formerlyTracked;
        Root = root;
        IsGitRepository = isGitRepository;
        Files = files;
        TrackedPaths = trackedPaths;
        IgnoredTrackedPaths = ignoredTrackedPaths;
    }

    public string Root { get; }

    public bool IsGitRepository { get; }

    public IReadOnlyList<AuditedFile> Files { get; }

    public IReadOnlySet<string> TrackedPaths { get; }

    /// <summary>Tracked files that .gitignore lists: ignoring them came too late.</summary>
    public IReadOnlySet<string> IgnoredTrackedPaths { get; }

    /// <summary>Sensitive files tracked in the past and not now, with the last commit that held each.</summary>
    public IReadOnlyDictionary<string, CommitInfo> FormerlyTracked { get; }

    public static RepositorySnapshot Load(string root, AuditOptions options, CancellationToken ct)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new PipelineException(
                $"The repository to audit, '{root}', does not exist. Pass the path of the " +
                "application's checkout.");
        }

        return GitRepository.IsValid(full) ? FromGit(full, options, ct) : FromDirectory(full, options);
    }

    private static RepositorySnapshot FromGit(string root, AuditOptions options, CancellationToken ct)
    {
        using var repository = new GitRepository(root);
        var tracked = repository.Index.Select(e => e.Path.Replace('\\', '/')).ToHashSet();
        var files = new List<AuditedFile>();

        foreach (var path in tracked.Where(p => Included(p, options)).Order(StringComparer.Ordinal))
        {
            if (ReadWorkingFile(root, path, options) is { } text)
            {
                files.Add(new AuditedFile(path, text, FileOrigin.Tracked));
            }
        }

        var ignoredTracked = tracked.Where(repository.Ignore.IsPathIgnored).ToHashSet();
        var present = files.Select(f => f.Path).ToHashSet();

        foreach (var path in IgnoredEnvFiles(root, repository, tracked))
        {
            if (ReadWorkingFile(root, path, options) is { } text)
            {
                files.Add(new AuditedFile(path, text, FileOrigin.Ignored));
                present.Add(path);
            }
        }

        var history = new HistoryWalk(repository, options.MaxHistoryCommits, ct);
        var pastFiles = history.SensitiveFilesNoLongerTracked(tracked);
        foreach (var past in pastFiles)
        {
            if (present.Contains(past.Path) || Included(past.Path, options) is false)
            {
                continue;
            }

            if (Decode(past.Content, options) is { } text)
            {
                files.Add(new AuditedFile(past.Path, text, FileOrigin.History, past.Commit));
            }
        }

        var formerly = pastFiles.ToDictionary(p => p.Path, p => p.Commit, StringComparer.Ordinal);
        return new RepositorySnapshot(root, true, files, tracked, ignoredTracked, formerly);
    }

    private static RepositorySnapshot FromDirectory(string root, AuditOptions options)
    {
        var files = new List<AuditedFile>();
        foreach (var path in Walk(root).Where(p => Included(p, options)).Order(StringComparer.Ordinal))
        {
            if (ReadWorkingFile(root, path, options) is { } text)
            {
                files.Add(new AuditedFile(path, text, FileOrigin.Tracked));
            }
        }

        var paths = files.Select(f => f.Path).ToHashSet();
        return new RepositorySnapshot(
            root, false, files, paths, new HashSet<string>(), new Dictionary<string, CommitInfo>());
    }

    private static IEnumerable<string> IgnoredEnvFiles(
        string root, GitRepository repository, IReadOnlySet<string> tracked) =>
        Walk(root)
            .Where(p => SensitivePaths.IsEnvFile(Path.GetFileName(p)))
            .Where(p => !tracked.Contains(p) && repository.Ignore.IsPathIgnored(p));

    private static IEnumerable<string> Walk(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(directory))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(sub))
                    && !File.GetAttributes(sub).HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                yield return Path.GetRelativePath(root, file).Replace('\\', '/');
            }
        }
    }

    private static bool Included(string path, AuditOptions options)
    {
        var segments = path.Split('/');
        if (segments[..^1].Any(SkippedDirectories.Contains) || SkippedFiles.Contains(segments[^1]))
        {
            return false;
        }

        return !options.ExcludedPaths.Any(p => path.StartsWith(p, StringComparison.Ordinal))
            && !path.EndsWith(".min.js", StringComparison.Ordinal);
    }

    private static string? ReadWorkingFile(string root, string path, AuditOptions options)
    {
        var full = Path.Combine(root, path);
        var info = new FileInfo(full);
        if (!info.Exists || info.Length > options.MaxFileBytes)
        {
            return null;
        }

        return Decode(File.ReadAllBytes(full), options);
    }

    private static string? Decode(byte[] content, AuditOptions options)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 8000));
        if (content.Length > options.MaxFileBytes || head.Contains((byte)0))
        {
            return null;
        }

        return System.Text.Encoding.UTF8.GetString(content);
    }
}
