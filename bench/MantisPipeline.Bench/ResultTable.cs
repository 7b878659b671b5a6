using System.Globalization;
using System.Text;

namespace MantisPipeline.Bench;

/// <summary>The figures side by side, each peer's time as a multiple of ours on the same repository.</summary>
internal static class ResultTable
{
    public static string Render(IReadOnlyList<Measurement> measurements)
    {
        var text = new StringBuilder();
        text.AppendLine(
            "| Tool | Repository | Wall time (s) | CPU time (s) | Peak memory (MB) | Exit | Wall time vs ours |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in measurements)
        {
            var ours = measurements.First(m => m.Tool == "MantisPipeline" && m.Repository == row.Repository);
            var ratio = row.Seconds / Math.Max(ours.Seconds, 0.001);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Tool} | {row.Repository} | {row.Seconds:0.00} | {row.CpuSeconds:0.00} | " +
                $"{row.PeakMebibytes:0} | " +
                $"{row.ExitCode} | {ratio:0.0}x |"));
        }

        return text.ToString();
    }
}
