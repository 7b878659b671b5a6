namespace MantisPipeline.Engine.Internal;

/// <summary>A condition with the source text that declared it, for messages.</summary>
internal sealed record Condition(Func<bool> Evaluate, string Text)
{
    /// <summary>The build's own explanation of a failed requirement, when it gave one.</summary>
    public string? Because { get; init; }

    /// <summary>The condition's source without its lambda head, as a user reads it in the log.</summary>
    public string Readable => Text.StartsWith("() =>", StringComparison.Ordinal) ? Text[5..].Trim() : Text;
}

/// <summary>A parameter a target requires, with the value read at check time.</summary>
internal sealed record ParameterRequirement(string MemberName, Func<object?> Read);

/// <summary>
/// One target with its relations resolved to names and normalised to three kinds of edge:
/// dependencies, triggers and ordering. Plain data, so the planner can be tested without a build.
/// </summary>
internal sealed class ExecutableTarget(string name, int declarationIndex)
{
    public string Name { get; } = name;

    /// <summary>Position among the build's targets in source order; breaks ties in the plan.</summary>
    public int DeclarationIndex { get; } = declarationIndex;

    public string Description { get; set; } = "";

    public List<string> Dependencies { get; } = [];

    public List<string> Triggers { get; } = [];

    /// <summary>Targets this one must follow when both are in the plan.</summary>
    public List<string> OrderedAfter { get; } = [];

    public List<Condition> StaticConditions { get; } = [];

    public List<Condition> DynamicConditions { get; } = [];

    public List<Condition> RequiredConditions { get; } = [];

    public List<ParameterRequirement> RequiredParameters { get; } = [];

    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public bool ProceedAfterFailure { get; set; }

    public bool AssuredAfterFailure { get; set; }

    public override string ToString() => Name;
}
