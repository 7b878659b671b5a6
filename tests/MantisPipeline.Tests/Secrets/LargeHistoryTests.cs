using System.Text;
using MantisPipeline.Findings;
using MantisPipeline.Secrets;
using Xunit.Abstractions;

namespace MantisPipeline.Tests.Secrets;

/// <summary>A generated history of thousands of commits: each commit and blob counted once, the secret found.</summary>
public sealed class LargeHistoryTests(ITestOutputHelper output) : IDisposable
{
    private const int CommitCount = 3000;
    private const int SecretCommit = 1500;

    private readonly TempGitRepository _repository = new();

    [Fact]
    public async Task Scans_a_long_history_once_per_blob_and_finds_the_deleted_secret()
    {
        var token = PlantedSecrets.GitHubToken();
        _repository.RunWithInput(FastImportStream(token), "fast-import", "--quiet");
        _repository.Git("reset", "-q", "--hard", "main");
        var revisions = _repository.Git("rev-list", "--reverse", "main").Split('\n');

        var result = await SecretScanner.Create().ScanAsync(_repository.Root);
        output.WriteLine(result.Summary);

        Assert.Equal(CommitCount, result.Commits);
        Assert.Equal(CommitCount + 1, result.UniqueBlobs);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(revisions[SecretCommit], finding.Commit);
        Assert.Equal(Presence.Deleted, finding.Presence);
        Assert.Equal("config/.env", finding.Path);
    }

    public void Dispose() => _repository.Dispose();

    // Each commit rewrites one of 200 files with new content; one commit adds a secret and
    // the next deletes it.
    private static string FastImportStream(string token)
    {
        var filler = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog.\n", 45));
        var stream = new StringBuilder();
        for (var i = 0; i < CommitCount; i++)
        {
            var time = 1_700_000_000 + (i * 60);
            stream.Append("commit refs/heads/main\n");
            stream.Append($"author Dev <dev@example.invalid> {time} +0000\n");
            stream.Append($"committer Dev <dev@example.invalid> {time} +0000\n");
            AppendData(stream, $"Commit {i}");
            stream.Append($"M 100644 inline src/m{i % 40}/f{i % 5}.txt\n");
            AppendData(stream, $"// revision {i}\n{filler}");
            if (i == SecretCommit)
            {
                stream.Append("M 100644 inline config/.env\n");
                AppendData(stream, $"GITHUB_TOKEN={token}\n");
            }
            else if (i == SecretCommit + 1)
            {
                stream.Append("D config/.env\n");
            }

            stream.Append('\n');
        }

        return stream.ToString();
    }

    private static void AppendData(StringBuilder stream, string text)
    {
        stream.Append($"data {Encoding.UTF8.GetByteCount(text)}\n{text}\n");
    }
}
