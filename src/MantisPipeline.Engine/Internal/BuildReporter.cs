using MantisPipeline.Engine.Logging;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MantisPipeline.Engine.Internal;

/// <summary>Prints the summary table and final sentence, and picks the exit code.</summary>
internal static class BuildReporter
{
    public static int ExitCode(IReadOnlyList<TargetRun> runs, bool cancelled)
    {
        if (cancelled || runs.Any(r => r.Status == TargetStatus.Cancelled))
        {
            return ExitCodes.Cancelled;
        }

        var failed = runs.Where(r => r.Status == TargetStatus.Failed).ToList();
        if (failed.Count == 0)
        {
            return ExitCodes.Success;
        }

        var requested = failed.Select(r => r.RequestedExitCode).Distinct().ToList();
        return requested is [{ } only] ? only : ExitCodes.TargetFailed;
    }

    public static void WriteSummary(
        IReadOnlyList<TargetRun> runs,
        TimeSpan total,
        bool cancelled,
        TextWriter output,
        bool colour)
    {
        var table = new Table().Border(TableBorder.Rounded).ShowFooters()
            .AddColumn(new TableColumn("Target").Footer("Total"))
            .AddColumn("Status")
            .AddColumn(new TableColumn("Duration").RightAligned().Footer(DurationText.Format(total)));
        foreach (var run in runs)
        {
            table.AddRow(Cell(run.Target.Name), Status(run.Status, colour), Cell(Duration(run)));
        }

        output.Write(SecretMasker.Apply(TextRenderer.Render(table, colour)));
        output.WriteLine(SecretMasker.Apply(Sentence(runs, total, cancelled)));
    }

    public static string Sentence(IReadOnlyList<TargetRun> runs, TimeSpan total, bool cancelled)
    {
        var failed = Names(runs, TargetStatus.Failed);
        var cancelledTargets = Names(runs, TargetStatus.Cancelled);
        if (cancelled || cancelledTargets.Length > 0)
        {
            return cancelledTargets.Length == 0
                ? "Build cancelled."
                : $"Build cancelled: {string.Join(", ", cancelledTargets)} cancelled";
        }

        return failed.Length > 0
            ? $"Build failed: {string.Join(", ", failed)} failed"
            : $"Build succeeded in {DurationText.Format(total)}";
    }

    private static string[] Names(IReadOnlyList<TargetRun> runs, TargetStatus status) =>
        runs.Where(r => r.Status == status).Select(r => r.Target.Name).ToArray();

    private static string Duration(TargetRun run) =>
        run.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Cancelled
            ? DurationText.Format(run.Duration)
            : "";

    // Cell text is masked before layout, so that columns stay aligned around the mask.
    private static IRenderable Cell(string text) => new Text(SecretMasker.Apply(text));

    private static IRenderable Status(TargetStatus status, bool colour)
    {
        var style = !colour ? Style.Plain : status switch
        {
            TargetStatus.Succeeded => new Style(Color.Green),
            TargetStatus.Failed => new Style(Color.Red),
            TargetStatus.Cancelled => new Style(Color.Yellow),
            _ => new Style(Color.Grey),
        };
        return new Text(status.ToString(), style);
    }
}
