using System.Text.RegularExpressions;

namespace MantisPipeline.Secrets.Rules;

/// <summary>
/// A rule's regex, interpreted until it has run often enough to repay compiling it. Most rules
/// run on a handful of windows in a whole history, and compiling all of them up front would
/// cost more start-up time than the scan of a small repository.
/// </summary>
public sealed class RulePattern
{
    private const int UsesBeforeCompiling = 64;

    private Regex? _compiled;
    private int _uses;

    public RulePattern(Regex interpreted)
    {
        Regex = interpreted;
    }

    /// <summary>The regex as written, interpreted; its group names and pattern are the rule's.</summary>
    public Regex Regex { get; }

    public Match Match(string text, int start) => Current().Match(text, start);

    public Match Match(string text, int start, int length) => Current().Match(text, start, length);

    private Regex Current()
    {
        if (_compiled is not null)
        {
            return _compiled;
        }

        if (Interlocked.Increment(ref _uses) == UsesBeforeCompiling)
        {
            _compiled = new Regex(Regex.ToString(), Regex.Options | RegexOptions.Compiled, Regex.MatchTimeout);
        }

        return _compiled ?? Regex;
    }
}
