using System.Linq.Expressions;

namespace MantisPipeline.Engine.Tests;

public sealed record BuildResult(int ExitCode, string Output);

/// <summary>Runs a build in-process with its own arguments, environment, folder and output.</summary>
internal static class BuildHarness
{
    public static BuildResult Run<T>(
        T build,
        Expression<Func<T, Target>> defaultTarget,
        string[] arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
        where T : PipelineBuild
    {
        using var scratch = workingDirectory == null ? new TempFolder() : null;
        var output = new StringWriter();
        var options = new RunOptions
        {
            Arguments = arguments,
            Output = output,
            WorkingDirectory = workingDirectory ?? scratch!.Path,
            EnvironmentVariable = name => environment?.GetValueOrDefault(name),
        };

        var exitCode = PipelineBuild.Execute(build, defaultTarget, options);
        return new BuildResult(exitCode, output.ToString());
    }
}

/// <summary>A temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(bool withNukeFolder = false)
    {
        Path = Directory.CreateTempSubdirectory("mantis-engine-").FullName;
        if (withNukeFolder)
        {
            Directory.CreateDirectory(NukeFolder);
        }
    }

    public string Path { get; }

    public string NukeFolder => System.IO.Path.Combine(Path, ".nuke");

    public void WriteNukeFile(string name, string content)
    {
        Directory.CreateDirectory(NukeFolder);
        File.WriteAllText(System.IO.Path.Combine(NukeFolder, name), content);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
