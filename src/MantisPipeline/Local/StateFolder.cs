namespace MantisPipeline.Local;

/// <summary>How a state folder is named in messages.</summary>
internal static class StateFolder
{
    /// <summary>Relative to the working folder when inside it (.mantis/local), else in full.</summary>
    public static string Shown(string folder)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder);
        return relative.StartsWith("..", StringComparison.Ordinal) ? folder : relative;
    }
}
