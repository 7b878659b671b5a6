using System.Text.RegularExpressions;
using MantisPipeline.Secrets.Rules;
using MantisPipeline.Secrets.Text;

namespace MantisPipeline.Secrets.Detection;

/// <summary>Runs the rules over one file's text and keeps the matches that are findings.</summary>
internal sealed class SecretDetector(RuleSet rules)
{
    public const string AllowMarker = "mantis:allow-secret";

    private readonly KeywordFilter _keywords = new(rules.Rules.SelectMany(rule => rule.Keywords));

    /// <summary>The findings in the text; a rule that timed out is named in timedOutRules.</summary>
    public IReadOnlyList<SecretMatch> Detect(string text, string path, ICollection<string> timedOutRules)
    {
        var found = new List<SecretMatch>();
        var claimed = new List<(int Start, int End)>();
        var lines = new LineIndex(text);
        var present = _keywords.Present(text);

        foreach (var rule in rules.Rules)
        {
            if (!rule.MayMatch(present))
            {
                continue;
            }

            try
            {
                DetectRule(rule, text, path, lines, claimed, found);
            }
            catch (RegexMatchTimeoutException)
            {
                timedOutRules.Add(rule.Id);
            }
        }

        return found;
    }

    private void DetectRule(
        SecretRule rule, string text, string path, LineIndex lines, List<(int, int)> claimed, List<SecretMatch> found)
    {
        foreach (Match match in rule.Pattern.Matches(text))
        {
            var group = match.Groups["secret"];
            if (!group.Success || group.Length == 0 || Overlaps(claimed, group.Index, group.Length))
            {
                continue;
            }

            // An allowed span is claimed too: the most specific rule has judged it. A span the
            // rule does not judge a finding (too little entropy, not weak) is left to later rules.
            var secret = group.Value;
            var span = (group.Index, group.Index + group.Length);
            if (IsAllowed(rule, secret, match.Value, path) || lines.LineAt(group.Index).Contains(AllowMarker))
            {
                claimed.Add(span);
                continue;
            }

            var detail = Judge(rule, secret);
            if (detail is null)
            {
                continue;
            }

            claimed.Add(span);
            var context = text[match.Index..group.Index];
            var evidence = Redaction.Evidence(context, secret);
            var line = lines.NumberAt(group.Index);
            found.Add(new SecretMatch(rule, secret, line, evidence, detail.Length == 0 ? null : detail));
        }
    }

    // Null when the match is not a finding; otherwise the reason to report (empty for none).
    private static string? Judge(SecretRule rule, string secret)
    {
        if (rule.Check == RuleCheck.Weak)
        {
            return Weakness.ReasonFor(secret);
        }

        if (rule.EntropyMinimum is not { } minimum)
        {
            return "";
        }

        var bits = Entropy.BitsPerCharacter(secret);
        return bits >= minimum ? $"entropy {bits:0.0} bits per character" : null;
    }

    private bool IsAllowed(SecretRule rule, string secret, string match, string path)
    {
        return rule.Allows.Any(entry => entry.Allows(secret, match, path))
            || rules.Allows.Any(entry => entry.Allows(secret, match, path));
    }

    private static bool Overlaps(List<(int Start, int End)> claimed, int start, int length)
    {
        var end = start + length;
        return claimed.Exists(span => start < span.End && span.Start < end);
    }
}
