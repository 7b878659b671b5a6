using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;

namespace MantisPipeline.Audit.Rules;

/// <summary>What every rule reads: the repository's files, the environment, the limits.</summary>
public sealed class AuditInput
{
    private readonly Lazy<IReadOnlyList<Setting>> _settings;

    public AuditInput(RepositorySnapshot snapshot, AuditContext context, AuditOptions options)
    {
        Snapshot = snapshot;
        Context = context;
        Options = options;
        _settings = new(() => LiveFiles.SelectMany(Text.Settings.In).ToList());
    }

    public RepositorySnapshot Snapshot { get; }

    public AuditContext Context { get; }

    public AuditOptions Options { get; }

    /// <summary>Files the app runs with today: tracked, or ignored beside the checkout.</summary>
    public IEnumerable<AuditedFile> LiveFiles => Files.Where(f => f.IsLiveConfiguration);

    /// <summary>Every file the content rules read: test code only when the options ask for it.</summary>
    public IEnumerable<AuditedFile> Files => Snapshot.Files.Where(f => Options.IncludeTests || !f.IsTest);

    public IReadOnlyList<Setting> Settings => _settings.Value;

    /// <summary>Where findings about the environment's own URLs are placed.</summary>
    public AuditedFile EnvironmentFile
    {
        get
        {
            var path = Context.EnvironmentFile is { } file
                ? RelativeToRepository(file)
                : $"environment:{Context.EnvironmentName}";
            return new AuditedFile(path, "", FileOrigin.Tracked);
        }
    }

    private string RelativeToRepository(string file)
    {
        var full = Path.GetFullPath(file, Snapshot.Root);
        var relative = Path.GetRelativePath(Snapshot.Root, full).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }
}
