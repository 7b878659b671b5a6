using Spectre.Console;
using Spectre.Console.Rendering;

namespace MantisPipeline.Engine.Internal;

/// <summary>Renders Spectre.Console widgets to text, with colour only for a terminal.</summary>
internal static class TextRenderer
{
    private const int Width = 110;

    public static string Render(IRenderable renderable, bool colour)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Width;
        console.Write(renderable);

        // Spectre pads every cell to the column width; trailing blanks only make diffs noisy.
        var lines = writer.ToString().Split('\n').Select(line => line.TrimEnd());
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>A borderless table of plain text, as help and the plan use.</summary>
    public static Table Columns(params string[] headers)
    {
        var table = new Table().Border(TableBorder.None).HideHeaders();
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(header).PadLeft(0).PadRight(3));
        }

        return table;
    }
}
