namespace MantisPipeline.Engine.Internal;

/// <summary>Levenshtein distance, to suggest the name a user probably meant.</summary>
internal static class EditDistance
{
    public static string Closest(string typed, IEnumerable<string> candidates) =>
        candidates.MinBy(c => Between(typed.ToLowerInvariant(), c.ToLowerInvariant())) ?? "";

    public static int Between(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
