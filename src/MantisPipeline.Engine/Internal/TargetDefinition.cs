using System.Linq.Expressions;

namespace MantisPipeline.Engine.Internal;

/// <summary>Records what a target property declares; the factory resolves it afterwards.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string Description { get; private set; } = "";

    public List<Target> DependsOnTargets { get; } = [];

    public List<Target> DependentForTargets { get; } = [];

    public List<Target> AfterTargets { get; } = [];

    public List<Target> BeforeTargets { get; } = [];

    public List<Target> TriggersTargets { get; } = [];

    public List<Target> TriggeredByTargets { get; } = [];

    public List<Condition> StaticConditions { get; } = [];

    public List<Condition> DynamicConditions { get; } = [];

    public List<Condition> RequiredConditions { get; } = [];

    public List<ParameterRequirement> RequiredParameters { get; } = [];

    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public bool IsProceedAfterFailure { get; private set; }

    public bool IsAssuredAfterFailure { get; private set; }

    ITargetDefinition ITargetDefinition.Description(string description)
    {
        Description = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);

    public ITargetDefinition DependentFor(params Target[] targets) =>
        Add(DependentForTargets, targets);

    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);

    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);

    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);

    public ITargetDefinition TriggeredBy(params Target[] targets) =>
        Add(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string text = "")
    {
        StaticConditions.Add(new Condition(condition, text));
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string text = "")
    {
        DynamicConditions.Add(new Condition(condition, text));
        return this;
    }

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameter)
        where T : class? => AddParameterRequirement(parameter);

    public ITargetDefinition Requires<T>(Expression<Func<T?>> parameter)
        where T : struct => AddParameterRequirement(parameter);

    public ITargetDefinition Requires(Func<bool> condition, string? because = null, string text = "")
    {
        RequiredConditions.Add(new Condition(condition, text) { Because = because });
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        IsProceedAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
        return this;
    }

    public ITargetDefinition Executes(Action action) => Executes(_ =>
    {
        action();
        return Task.CompletedTask;
    });

    public ITargetDefinition Executes(Func<Task> action) => Executes(_ => action());

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    private TargetDefinition Add(List<Target> list, Target[] targets)
    {
        list.AddRange(targets);
        return this;
    }

    private TargetDefinition AddParameterRequirement(LambdaExpression parameter)
    {
        if (parameter.Body is not MemberExpression member)
        {
            throw new UsageException(
                $"Requires({parameter}) must read one parameter, as in Requires(() => Password). " +
                "For any other check, pass a condition: Requires(() => Port > 0).");
        }

        var read = parameter.Compile();
        RequiredParameters.Add(new ParameterRequirement(member.Member.Name, () => read.DynamicInvoke()));
        return this;
    }
}
