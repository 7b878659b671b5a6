using System.Diagnostics;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Engine.Internal;

/// <summary>
/// One run from arguments to exit code: parse, bind, plan and check (nothing has run yet, so
/// any mistake exits 2), then execute, summarise and pick the exit code.
/// </summary>
internal static class BuildRunner
{
    public static int Run(PipelineBuild build, string defaultTarget, RunOptions options)
    {
        using var redirect = Log.Redirect(options.Output, LogLevel.Information);

        // A pool thread has no synchronisation context, so blocking here cannot deadlock.
        return Task.Run(() => RunAsync(build, defaultTarget, options)).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(
        PipelineBuild build,
        string defaultTarget,
        RunOptions options)
    {
        Preparation? prepared;
        try
        {
            prepared = Prepare(build, defaultTarget, options);
        }
        catch (UsageException exception)
        {
            Log.Error(exception.Message);
            return ExitCodes.UsageError;
        }

        return prepared == null ? ExitCodes.Success : await Execute(build, prepared, options);
    }

    /// <summary>Everything before the first target runs; null when --help or --plan is done.</summary>
    private static Preparation? Prepare(PipelineBuild build, string defaultTarget, RunOptions options)
    {
        var parameters = ParameterMember.Of(build.GetType());
        var commandLine = CommandLine.Parse(options.Arguments, parameters);
        var verbosity = Verbosity(commandLine.Verbosity);
        using var level = Log.Redirect(options.Output, verbosity);

        build.RootDirectory = RootDirectory(options.WorkingDirectory);
        var files = ParameterFiles(build.RootDirectory, commandLine.Profile);
        var defaults = parameters.Select(p => (p, p.GetValue(build))).ToArray();
        new ParameterBinder(commandLine, options.EnvironmentVariable, files, options.Output)
            .Bind(build, parameters);

        var targets = TargetFactory.Create(build);
        UpdateSchema(build.GetType(), build.RootDirectory, options.EnvironmentVariable);
        if (commandLine.Help)
        {
            HelpWriter.Write(targets, defaultTarget, defaults, options.Output);
            return null;
        }

        // After --help, which the message for an unknown key points to.
        ParameterFile.CheckKeys(files, parameters);
        Initialize(build);
        var plan = Schedule(build, targets, commandLine, files, defaultTarget);
        if (commandLine.Plan)
        {
            PlanWriter.Write(plan, options.Output);
            return null;
        }

        RequirementChecker.Check(plan, parameters);
        return new Preparation(plan, verbosity);
    }

    /// <summary>Plans the run and tells the build which targets it invoked and scheduled.</summary>
    private static ExecutionPlan Schedule(
        PipelineBuild build,
        IReadOnlyList<ExecutableTarget> targets,
        CommandLine commandLine,
        IReadOnlyList<ParameterFile> files,
        string defaultTarget)
    {
        var names = new TargetNames(targets);
        build.InvokedTargets = names.Invoked(commandLine, files, defaultTarget);
        var plan = Plan(targets, build.InvokedTargets, names.Skip(commandLine, files));

        // Set before the requirements are checked, so that a Requires condition can read it.
        build.ScheduledTargets = plan.Steps
            .Where(step => !step.IsSkipped)
            .Select(step => step.Target.Name)
            .ToArray();
        return plan;
    }

    // A static condition is the build's code: when it throws, nothing has run yet, so the
    // user gets its message as a usage error rather than a crash.
    private static ExecutionPlan Plan(
        IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string> invoked, SkipRequest skip)
    {
        try
        {
            return ExecutionPlanner.Plan(targets, invoked, skip);
        }
        catch (Exception exception) when (exception is not UsageException)
        {
            throw new UsageException(exception.Message, exception);
        }
    }

    // The build's own check of its bound parameters; anything it rejects is a usage error.
    private static void Initialize(PipelineBuild build)
    {
        try
        {
            build.Initialize();
        }
        catch (Exception exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    private static async Task<int> Execute(PipelineBuild build, Preparation prepared, RunOptions options)
    {
        using var level = Log.Redirect(options.Output, prepared.Verbosity);

        var stopwatch = Stopwatch.StartNew();
        await new TargetExecutor(build.Cancellation).Execute(prepared.Plan, runs => build.Runs = runs);
        var finishedCleanly = Finish(build);
        var cancelled = build.Cancellation.IsRequested;

        BuildReporter.WriteSummary(
            build.Runs, stopwatch.Elapsed, cancelled, options.Output, options.OutputIsTerminal);
        var exitCode = BuildReporter.ExitCode(build.Runs, cancelled);
        return exitCode == ExitCodes.Success && !finishedCleanly ? ExitCodes.TargetFailed : exitCode;
    }

    private static bool Finish(PipelineBuild build)
    {
        try
        {
            build.Finish();
            return true;
        }
        catch (Exception exception)
        {
            Log.Error(exception, "OnBuildFinished failed:");
            Log.Debug(exception.ToString());
            return false;
        }
    }

    private static LogLevel Verbosity(string? verbosity) => verbosity?.ToLowerInvariant() switch
    {
        null or "normal" => LogLevel.Information,
        "quiet" => LogLevel.Warning,
        "verbose" => LogLevel.Debug,
        _ => throw new UsageException(
            $"Unknown verbosity \"{verbosity}\". Pass --verbosity quiet, normal or verbose."),
    };

    /// <summary>The nearest folder holding .nuke/, else the working directory itself.</summary>
    private static string RootDirectory(string workingDirectory)
    {
        for (var folder = new DirectoryInfo(workingDirectory); folder != null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, ".nuke")))
            {
                return folder.FullName;
            }
        }

        return Path.GetFullPath(workingDirectory);
    }

    private static IReadOnlyList<ParameterFile> ParameterFiles(string rootDirectory, string? profile)
    {
        var files = new List<ParameterFile>();
        if (profile != null)
        {
            files.Add(ParameterFile.Load(rootDirectory, $"parameters.{profile}.json")
                ?? throw new UsageException(UnknownProfile(rootDirectory, profile)));
        }

        if (ParameterFile.Load(rootDirectory, "parameters.json") is { } shared)
        {
            files.Add(shared);
        }

        return files;
    }

    private static string UnknownProfile(string rootDirectory, string profile)
    {
        var folder = Path.Combine(rootDirectory, ".nuke");
        var known = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "parameters.*.json")
                .Select(path => Path.GetFileName(path)["parameters.".Length..^".json".Length])
                .Order()
                .ToArray()
            : [];
        var choice = known.Length == 0
            ? "There are no profiles."
            : $"Known profiles: {string.Join(", ", known)}.";
        return $"Unknown profile \"{profile}\": there is no .nuke/parameters.{profile}.json under " +
            $"{rootDirectory}. {choice} Create the file, or pass one of those to --profile.";
    }

    private static void UpdateSchema(
        Type buildType,
        string rootDirectory,
        Func<string, string?> environment)
    {
        if (!Directory.Exists(Path.Combine(rootDirectory, ".nuke")) ||
            SchemaWriter.IsCurrent(buildType, rootDirectory))
        {
            return;
        }

        if (string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Log.Warning($".nuke/{SchemaWriter.FileName} is stale: the build's parameters or targets " +
                "changed. Run the build once locally and commit the regenerated file.");
            return;
        }

        SchemaWriter.Write(buildType, rootDirectory);
        Log.Debug($"Updated .nuke/{SchemaWriter.FileName}.");
    }
}

/// <summary>A plan that passed every check, and the log level to run it at.</summary>
internal sealed record Preparation(ExecutionPlan Plan, LogLevel Verbosity);
