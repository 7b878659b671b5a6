namespace MantisPipeline.Gates;

/// <summary>Lays out rows as plain text columns, so that tables pass through the masked log.</summary>
internal static class TextTable
{
    public static IReadOnlyList<string> Format(
        IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max())
            .ToArray();

        var lines = new List<string>
        {
            Row(header, widths),
            string.Join("  ", widths.Select(w => new string('-', w))),
        };
        lines.AddRange(rows.Select(r => Row(r, widths)));
        return lines;
    }

    // The last column is not padded, so that lines carry no trailing spaces.
    private static string Row(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i])));
}
