using LibGit2Sharp;

namespace MantisPipeline.Tests.Audit;

/// <summary>A small git repository in a temp directory, built commit by commit by a test.</summary>
internal sealed class FixtureRepository : IDisposable
{
    private static readonly Signature Author = new("Fixture", "fixture@example.com", DateTimeOffset.UnixEpoch);

    private readonly Repository _repository;

    public FixtureRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "mantis-audit-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Root);
        Repository.Init(Root);
        _repository = new Repository(Root);
    }

    public string Root { get; }

    public FixtureRepository Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public FixtureRepository Commit(string message)
    {
        Commands.Stage(_repository, "*");
        _repository.Commit(message, Author, Author, new CommitOptions { AllowEmptyCommit = true });
        return this;
    }

    /// <summary>git rm --cached: the file stays in the working tree, git forgets it.</summary>
    public FixtureRepository Untrack(string path)
    {
        _repository.Index.Remove(path);
        _repository.Index.Write();
        return this;
    }

    public FixtureRepository Delete(string path)
    {
        File.Delete(Path.Combine(Root, path));
        return this;
    }

    public string Text(string path) => File.ReadAllText(Path.Combine(Root, path));

    public void Dispose()
    {
        _repository.Dispose();
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Root, recursive: true);
    }
}
