using System.Globalization;
using MantisPipeline.Engine.Logging;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MantisPipeline.Findings;

/// <summary>Findings as a plain-text console table: what, how bad, where, since when, and the fix.</summary>
public static class FindingsTable
{
    public const int DefaultWidth = 160;

    /// <summary>Writes the table through the log, so that the secret masker sees every line.</summary>
    public static void Print(IReadOnlyList<Finding> findings, int width = DefaultWidth)
    {
        foreach (var line in Render(findings, width).Split(Environment.NewLine))
        {
            Log.Information(line);
        }
    }

    public static string Render(IReadOnlyList<Finding> findings, int width = DefaultWidth)
    {
        if (findings.Count == 0)
        {
            return "No findings.";
        }

        var table = new Table().Border(TableBorder.Square).ShowRowSeparators();
        foreach (var column in new[] { "Rule", "Severity", "Place", "Introduced", "Status", "Evidence", "Remedy" })
        {
            table.AddColumn(column);
        }

        foreach (var finding in findings)
        {
            table.AddRow(Cells(finding));
        }

        return SecretMasker.Apply(ToText(table, width)).TrimEnd();
    }

    public static string StatusText(Presence? presence) => presence switch
    {
        Presence.AtHead => "at HEAD",
        Presence.Deleted => "deleted",
        Presence.OnlyInHistory => "history only",
        _ => "",
    };

    private static IRenderable[] Cells(Finding finding)
    {
        var evidence = finding.Detail is null ? finding.Evidence : $"{finding.Evidence}\n({finding.Detail})";
        var place = finding.Occurrences > 1
            ? $"{finding.Path}:{finding.Line}\n(+{finding.Occurrences - 1} more)"
            : $"{finding.Path}:{finding.Line}";

        string[] cells =
        [
            finding.RuleId,
            finding.Severity.ToString().ToLowerInvariant(),
            place,
            Introduced(finding),
            StatusText(finding.Presence),
            evidence,
            finding.Remedy,
        ];
        return cells.Select(cell => (IRenderable)new Text(cell)).ToArray();
    }

    private static string Introduced(Finding finding)
    {
        if (finding.Commit is null)
        {
            return finding.Presence is null ? "" : "uncommitted";
        }

        var date = finding.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{finding.Commit[..Math.Min(7, finding.Commit.Length)]}\n{finding.Author}\n{date}";
    }

    private static string ToText(IRenderable renderable, int width)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Write(renderable);
        return writer.ToString();
    }
}
