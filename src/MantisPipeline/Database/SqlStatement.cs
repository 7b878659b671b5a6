namespace MantisPipeline.Database;

/// <summary>One statement of a migration script and where it starts in the file.</summary>
public sealed record SqlStatement(string Text, int Offset)
{
    /// <summary>
    /// Splits a script at the semicolons that end statements, skipping those inside quotes,
    /// quoted names, dollar-quoted bodies and comments. Statements holding only comments are dropped.
    /// </summary>
    /// <remarks>
    /// Known limit: a SQL-standard function body (BEGIN ATOMIC ... END) is split at its inner
    /// semicolons; write such functions with a dollar-quoted body instead.
    /// </remarks>
    public static IReadOnlyList<SqlStatement> Split(string sql)
    {
        var statements = new List<SqlStatement>();
        var start = 0;
        var hasCode = false;
        var i = 0;
        while (i < sql.Length)
        {
            var skipped = SkipQuotedOrComment(sql, i);
            if (skipped > i)
            {
                hasCode |= !IsComment(sql, i);
                i = skipped;
                continue;
            }

            if (sql[i] == ';')
            {
                Add(statements, sql, start, i, hasCode);
                start = i + 1;
                hasCode = false;
            }
            else if (!char.IsWhiteSpace(sql[i]))
            {
                hasCode = true;
            }

            i++;
        }

        Add(statements, sql, start, sql.Length, hasCode);
        return statements;
    }

    /// <summary>Where the statement's first word starts in the file, after blanks and comments.</summary>
    public int CodeOffset => Offset + SkipBlanksAndComments(Text, 0);

    /// <summary>The statement's first words in upper case, read across blanks and comments.</summary>
    public IReadOnlyList<string> LeadingWords(int count)
    {
        var words = new List<string>();
        var i = SkipBlanksAndComments(Text, 0);
        while (words.Count < count && i < Text.Length && IsWordCharacter(Text[i]))
        {
            var start = i;
            while (i < Text.Length && IsWordCharacter(Text[i]))
            {
                i++;
            }

            words.Add(Text[start..i].ToUpperInvariant());
            i = SkipBlanksAndComments(Text, i);
        }

        return words;
    }

    private static int SkipBlanksAndComments(string sql, int i)
    {
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]))
            {
                i++;
            }
            else if (IsComment(sql, i))
            {
                i = SkipQuotedOrComment(sql, i);
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static void Add(List<SqlStatement> statements, string sql, int start, int end, bool hasCode)
    {
        if (hasCode)
        {
            statements.Add(new SqlStatement(sql[start..end], start));
        }
    }

    private static bool IsComment(string sql, int i) =>
        At(sql, i, "--") || At(sql, i, "/*");

    /// <summary>The index after the quoted text or comment starting at i; i when none starts there.</summary>
    private static int SkipQuotedOrComment(string sql, int i)
    {
        if (At(sql, i, "--"))
        {
            var end = sql.IndexOf('\n', i);
            return end < 0 ? sql.Length : end + 1;
        }

        return sql[i] switch
        {
            '/' when At(sql, i, "/*") => SkipBlockComment(sql, i),
            '\'' => SkipString(sql, i, backslashEscapes: IsEscapeStringPrefix(sql, i)),
            '"' => SkipUntil(sql, i + 1, "\""),
            '$' when DollarTag(sql, i) is { } tag => SkipUntil(sql, i + tag.Length, tag),
            _ => i,
        };
    }

    // Block comments nest in PostgreSQL.
    private static int SkipBlockComment(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (At(sql, i, "/*"))
            {
                depth++;
                i += 2;
            }
            else if (At(sql, i, "*/"))
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    // A doubled quote inside a string reads as a closing quote followed by an opening one,
    // which lands in the same place, so only E'' strings need their backslashes handled.
    private static int SkipString(string sql, int i, bool backslashEscapes)
    {
        for (var j = i + 1; j < sql.Length; j++)
        {
            if (backslashEscapes && sql[j] == '\\')
            {
                j++;
            }
            else if (sql[j] == '\'')
            {
                return j + 1;
            }
        }

        return sql.Length;
    }

    private static bool IsEscapeStringPrefix(string sql, int quote) =>
        quote > 0 && sql[quote - 1] is 'E' or 'e' &&
        (quote < 2 || !(char.IsLetterOrDigit(sql[quote - 2]) || sql[quote - 2] == '_'));

    private static int SkipUntil(string sql, int from, string closing)
    {
        var end = sql.IndexOf(closing, from, StringComparison.Ordinal);
        return end < 0 ? sql.Length : end + closing.Length;
    }

    /// <summary>The $tag$ opening a dollar-quoted body at i; $1 parameters are not tags.</summary>
    private static string? DollarTag(string sql, int i)
    {
        if (i > 0 && (char.IsLetterOrDigit(sql[i - 1]) || sql[i - 1] == '_'))
        {
            return null;
        }

        var j = i + 1;
        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
        {
            j++;
        }

        var startsWithDigit = j > i + 1 && char.IsDigit(sql[i + 1]);
        return j < sql.Length && sql[j] == '$' && !startsWithDigit ? sql[i..(j + 1)] : null;
    }

    private static bool At(string sql, int i, string token) =>
        string.CompareOrdinal(sql, i, token, 0, token.Length) == 0;
}
