using MantisPipeline.Engine.Logging;
using Spectre.Console;

namespace MantisPipeline.Releases;

/// <summary>Prints an environment's releases, newest first, the way a release manager reads them.</summary>
public static class LedgerTable
{
    public static void Write(IReadOnlyList<Release> releases)
    {
        if (releases.Count == 0)
        {
            Log.Information("The ledger holds no release yet.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "Release", "Version", "Outcome", "Started", "By", "Image", "Note" })
        {
            table.AddColumn(column);
        }

        foreach (var release in releases)
        {
            var cells = new[]
            {
                release.Id.ToString(),
                release.Version,
                release.Outcome.ToString(),
                release.StartedAt.ToString("yyyy-MM-dd HH:mm:ss"),
                release.StartedBy,
                release.Image,
                release.Note ?? "",
            };
            table.AddRow(cells.Select(cell => new Text(SecretMasker.Apply(cell))));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Log.Out) });

        // Redirected output (CI logs, files) has no width of its own; 80 would wrap image names.
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }

        console.Write(table);
    }
}
