namespace MantisPipeline.Engine.Internal;

/// <summary>
/// Orders the targets for the invoked names: a pure function of its inputs. Dependencies run
/// before their dependents, triggered targets after their trigger, After/Before order targets
/// that are both planned, and declaration order breaks every tie.
/// </summary>
internal static class ExecutionPlanner
{
    public static ExecutionPlan Plan(
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<string> invoked,
        SkipRequest skip)
    {
        var byName = targets.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var reasons = CollectReasons(byName, invoked);
        var planned = targets.Where(t => reasons.ContainsKey(t.Name)).ToList();
        var ordered = Order(planned, byName);

        var steps = ordered
            .Select(t => new PlanStep(t, reasons[t.Name], SkipReason(t, invoked, skip)))
            .ToArray();
        return new ExecutionPlan(steps);
    }

    /// <summary>
    /// The one place that says what skips: a named --skip or a false OnlyWhenStatic skips that
    /// target alone; its dependencies and triggers stay in the plan and still run.
    /// </summary>
    public static string? SkipReason(
        ExecutableTarget target,
        IReadOnlyList<string> invoked,
        SkipRequest skip)
    {
        var isInvoked = invoked.Contains(target.Name, StringComparer.OrdinalIgnoreCase);
        if (skip.SkipAllNotInvoked && !isInvoked)
        {
            return "--skip (not invoked)";
        }

        if (skip.Names.Contains(target.Name, StringComparer.OrdinalIgnoreCase))
        {
            return "--skip";
        }

        var falseCondition = target.StaticConditions.FirstOrDefault(c => !c.Evaluate());
        return falseCondition == null ? null : $"its condition {falseCondition.Readable} is false";
    }

    private static Dictionary<string, string> CollectReasons(
        Dictionary<string, ExecutableTarget> byName,
        IReadOnlyList<string> invoked)
    {
        var reasons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<ExecutableTarget>();
        foreach (var name in invoked)
        {
            Enqueue(byName[name], "invoked");
        }

        while (queue.Count > 0)
        {
            var target = queue.Dequeue();
            foreach (var dependency in target.Dependencies)
            {
                Enqueue(byName[dependency], $"dependency of {target.Name}");
            }

            foreach (var triggered in target.Triggers)
            {
                Enqueue(byName[triggered], $"triggered by {target.Name}");
            }
        }

        return reasons;

        void Enqueue(ExecutableTarget target, string reason)
        {
            if (reasons.TryAdd(target.Name, reason))
            {
                queue.Enqueue(target);
            }
        }
    }

    private static List<ExecutableTarget> Order(
        List<ExecutableTarget> planned,
        Dictionary<string, ExecutableTarget> byName)
    {
        var predecessors = planned.ToDictionary(t => t, t => Predecessors(t, planned, byName));
        var ordered = new List<ExecutableTarget>();
        var remaining = new List<ExecutableTarget>(planned);

        while (remaining.Count > 0)
        {
            // `planned` is in declaration order, so the first ready target is the tie-break.
            var ready = remaining.FirstOrDefault(t => predecessors[t].All(ordered.Contains));
            if (ready == null)
            {
                throw new UsageException(CycleMessage(remaining, predecessors));
            }

            ordered.Add(ready);
            remaining.Remove(ready);
        }

        return ordered;
    }

    /// <summary>The planned targets that must run before the given one.</summary>
    private static HashSet<ExecutableTarget> Predecessors(
        ExecutableTarget target,
        List<ExecutableTarget> planned,
        Dictionary<string, ExecutableTarget> byName)
    {
        var before = target.Dependencies
            .Concat(target.OrderedAfter)
            .Select(name => byName[name])
            .Concat(planned.Where(p => p.Triggers.Contains(target.Name)))
            .Where(planned.Contains);
        return before.ToHashSet();
    }

    private static string CycleMessage(
        List<ExecutableTarget> remaining,
        Dictionary<ExecutableTarget, HashSet<ExecutableTarget>> predecessors)
    {
        // Every remaining target waits on another remaining one, so walking waits must loop.
        var path = new List<ExecutableTarget>();
        var current = remaining[0];
        while (!path.Contains(current))
        {
            path.Add(current);
            current = remaining.First(predecessors[current].Contains);
        }

        var cycle = path.Skip(path.IndexOf(current)).Append(current).Select(t => t.Name);
        return $"The targets form a cycle: {string.Join(" -> ", cycle)}. Each must run after " +
            "the next one (through DependsOn, DependentFor, Triggers, TriggeredBy, After or " +
            "Before), so no order satisfies them all. Remove one of these relations.";
    }
}
