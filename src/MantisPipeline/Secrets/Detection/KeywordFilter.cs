using System.Buffers;

namespace MantisPipeline.Secrets.Detection;

/// <summary>
/// Finds which rule keywords occur in a text in one vectorised pass, so that rules whose
/// keywords are absent (most rules, for most files) never run their regex.
/// </summary>
internal sealed class KeywordFilter
{
    private readonly string[] _keywords;
    private readonly SearchValues<string> _search;

    public KeywordFilter(IEnumerable<string> keywords)
    {
        _keywords = keywords.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _search = SearchValues.Create(_keywords, StringComparison.OrdinalIgnoreCase);
    }

    public IReadOnlySet<string> Present(string text)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var offset = 0;
        while (offset < text.Length && present.Count < _keywords.Length)
        {
            var rest = text.AsSpan(offset);
            var index = rest.IndexOfAny(_search);
            if (index < 0)
            {
                break;
            }

            foreach (var keyword in _keywords)
            {
                if (rest[index..].StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
                {
                    present.Add(keyword);
                }
            }

            offset += index + 1;
        }

        return present;
    }
}
