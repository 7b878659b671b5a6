using MantisPipeline.Engine.Logging;
using MantisPipeline.Tools;

namespace MantisPipeline.Prerequisites;

/// <summary>Installs missing tools with apt-get, which only a Debian machine run as root can do.</summary>
public static class SystemPackages
{
    public static bool CanInstall =>
        File.Exists("/etc/debian_version") && System.Environment.IsPrivilegedProcess;

    public static async Task InstallAsync(IReadOnlyCollection<string> packages, CancellationToken ct)
    {
        Log.Information($"Installing {string.Join(", ", packages)} with apt-get (a minute or two)");
        var quiet = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };

        await Run(["update", "-q"], quiet, ct);
        await Run(["install", "-y", "-q", "--no-install-recommends", .. packages], quiet, ct);
    }

    public static string ManualSteps(IEnumerable<string> packages) =>
        $"sudo apt-get update && sudo apt-get install -y {string.Join(' ', packages)}";

    private static async Task Run(string[] arguments, Dictionary<string, string> environment, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync("apt-get", arguments, ct, echo: false, environment: environment);
        if (result.ExitCode != 0)
        {
            throw new PipelineException(
                $"apt-get {arguments[0]} failed with code {result.ExitCode}:{System.Environment.NewLine}" +
                ProcessRunner.Tail(result.Output, 15));
        }
    }
}
