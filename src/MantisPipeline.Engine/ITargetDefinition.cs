using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace MantisPipeline.Engine;

/// <summary>The fluent vocabulary a target property uses to declare what it does and needs.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    /// <summary>The given targets run before this one and are added to the plan.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>This target runs before the given ones and is added to the plan with them.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Orders this target after the given ones when both are in the plan.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Orders this target before the given ones when both are in the plan.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>The given targets join the plan and run after this one.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>This target joins the plan and runs after any of the given ones.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Evaluated while planning: when false the target is skipped.</summary>
    ITargetDefinition OnlyWhenStatic(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string text = "");

    /// <summary>Evaluated just before the target runs: when false the target is skipped.</summary>
    ITargetDefinition OnlyWhenDynamic(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string text = "");

    /// <summary>The parameter read by the expression must have a value.</summary>
    ITargetDefinition Requires<T>(Expression<Func<T>> parameter)
        where T : class?;

    /// <summary>The parameter read by the expression must have a value.</summary>
    ITargetDefinition Requires<T>(Expression<Func<T?>> parameter)
        where T : struct;

    /// <summary>
    /// The condition must hold before anything runs; <paramref name="because"/>, when given,
    /// is the sentence the user reads when it does not.
    /// </summary>
    ITargetDefinition Requires(
        Func<bool> condition,
        string? because = null,
        [CallerArgumentExpression(nameof(condition))] string text = "");

    /// <summary>If this target fails, targets that do not depend on it still run.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after a failure or a cancellation.</summary>
    ITargetDefinition AssuredAfterFailure();

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
