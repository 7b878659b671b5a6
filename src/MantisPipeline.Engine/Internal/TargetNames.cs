namespace MantisPipeline.Engine.Internal;

/// <summary>
/// Turns the target names a user wrote, on the command line or in a parameter file, into the
/// build's own names; a name that is no target is a usage error suggesting the closest one.
/// </summary>
internal sealed class TargetNames(IReadOnlyList<ExecutableTarget> targets)
{
    public IReadOnlyList<string> Invoked(
        CommandLine commandLine,
        IReadOnlyList<ParameterFile> files,
        string defaultTarget)
    {
        if (commandLine.Targets.Count > 0)
        {
            return Canonical(commandLine.Targets, where: null);
        }

        return FromFile(files, "Target") is { } found
            ? Canonical(found.Values, InFile("Target", found.File))
            : [defaultTarget];
    }

    public SkipRequest Skip(CommandLine commandLine, IReadOnlyList<ParameterFile> files)
    {
        var skip = commandLine.Skip;
        if (skip.SkipAllNotInvoked)
        {
            return skip;
        }

        if (skip != SkipRequest.None)
        {
            return SkipRequest.Only(Canonical(skip.Names, "after --skip"));
        }

        return FromFile(files, "Skip") is { } found
            ? SkipRequest.Only(Canonical(found.Values, InFile("Skip", found.File)))
            : SkipRequest.None;
    }

    private static (List<string> Values, ParameterFile File)? FromFile(
        IReadOnlyList<ParameterFile> files, string key)
    {
        foreach (var file in files)
        {
            if (file.TryGet(key, out var values))
            {
                return (values, file);
            }
        }

        return null;
    }

    private static string InFile(string key, ParameterFile file) =>
        $"in \"{key}\" of {file.DisplayPath}";

    private string[] Canonical(IEnumerable<string> names, string? where) =>
        names.Select(name => Canonical(name, where)).Distinct().ToArray();

    private string Canonical(string name, string? where)
    {
        var target = targets.FirstOrDefault(
            t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (target != null)
        {
            return target.Name;
        }

        var closest = EditDistance.Closest(name, targets.Select(t => t.Name));
        var place = where == null ? "" : " " + where;
        throw new UsageException(
            $"Unknown target \"{name}\"{place}. Did you mean \"{closest}\"? " +
            "Run with --help to list the targets.");
    }
}
