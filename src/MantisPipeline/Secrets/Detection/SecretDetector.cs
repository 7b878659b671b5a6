using System.Text.RegularExpressions;
using MantisPipeline.Findings;
using MantisPipeline.Secrets.Rules;
using MantisPipeline.Secrets.Text;

namespace MantisPipeline.Secrets.Detection;

/// <summary>Runs the rules over one file's text and keeps the matches that are findings.</summary>
internal sealed class SecretDetector
{
    public const string AllowMarker = "mantis:allow-secret";

    private readonly RuleSet _rules;
    private readonly KeywordIndex _keywords;
    private readonly int[][] _ruleKeywords;

    public SecretDetector(RuleSet rules)
    {
        _rules = rules;
        _keywords = new KeywordIndex(rules.Rules.SelectMany(rule => rule.Keywords));
        _ruleKeywords = rules.Rules
            .Select(rule => rule.Keywords.Select(_keywords.IdOf).Distinct().ToArray())
            .ToArray();
    }

    /// <summary>The findings in the text; a rule that timed out is named in timedOutRules.</summary>
    public IReadOnlyList<SecretMatch> Detect(string text, string path, ICollection<string> timedOutRules)
    {
        var file = new FileScan(text, path);
        var hits = _keywords.Find(text);
        for (var index = 0; index < _rules.Rules.Count; index++)
        {
            var rule = _rules.Rules[index];
            var positions = _ruleKeywords[index].Where(id => hits[id] is not null).SelectMany(id => hits[id]!);
            if (rule.Keywords.Count > 0 && !positions.Any())
            {
                continue;
            }

            try
            {
                Run(rule, file, positions);
            }
            catch (RegexMatchTimeoutException)
            {
                timedOutRules.Add(rule.Id);
            }
        }

        return file.Found;
    }

    private void Run(SecretRule rule, FileScan file, IEnumerable<int> positions)
    {
        var text = file.Text;
        if (rule.Scope == RuleScope.Key)
        {
            var starts = positions.Select(position => KeyCandidates.StartAt(text, position));
            foreach (var start in starts.Where(start => start >= 0).Distinct())
            {
                Judge(rule, file, rule.Pattern.Match(text, start));
            }

            return;
        }

        var windows = rule.Scope == RuleScope.File ? [(0, text.Length)] : SearchWindows.Around(text, positions);
        foreach (var (start, end) in windows)
        {
            for (var match = rule.Pattern.Match(text, start, end - start); match.Success; match = match.NextMatch())
            {
                Judge(rule, file, match);
            }
        }
    }

    private void Judge(SecretRule rule, FileScan file, Match match)
    {
        if (!match.Success)
        {
            return;
        }

        var group = match.Groups["secret"];
        if (!group.Success || group.Length == 0 || file.IsClaimed(group.Index, group.Length))
        {
            return;
        }

        // An allowed span is claimed too: the most specific rule has judged it. A span the
        // rule does not judge a finding (too little entropy, not weak) is left to later rules.
        var secret = group.Value;
        if (IsAllowed(rule, secret, match.Value, file.Path) || file.Lines.LineAt(group.Index).Contains(AllowMarker))
        {
            file.Claim(group.Index, group.Length);
            return;
        }

        var detail = Reason(rule, secret);
        if (detail is null)
        {
            return;
        }

        file.Claim(group.Index, group.Length);
        var evidence = Redaction.Evidence(file.Text[match.Index..group.Index], secret);
        var line = file.Lines.NumberAt(group.Index);
        file.Found.Add(new SecretMatch(rule, secret, line, evidence, detail.Length == 0 ? null : detail));
    }

    // Null when the match is not a finding; otherwise the reason to report (empty for none).
    private static string? Reason(SecretRule rule, string secret)
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
            || _rules.Allows.Any(entry => entry.Allows(secret, match, path));
    }

    /// <summary>One file's text with the spans already judged and the findings so far.</summary>
    private sealed class FileScan(string text, string path)
    {
        private readonly List<(int Start, int End)> _claimed = [];

        public string Text { get; } = text;

        public string Path { get; } = path;

        public LineIndex Lines { get; } = new(text);

        public List<SecretMatch> Found { get; } = [];

        public void Claim(int start, int length) => _claimed.Add((start, start + length));

        public bool IsClaimed(int start, int length)
        {
            var end = start + length;
            return _claimed.Exists(span => start < span.End && span.Start < end);
        }
    }
}
