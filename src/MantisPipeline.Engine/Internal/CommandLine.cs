namespace MantisPipeline.Engine.Internal;

/// <summary>The arguments of one run, split into targets, engine options and parameter values.</summary>
internal sealed class CommandLine
{
    public static readonly IReadOnlyList<(string Flag, string Description)> EngineOptions =
    [
        ("--skip [targets...]", "Skip the named targets; alone, skip every target not invoked"),
        ("--plan", "Print the execution plan and run nothing"),
        ("--profile <name>", "Also read .nuke/parameters.<name>.json"),
        ("--verbosity <level>", "quiet, normal or verbose"),
        ("--help, -h", "Show this help"),
    ];

    private static readonly string[] EngineFlags = ["skip", "plan", "profile", "verbosity", "help"];

    private List<string>? _skipped;

    public List<string> Targets { get; } = [];

    public SkipRequest Skip => _skipped == null ? SkipRequest.None
        : _skipped.Count == 0 ? SkipRequest.AllNotInvoked
        : SkipRequest.Only([.. _skipped]);

    public bool Help { get; private set; }

    public bool Plan { get; private set; }

    public string? Profile => Single("profile");

    public string? Verbosity => Single("verbosity");

    /// <summary>Values given per flag (without dashes), in the order they came.</summary>
    public Dictionary<string, List<string>> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static CommandLine Parse(
        IReadOnlyList<string> arguments,
        IReadOnlyList<ParameterMember> parameters)
    {
        var commandLine = new CommandLine();
        var byFlag = parameters.ToDictionary(p => p.Flag[2..], StringComparer.OrdinalIgnoreCase);
        var open = default(OpenOption);

        foreach (var argument in arguments)
        {
            if (IsOption(argument))
            {
                var (name, inlineValue) = Split(argument);
                open = commandLine.Open(name, byFlag, parameters);
                if (inlineValue != null)
                {
                    open?.Values.Add(inlineValue);
                }
            }
            else if (open != null && open.Accepts(argument))
            {
                open.Values.Add(argument);
            }
            else
            {
                // A value beyond what the option takes is a target: `--env staging Deploy`.
                commandLine.Targets.Add(argument);
                open = null;
            }
        }

        return commandLine;
    }

    private OpenOption? Open(
        string name,
        Dictionary<string, ParameterMember> byFlag,
        IReadOnlyList<ParameterMember> parameters)
    {
        switch (name.ToLowerInvariant())
        {
            case "help" or "h":
                Help = true;
                return null;
            case "plan":
                Plan = true;
                return null;
            case "skip":
                _skipped ??= [];
                return new OpenOption(_skipped, int.MaxValue, FlagOnly: false);
            case "profile" or "verbosity":
                return new OpenOption(Values[name] = [], 1, FlagOnly: false);
        }

        if (!byFlag.TryGetValue(name, out var parameter))
        {
            throw new UsageException(UnknownOption(name, parameters));
        }

        var limit = parameter.TakesManyValues ? int.MaxValue : 1;
        return new OpenOption(Values[name] = [], limit, parameter.IsFlag);
    }

    private string? Single(string name) =>
        Values.TryGetValue(name, out var values) ? values.LastOrDefault() : null;

    private static bool IsOption(string argument) =>
        argument.StartsWith("--", StringComparison.Ordinal) || argument == "-h";

    private static (string Name, string? Value) Split(string argument)
    {
        var text = argument.TrimStart('-');
        var equals = text.IndexOf('=');
        return equals < 0 ? (text, null) : (text[..equals], text[(equals + 1)..]);
    }

    private static string UnknownOption(string name, IReadOnlyList<ParameterMember> parameters)
    {
        var known = parameters.Select(p => p.Flag[2..]).Concat(EngineFlags);
        var closest = EditDistance.Closest(name, known);
        return $"Unknown option \"--{name}\". Did you mean \"--{closest}\"? " +
            "Run with --help to list the parameters and options.";
    }

    /// <summary>The option whose values the next arguments may be.</summary>
    private sealed record OpenOption(List<string> Values, int Limit, bool FlagOnly)
    {
        // A bool flag takes the next argument only when it reads true or false.
        public bool Accepts(string argument) =>
            Values.Count < Limit && (!FlagOnly || bool.TryParse(argument, out _));
    }
}
