namespace MantisPipeline.Secrets.Detection;

/// <summary>Line numbers and line text by character offset, computed only when a file has a match.</summary>
internal sealed class LineIndex(string text)
{
    private List<int>? _lineStarts;

    public int NumberAt(int offset)
    {
        var starts = LineStarts();
        var index = starts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }

    public string LineAt(int offset)
    {
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var end = text.IndexOf('\n', offset);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private List<int> LineStarts()
    {
        if (_lineStarts is not null)
        {
            return _lineStarts;
        }

        _lineStarts = [0];
        for (var index = text.IndexOf('\n'); index >= 0; index = text.IndexOf('\n', index + 1))
        {
            _lineStarts.Add(index + 1);
        }

        return _lineStarts;
    }
}
