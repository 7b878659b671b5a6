namespace MantisPipeline.Engine;

/// <summary>
/// Marks a field or property of the build class as a parameter, bound from the command line,
/// the environment or <c>.nuke/parameters.json</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
