using MantisPipeline.Engine.Logging;
using MantisPipeline.Tools;

namespace MantisPipeline.App;

/// <summary>
/// The app being deployed: a .NET web project with its own test project and a Dockerfile
/// that takes its base image as a build argument.
/// </summary>
public sealed class AppProject(string appDirectory)
{
    public string Directory { get; } = Path.GetFullPath(appDirectory);

    public string Dockerfile => Path.Combine(Directory, "Dockerfile");

    public string WebProject => Single("*.csproj", "DemoApp");

    public string TestProject => Single("*.csproj", "DemoApp.Tests");

    /// <summary>Runs the app's own tests and keeps their results as a TRX file.</summary>
    public async Task<string> TestAsync(string resultsDirectory, CancellationToken ct)
    {
        var trx = Path.Combine(Path.GetFullPath(resultsDirectory), "app-tests.trx");
        System.IO.Directory.CreateDirectory(resultsDirectory);
        File.Delete(trx);

        var result = await ProcessRunner.RunAsync("dotnet",
            ["test", TestProject, "--nologo", "-v", "q",
             "--logger", "trx;LogFileName=app-tests.trx", "--results-directory", Path.GetDirectoryName(trx)!],
            ct);

        if (result.ExitCode != 0)
        {
            throw new PipelineException(
                $"The app's tests failed (dotnet test exited with {result.ExitCode}); the results " +
                $"are in {trx}. Fix the failing tests before deploying.");
        }

        Log.Information($"The app's tests passed; results kept in {trx}");
        return trx;
    }

    /// <summary>Publishes the app framework-dependent, ready to copy into its image.</summary>
    public async Task<string> PublishAsync(string outputDirectory, CancellationToken ct)
    {
        var output = Path.GetFullPath(outputDirectory);
        if (System.IO.Directory.Exists(output))
        {
            System.IO.Directory.Delete(output, recursive: true);
        }

        Log.Information($"Publishing {Path.GetFileName(WebProject)} to {output}");
        await ProcessRunner.RunCheckedAsync("dotnet",
            ["publish", WebProject, "-c", "Release", "-o", output, "--nologo", "-v", "q"], ct);
        return output;
    }

    private string Single(string pattern, string folder)
    {
        var path = Path.Combine(Directory, folder);
        var files = System.IO.Directory.Exists(path) ? System.IO.Directory.GetFiles(path, pattern) : [];
        return files.Length == 1
            ? files[0]
            : throw new PipelineException(
                $"Expected one project in {path}, found {files.Length}. Point --app-dir at the " +
                "folder holding the app's web project and its test project.");
    }
}
