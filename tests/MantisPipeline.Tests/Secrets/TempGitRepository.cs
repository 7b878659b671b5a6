using System.Diagnostics;
using System.Text;

namespace MantisPipeline.Tests.Secrets;

/// <summary>A git repository in a temp folder, driven through the git CLI, deleted on dispose.</summary>
public sealed class TempGitRepository : IDisposable
{
    private DateTimeOffset _clock = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public TempGitRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "mantis-secrets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Git("init", "-q", "-b", "main");
        Git("config", "user.name", "Tester");
        Git("config", "user.email", "tester@example.invalid");
        Git("config", "commit.gpgsign", "false");
    }

    public string Root { get; }

    public void Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    public void Write(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>Stages everything and commits as the given author, one hour after the previous commit.</summary>
    public string Commit(string message, string author = "Tester")
    {
        _clock = _clock.AddHours(1);
        var date = _clock.ToString("yyyy-MM-ddTHH:mm:ssK");
        Git("add", "-A");
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = author,
            ["GIT_AUTHOR_EMAIL"] = author.ToLowerInvariant() + "@example.invalid",
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_DATE"] = date,
        };
        Run(environment, "commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public string Git(params string[] arguments) => Run(new Dictionary<string, string>(), arguments);

    public string RunWithInput(string input, params string[] arguments)
    {
        return Run(new Dictionary<string, string>(), arguments, input);
    }

    public string Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        return Run(environment, arguments, "");
    }

    private string Run(IReadOnlyDictionary<string, string> environment, string[] arguments, string input)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        }

        return output.Result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
