using System.Diagnostics;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Engine.Internal;

/// <summary>
/// Runs the plan in order and records each target's status. After a failure later targets do
/// not run, unless the failed target proceeds after failure, in which case only the targets
/// that depend on it are passed over. Assured targets run after failures and Ctrl-C alike, and
/// run with a token that only a second cancel request cancels.
/// </summary>
internal sealed class TargetExecutor(BuildCancellation cancellation)
{
    private readonly HashSet<string> _failed = new(StringComparer.OrdinalIgnoreCase);
    private bool _stopped;

    /// <param name="started">Receives the runs before the first target starts; their statuses
    /// change as the build goes, so conditions and assured targets see what failed.</param>
    public async Task<IReadOnlyList<TargetRun>> Execute(
        ExecutionPlan plan, Action<IReadOnlyList<TargetRun>> started)
    {
        var runs = plan.Steps.Select(step => new TargetRun(step)).ToArray();
        started(runs);
        var byName = plan.Steps.ToDictionary(s => s.Target.Name, s => s.Target);

        foreach (var run in runs)
        {
            var passedOverBecause = PassOverReason(run.Target, byName);
            if (passedOverBecause != null)
            {
                Log.Debug($"{run.Target.Name} does not run: {passedOverBecause}.");
                continue;
            }

            await Execute(run);

            if (run.Status == TargetStatus.Failed)
            {
                _failed.Add(run.Target.Name);
                _stopped |= !run.Target.ProceedAfterFailure;
            }
        }

        return runs;
    }

    private string? PassOverReason(ExecutableTarget target, Dictionary<string, ExecutableTarget> byName)
    {
        if (target.AssuredAfterFailure)
        {
            return null;
        }

        if (cancellation.IsRequested)
        {
            return "the build was cancelled";
        }

        if (_stopped)
        {
            return "an earlier target failed";
        }

        var failedDependency = FailedDependency(target, byName, []);
        return failedDependency == null ? null : $"it depends on {failedDependency}, which failed";
    }

    private string? FailedDependency(
        ExecutableTarget target,
        Dictionary<string, ExecutableTarget> byName,
        HashSet<string> visited)
    {
        foreach (var dependency in target.Dependencies.Where(visited.Add))
        {
            if (_failed.Contains(dependency))
            {
                return dependency;
            }

            if (byName.TryGetValue(dependency, out var next) &&
                FailedDependency(next, byName, visited) is { } deeper)
            {
                return deeper;
            }
        }

        return null;
    }

    private async Task Execute(TargetRun run)
    {
        var target = run.Target;
        if (run.Step.SkipReason is { } planned)
        {
            Skip(run, planned);
            return;
        }

        Log.Information($"── {target.Name} ──");
        var token = target.AssuredAfterFailure ? cancellation.AssuredToken : cancellation.BuildToken;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var falseCondition = target.DynamicConditions.FirstOrDefault(c => !c.Evaluate());
            if (falseCondition != null)
            {
                Skip(run, $"its condition {falseCondition.Readable} is false");
                return;
            }

            foreach (var action in target.Actions)
            {
                token.ThrowIfCancellationRequested();
                await action(token);
            }

            run.Status = TargetStatus.Succeeded;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            run.Status = TargetStatus.Cancelled;
        }
        catch (Exception exception)
        {
            run.Status = TargetStatus.Failed;
            run.RequestedExitCode = (exception as IExitCode)?.ExitCode;
            Log.Error(exception, $"Target \"{target.Name}\" failed:");
            Log.Debug(exception.ToString());
        }

        run.Duration = stopwatch.Elapsed;
        Log.Information($"{target.Name}: {run.Status} in {DurationText.Format(run.Duration)}");
    }

    private static void Skip(TargetRun run, string reason)
    {
        run.Status = TargetStatus.Skipped;
        Log.Information($"{run.Target.Name}: skipped, {reason}.");
    }
}
