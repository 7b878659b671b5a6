using System.Reflection;

namespace MantisPipeline.Engine.Internal;

/// <summary>Turns the Target properties of a build into executable targets, in declaration order.</summary>
internal static class TargetFactory
{
    private const BindingFlags InstanceMembers =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<ExecutableTarget> Create(PipelineBuild build)
    {
        var properties = TargetProperties(build.GetType());
        var delegates = properties.Select(p => (Target)p.GetValue(build)!).ToArray();
        var names = NamesByMethod(properties, delegates);
        var definitions = delegates.Select(Define).ToArray();

        var targets = properties
            .Select((property, index) => Resolve(property.Name, index, definitions[index], names))
            .ToArray();
        Normalise(targets, definitions, names);
        return targets;
    }

    /// <summary>
    /// Target properties base class first, each class in source order. Reflection order is
    /// unspecified, but metadata tokens follow the order the compiler met the declarations.
    /// </summary>
    public static IReadOnlyList<PropertyInfo> TargetProperties(Type buildType)
    {
        return TypeChain(buildType)
            .SelectMany(type => type
                .GetProperties(InstanceMembers)
                .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
                .OrderBy(p => p.MetadataToken))
            .ToArray();
    }

    private static IEnumerable<Type> TypeChain(Type type)
    {
        var chain = new Stack<Type>();
        for (var current = type; current != null && current != typeof(PipelineBuild);
             current = current.BaseType)
        {
            chain.Push(current);
        }

        return chain;
    }

    // A lambda capturing `this` is a new delegate on every getter call, but its method is stable.
    private static Dictionary<MethodInfo, string> NamesByMethod(
        IReadOnlyList<PropertyInfo> properties,
        Target[] delegates)
    {
        var names = new Dictionary<MethodInfo, string>();
        for (var i = 0; i < properties.Count; i++)
        {
            if (!names.TryAdd(delegates[i].Method, properties[i].Name))
            {
                throw new UsageException(
                    $"The targets \"{names[delegates[i].Method]}\" and \"{properties[i].Name}\" " +
                    "return the same definition. Give each target its own `_ => _` lambda.");
            }
        }

        return names;
    }

    private static TargetDefinition Define(Target target)
    {
        var definition = new TargetDefinition();
        target(definition);
        return definition;
    }

    private static ExecutableTarget Resolve(
        string name,
        int index,
        TargetDefinition definition,
        Dictionary<MethodInfo, string> names)
    {
        var executable = new ExecutableTarget(name, index)
        {
            Description = definition.Description,
            ProceedAfterFailure = definition.IsProceedAfterFailure,
            AssuredAfterFailure = definition.IsAssuredAfterFailure,
        };
        executable.Dependencies.AddRange(NamesOf(definition.DependsOnTargets, name, names));
        executable.Triggers.AddRange(NamesOf(definition.TriggersTargets, name, names));
        executable.OrderedAfter.AddRange(NamesOf(definition.AfterTargets, name, names));
        executable.StaticConditions.AddRange(definition.StaticConditions);
        executable.DynamicConditions.AddRange(definition.DynamicConditions);
        executable.RequiredConditions.AddRange(definition.RequiredConditions);
        executable.RequiredParameters.AddRange(definition.RequiredParameters);
        executable.Actions.AddRange(definition.Actions);
        return executable;
    }

    /// <summary>Rewrites DependentFor, TriggeredBy and Before as their forward relations.</summary>
    private static void Normalise(
        ExecutableTarget[] targets,
        TargetDefinition[] definitions,
        Dictionary<MethodInfo, string> names)
    {
        var byName = targets.ToDictionary(t => t.Name);
        foreach (var target in targets)
        {
            var definition = definitions[target.DeclarationIndex];

            foreach (var other in NamesOf(definition.DependentForTargets, target.Name, names))
            {
                AddOnce(byName[other].Dependencies, target.Name);
            }

            foreach (var other in NamesOf(definition.TriggeredByTargets, target.Name, names))
            {
                AddOnce(byName[other].Triggers, target.Name);
            }

            foreach (var other in NamesOf(definition.BeforeTargets, target.Name, names))
            {
                AddOnce(byName[other].OrderedAfter, target.Name);
            }
        }
    }

    private static IEnumerable<string> NamesOf(
        IEnumerable<Target> targets,
        string declaringTarget,
        Dictionary<MethodInfo, string> names)
    {
        foreach (var target in targets)
        {
            if (!names.TryGetValue(target.Method, out var name))
            {
                throw new UsageException(
                    $"Target \"{declaringTarget}\" refers to a target that is not a Target property " +
                    "of the build class. Refer to targets by their property, as in DependsOn(Compile).");
            }

            yield return name;
        }
    }

    private static void AddOnce(List<string> list, string name)
    {
        if (!list.Contains(name))
        {
            list.Add(name);
        }
    }
}
