namespace MantisPipeline.Engine;

/// <summary>Marks a parameter whose value is masked in every output and never shown.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
