using MantisPipeline.Secrets.Text;

namespace MantisPipeline.Secrets.Detection;

/// <summary>Why a signing secret or password is weak, in words that never quote it.</summary>
public static class Weakness
{
    public const int MinimumLength = 32;

    // Below this a value repeats a few characters (aaaa..., 1234...) whatever its length.
    private const double MinimumBitsPerCharacter = 3.0;

    private static readonly char[] Separators = ['_', '-'];

    /// <summary>The reason the value is weak, or null when it looks random and long enough.</summary>
    public static string? ReasonFor(string value)
    {
        var parts = value.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts.All(IsWordLike) && parts.Count(IsAlphabetic) >= 2)
        {
            var separator = value.Contains('_') ? "'_'" : "'-'";
            return $"made of {parts.Length} dictionary-like words joined by {separator}";
        }

        if (value.Length < MinimumLength)
        {
            return $"only {value.Length} characters; needs at least {MinimumLength} random characters";
        }

        var bits = Entropy.BitsPerCharacter(value);
        if (bits < MinimumBitsPerCharacter)
        {
            return $"repetitive: {bits:0.0} bits of entropy per character";
        }

        return null;
    }

    // A word is all lower, all upper or capitalised letters that can be pronounced (or a short
    // abbreviation such as jwt), or a number of up to four digits such as a year.
    private static bool IsWordLike(string part)
    {
        if (part.All(char.IsAsciiDigit))
        {
            return part.Length <= 4;
        }

        if (!IsAlphabetic(part) || part.Length > 20 || !HasOneCase(part))
        {
            return false;
        }

        return part.Length <= 4 || IsPronounceable(part.ToLowerInvariant());
    }

    private static bool IsAlphabetic(string part) => part.All(char.IsAsciiLetter);

    private static bool HasOneCase(string part)
    {
        var rest = part[1..];
        return rest.All(char.IsAsciiLetterLower) || part.All(char.IsAsciiLetterUpper);
    }

    private static bool IsPronounceable(string word)
    {
        var consonantRun = 0;
        var vowels = 0;
        foreach (var letter in word)
        {
            var isVowel = "aeiouy".Contains(letter);
            vowels += isVowel ? 1 : 0;
            consonantRun = isVowel ? 0 : consonantRun + 1;
            if (consonantRun > 4)
            {
                return false;
            }
        }

        return vowels > 0;
    }
}
