using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Gates;

/// <summary>Prints a gate's checks as a small table followed by one verdict line.</summary>
public static class GateReport
{
    private const int MaxDetailWidth = 90;

    public static void Print(GateResult result)
    {
        foreach (var line in FormatTable(result))
        {
            Log.Information(line);
        }

        var verdictLine = FormatVerdictLine(result);
        if (result.Verdict == Verdict.Pass)
        {
            Log.Information(verdictLine);
        }
        else
        {
            Log.Error(verdictLine);
        }
    }

    public static string FormatVerdictLine(GateResult result) =>
        $"{result.Gate} gate: {Word(result.Verdict)}. {result.Summary}";

    public static IReadOnlyList<string> FormatTable(GateResult result)
    {
        var rows = result.Checks
            .Select(c => new[] { c.Name, Word(c.Verdict), Shorten(c.Detail) })
            .ToList();
        return TextTable.Format(["Check", "Verdict", "Detail"], rows);
    }

    // The verdict line below carries the whole text; the table stays readable in a terminal.
    private static string Shorten(string detail) =>
        detail.Length <= MaxDetailWidth ? detail : detail[..(MaxDetailWidth - 1)] + "…";

    public static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "FAIL",
        Verdict.Inconclusive => "inconclusive",
        _ => "ERROR",
    };
}
