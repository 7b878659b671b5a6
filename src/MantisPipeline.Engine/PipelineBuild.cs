using System.Linq.Expressions;
using MantisPipeline.Engine.Internal;

namespace MantisPipeline.Engine;

/// <summary>
/// The base of a build class: its Target properties form the graph, its [Parameter] members
/// are bound from the command line, and <c>Main</c> calls <c>Execute&lt;Build&gt;(x => x.Deploy)</c>.
/// </summary>
public abstract class PipelineBuild
{
    public IReadOnlyList<string> InvokedTargets { get; internal set; } = [];

    /// <summary>
    /// The planned targets that planning did not skip (by --skip or a false OnlyWhenStatic),
    /// in plan order. Set before requirements are checked, so a Requires condition can read it.
    /// </summary>
    public IReadOnlyCollection<string> ScheduledTargets { get; internal set; } = [];

    /// <summary>The folder holding <c>.nuke/</c>, found by walking up from the working directory.</summary>
    public string RootDirectory { get; internal set; } = "";

    public IReadOnlyCollection<string> FailedTargets => Having(TargetStatus.Failed);

    public IReadOnlyCollection<string> SucceededTargets => Having(TargetStatus.Succeeded);

    public IReadOnlyCollection<string> SkippedTargets => Having(TargetStatus.Skipped);

    public bool IsFailing => FailedTargets.Count > 0;

    public bool IsSuccessful => !IsFailing && !Cancellation.IsRequested;

    internal IReadOnlyList<TargetRun> Runs { get; set; } = [];

    internal BuildCancellation Cancellation { get; init; } = new();

    /// <summary>
    /// Runs the build with the process's arguments and console; Ctrl-C, SIGINT and SIGTERM
    /// cancel it (exit 130) after its assured targets have run.
    /// </summary>
    public static int Execute<T>(Expression<Func<T, Target>> defaultTarget)
        where T : PipelineBuild, new()
    {
        var build = new T();

        using var signals = CancelSignals.Register(build.Cancellation);
        return BuildRunner.Run(build, TargetName(defaultTarget), RunOptions.FromProcess());
    }

    /// <summary>Runs the build with the given arguments, output and environment, in-process.</summary>
    public static int Execute<T>(Expression<Func<T, Target>> defaultTarget, RunOptions options)
        where T : PipelineBuild, new()
    {
        return Execute(new T(), defaultTarget, options);
    }

    internal static int Execute<T>(
        T build,
        Expression<Func<T, Target>> defaultTarget,
        RunOptions options)
        where T : PipelineBuild
    {
        return BuildRunner.Run(build, TargetName(defaultTarget), options);
    }

    /// <summary>
    /// Called once the parameters are bound, before planning; an exception thrown here stops
    /// the build as a usage error with its message, before any target runs.
    /// </summary>
    protected virtual void OnBuildInitialized()
    {
    }

    internal void Initialize() => OnBuildInitialized();

    /// <summary>Called once every planned target has run or been passed over.</summary>
    protected virtual void OnBuildFinished()
    {
    }

    internal void Finish() => OnBuildFinished();

    private static string TargetName<T>(Expression<Func<T, Target>> target) =>
        target.Body is MemberExpression member
            ? member.Member.Name
            : throw new ArgumentException("Name the default target as a property: x => x.Deploy.");

    private string[] Having(TargetStatus status) =>
        Runs.Where(r => r.Status == status).Select(r => r.Target.Name).ToArray();
}
