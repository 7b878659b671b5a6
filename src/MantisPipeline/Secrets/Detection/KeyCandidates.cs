namespace MantisPipeline.Secrets.Detection;

/// <summary>
/// Where a key-scoped rule may match: a key name holding a keyword, followed by an assignment
/// (`=`, `:`, `=>`, `:=`), whose value is quoted or whose key starts its line. Code that merely
/// mentions a token or a key (`var tokenCount = await ...`) fails this cheap test, which spares
/// the regex most of its attempts.
/// </summary>
internal static class KeyCandidates
{
    private const int MaxKeyLength = 128;

    /// <summary>The start of the key name around a keyword occurrence, or -1 when it is no candidate.</summary>
    public static int StartAt(string text, int position)
    {
        var start = KeyStart(text, position);
        var value = ValueStart(text, position);
        if (value < 0)
        {
            return -1;
        }

        var quoted = value < text.Length && text[value] is '"' or '\'' or '`';
        return quoted || StartsLine(text, start) ? start : -1;
    }

    private static int KeyStart(string text, int position)
    {
        var limit = Math.Max(0, position - MaxKeyLength);
        var start = position;
        while (start > limit && IsKeyCharacter(text[start - 1]))
        {
            start--;
        }

        return start;
    }

    // The offset just after the assignment and the blanks that follow it, or -1 without one.
    private static int ValueStart(string text, int position)
    {
        var index = position;
        while (index < text.Length && IsKeyCharacter(text[index]))
        {
            index++;
        }

        index += index < text.Length && text[index] is '"' or '\'' or '`' ? 1 : 0;
        index = SkipBlanks(text, index);
        if (index >= text.Length || text[index] is not ('=' or ':'))
        {
            return -1;
        }

        while (index < text.Length && text[index] is '=' or ':' or '>')
        {
            index++;
        }

        return SkipBlanks(text, index);
    }

    // Only blanks, a list dash or `export` may come before a key that starts its line.
    private static bool StartsLine(string text, int start)
    {
        var index = SkipBlanksBack(text, start);
        if (index >= 6 && text.AsSpan(index - 6, 6).SequenceEqual("export"))
        {
            index = SkipBlanksBack(text, index - 6);
        }

        if (index > 0 && text[index - 1] == '-')
        {
            index = SkipBlanksBack(text, index - 1);
        }

        return index == 0 || text[index - 1] is '\n' or '\r';
    }

    private static int SkipBlanks(string text, int index)
    {
        while (index < text.Length && text[index] is ' ' or '\t')
        {
            index++;
        }

        return index;
    }

    private static int SkipBlanksBack(string text, int index)
    {
        while (index > 0 && text[index - 1] is ' ' or '\t')
        {
            index--;
        }

        return index;
    }

    private static bool IsKeyCharacter(char character)
    {
        return char.IsAsciiLetterOrDigit(character) || character is '_' or '.' or '-';
    }
}
