using System.Runtime.InteropServices;

namespace MantisPipeline.Containers;

/// <summary>
/// The .NET install this process runs on: the dotnet root, and the folders of the host
/// resolver and of the two shared frameworks an ASP.NET app needs.
/// </summary>
internal sealed record HostRuntime(
    string Root,
    string Version,
    string HostFxrFolder,
    string NetCoreFolder,
    string AspNetCoreFolder)
{
    public string Host => Path.Combine(Root, "dotnet");

    public static HostRuntime Discover()
    {
        var netCore = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
        var version = Path.GetFileName(netCore);
        var root = Path.GetFullPath(Path.Combine(netCore, "..", "..", ".."));
        if (!File.Exists(Path.Combine(root, "dotnet")))
        {
            throw new PipelineException(
                $"The running .NET runtime '{netCore}' is not inside a dotnet root with a "
                + "`dotnet` host, so no base image can be made from it. Run the pipeline with a "
                + "shared .NET install (such as /usr/share/dotnet), not a self-contained one.");
        }

        return new HostRuntime(
            root,
            version,
            HighestVersionFolder(Path.Combine(root, "host", "fxr"), ""),
            netCore,
            FindAspNetCore(root, version));
    }

    private static string FindAspNetCore(string root, string version)
    {
        var frameworks = Path.Combine(root, "shared", "Microsoft.AspNetCore.App");
        var exact = Path.Combine(frameworks, version);
        if (Directory.Exists(exact))
        {
            return exact;
        }

        return HighestVersionFolder(frameworks, MajorMinor(version));
    }

    private static string MajorMinor(string version) =>
        string.Join('.', version.Split('.').Take(2)) + ".";

    private static string HighestVersionFolder(string parent, string prefix)
    {
        var folders = Directory.Exists(parent) ? Directory.GetDirectories(parent) : [];
        var highest = folders
            .Where(folder => Path.GetFileName(folder).StartsWith(prefix, StringComparison.Ordinal))
            .Select(folder => (Folder: folder, Version: ParseVersion(Path.GetFileName(folder))))
            .Where(candidate => candidate.Version is not null)
            .MaxBy(candidate => candidate.Version);

        return highest.Folder ?? throw new PipelineException(
            $"No version {prefix}* is installed under '{parent}', and the base image needs one. "
            + "Install the ASP.NET Core runtime that matches the running .NET next to it, or "
            + "build on a machine that can pull the official ASP.NET image.");
    }

    // Preview folders such as 10.0.0-rc.2 sort by their numeric part.
    private static Version? ParseVersion(string name) =>
        System.Version.TryParse(name.Split('-')[0], out var version) ? version : null;
}
