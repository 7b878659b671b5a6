namespace MantisPipeline.Local;

/// <summary>Files that hold a secret: readable and writable by their owner only (0600).</summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static async Task WriteAsync(string path, string text, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        await using (var writer = new StreamWriter(path, options))
        {
            await writer.WriteAsync(text.AsMemory(), ct);
        }

        // An older file keeps its mode when overwritten, so the mode is set again.
        Restrict(path);
    }

    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }
}
