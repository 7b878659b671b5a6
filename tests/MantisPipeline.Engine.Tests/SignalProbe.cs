using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MantisPipeline.Engine.Tests;

/// <summary>
/// A small build compiled once into its own process, so that tests can send it real signals:
/// Deploy waits a minute for its token, and the assured Rollback takes half a second.
/// </summary>
public sealed class SignalProbe : IDisposable
{
    public const int SIGINT = 2;
    public const int SIGTERM = 15;

    private const string BuildSource = """
        using MantisPipeline.Engine;

        return PipelineBuild.Execute<ProbeBuild>(x => x.Deploy);

        sealed class ProbeBuild : PipelineBuild
        {
            public Target Deploy => _ => _.Executes(async ct =>
            {
                Console.WriteLine("deploy started");
                await Task.Delay(TimeSpan.FromMinutes(1), ct);
            });

            public Target Rollback => _ => _
                .TriggeredBy(Deploy)
                .AssuredAfterFailure()
                .Executes(async ct =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                    Console.WriteLine("rollback finished");
                });
        }
        """;

    private readonly TempFolder _folder = new();

    public SignalProbe()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "Probe.csproj"), Project());
        File.WriteAllText(Path.Combine(_folder.Path, "Program.cs"), BuildSource);

        // No build servers, so that nothing outlives the test run.
        var (exitCode, output) = Run("dotnet",
            "build", "-nologo", "-v", "q", "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "-o", OutputFolder);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The signal probe did not build:\n{output}");
        }
    }

    private string OutputFolder => Path.Combine(_folder.Path, "out");

    /// <summary>Starts the probe without a terminal and returns once Deploy is running.</summary>
    public async Task<ProbeProcess> StartDeploy()
    {
        // SIGINT back to its default, in case this test run was itself started with it ignored.
        var start = new ProcessStartInfo("env")
        {
            ArgumentList = { "--default-signal=INT", "dotnet", Path.Combine(OutputFolder, "Probe.dll") },
            WorkingDirectory = _folder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var probe = new ProbeProcess(Process.Start(start)!);
        await probe.WaitForLine("deploy started");
        return probe;
    }

    public void Dispose() => _folder.Dispose();

    private static string Project()
    {
        var engine = Path.Combine(AppContext.BaseDirectory, "MantisPipeline.Engine.dll");
        var spectre = Path.Combine(AppContext.BaseDirectory, "Spectre.Console.dll");
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{engine}" />
                <Reference Include="{spectre}" />
              </ItemGroup>
            </Project>
            """;
    }

    private (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}

/// <summary>A running probe: its output so far, and signals sent straight to its process.</summary>
public sealed class ProbeProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Task<string> _stderr;

    public ProbeProcess(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed.");
        }
    }

    public async Task WaitForLine(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!_lines.Any(line => line.Contains(text)))
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException(
                    $"The probe ended before printing \"{text}\":\n{string.Join('\n', _lines)}");
            _lines.Add(line);
        }
    }

    public async Task<BuildResult> WaitForExit()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var rest = await _process.StandardOutput.ReadToEndAsync(timeout.Token);
        await _process.WaitForExitAsync(timeout.Token);
        var error = await _stderr;

        var output = string.Join('\n', _lines) + '\n' + rest + error;
        return new BuildResult(_process.ExitCode, output);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
