using MantisPipeline.Engine.Logging;
using Spectre.Console;

namespace MantisPipeline.Engine.Internal;

/// <summary>Writes --plan: the numbered execution order and why each target is in it.</summary>
internal static class PlanWriter
{
    public static void Write(ExecutionPlan plan, TextWriter output)
    {
        var table = TextRenderer.Columns("#", "Target", "Reason", "Skipped");
        var number = 1;
        foreach (var step in plan.Steps)
        {
            var skipped = step.SkipReason == null ? "" : $"skipped: {step.SkipReason}";
            var name = step.Target.Name;
            table.AddRow(Plain($"{number++}."), Plain(name), Plain(step.Reason), Plain(skipped));
        }

        var text = "Execution plan (nothing runs with --plan):" + Environment.NewLine +
            TextRenderer.Render(table, colour: false);
        output.Write(SecretMasker.Apply(text));
    }

    private static Text Plain(string text) => new(text);
}
