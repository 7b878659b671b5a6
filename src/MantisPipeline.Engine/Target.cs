namespace MantisPipeline.Engine;

/// <summary>
/// A target as declared on a build class: a property whose value shapes a definition,
/// as in <c>Target Deploy => _ => _.DependsOn(Migrate).Executes(...)</c>.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
