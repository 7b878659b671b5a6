namespace MantisPipeline.Secrets.Detection;

/// <summary>
/// The parts of a text a rule reads: the lines around its keywords' occurrences, merged.
/// A very long line (minified code) is cut to a reach either side of the keyword instead.
/// </summary>
internal static class SearchWindows
{
    // A secret's value and its key name sit well within this of the keyword that finds them,
    // even a service account key whose PEM body is escaped onto one JSON line.
    private const int Reach = 8192;

    public static List<(int Start, int End)> Around(string text, IEnumerable<int> positions)
    {
        var windows = new List<(int Start, int End)>();
        foreach (var position in positions.Order())
        {
            if (windows.Count > 0 && position < windows[^1].End)
            {
                continue;
            }

            var (start, end) = LineAround(text, position);
            if (windows.Count > 0 && start <= windows[^1].End)
            {
                windows[^1] = (windows[^1].Start, Math.Max(end, windows[^1].End));
                continue;
            }

            windows.Add((start, end));
        }

        return windows;
    }

    private static (int Start, int End) LineAround(string text, int position)
    {
        var low = Math.Max(0, position - Reach);
        var before = text.AsSpan(low, position - low).LastIndexOf('\n');
        var start = before < 0 ? low : low + before + 1;

        var length = Math.Min(text.Length - position, Reach);
        var after = text.AsSpan(position, length).IndexOf('\n');
        var end = after < 0 ? position + length : position + after;
        return (start, end);
    }
}
