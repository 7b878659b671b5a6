namespace MantisPipeline.Local;

/// <summary>As root, hands folders to the postgres account, which the server runs as.</summary>
internal static class ServiceAccount
{
    public const string Postgres = "postgres";

    private const UnixFileMode OthersTraverse = UnixFileMode.OtherExecute;

    /// <summary>Creates the folder and, as root, gives it to the postgres account.</summary>
    public static async Task PrepareFolderAsync(string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        if (OperatingSystem.IsWindows() || !ServiceCommand.IsRoot)
        {
            return;
        }

        MakeParentsTraversable(folder);
        string[] arguments = ["-R", $"{Postgres}:{Postgres}", folder];
        await ServiceCommand.RunCheckedAsync(
            ServiceCommand.RunAsync("chown", arguments, ct), $"Giving {folder} to {Postgres}");
    }

    // A mkdtemp folder is 0700, which would stop the postgres account from reaching its own
    // folder inside; search permission (x) is enough, nobody gains the right to list it.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeParentsTraversable(string folder)
    {
        for (var parent = Directory.GetParent(folder); parent is not null; parent = parent.Parent)
        {
            var mode = File.GetUnixFileMode(parent.FullName);
            if (!mode.HasFlag(OthersTraverse))
            {
                File.SetUnixFileMode(parent.FullName, mode | OthersTraverse);
            }
        }
    }
}
