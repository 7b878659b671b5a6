namespace MantisPipeline.Engine.Internal;

/// <summary>Checks the Requires of every target that will run, before any of them runs.</summary>
internal static class RequirementChecker
{
    public static void Check(ExecutionPlan plan, IReadOnlyList<ParameterMember> parameters)
    {
        var problems = plan.Steps
            .Where(step => !step.IsSkipped)
            .SelectMany(step => Problems(step.Target, parameters))
            .Distinct()
            .ToArray();

        if (problems.Length > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine + Environment.NewLine, problems));
        }
    }

    private static IEnumerable<string> Problems(
        ExecutableTarget target,
        IReadOnlyList<ParameterMember> parameters)
    {
        foreach (var requirement in target.RequiredParameters)
        {
            var value = requirement.Read();
            if (value == null || value is string { Length: 0 })
            {
                yield return MissingParameter(target, requirement.MemberName, parameters);
            }
        }

        foreach (var condition in target.RequiredConditions.Where(c => !c.Evaluate()))
        {
            yield return condition.Because is { } because
                ? $"Target \"{target.Name}\" cannot run: {because}"
                : $"Target \"{target.Name}\" requires {condition.Readable}, which is false. " +
                  "Change the parameters it reads, or --skip the target.";
        }
    }

    private static string MissingParameter(
        ExecutableTarget target,
        string memberName,
        IReadOnlyList<ParameterMember> parameters)
    {
        var parameter = parameters.FirstOrDefault(p => p.Name == memberName);
        if (parameter == null)
        {
            return $"Target \"{target.Name}\" requires {memberName}, which has no value. Mark it " +
                "[Parameter] so that it can be passed on the command line.";
        }

        return $"Target \"{target.Name}\" requires the parameter {memberName}, which has no value. " +
            $"Pass it as {parameter.Flag} <value>, set the environment variable " +
            $"{parameter.PrefixedVariable}, or add \"{memberName}\" to .nuke/parameters.json.";
    }
}
