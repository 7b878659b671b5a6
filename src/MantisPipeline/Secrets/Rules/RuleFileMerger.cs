namespace MantisPipeline.Secrets.Rules;

/// <summary>Applies a user rule file on top of the default one.</summary>
internal static class RuleFileMerger
{
    // New user rules run before the defaults: they are usually specific to the user's
    // providers, and the earlier rule wins when two find the same secret.
    public static void Merge(RuleFileModel target, RuleFileModel user)
    {
        foreach (var (name, fragment) in user.Fragments)
        {
            target.Fragments[name] = fragment;
        }

        target.Allow.Paths.AddRange(user.Allow.Paths);
        target.Allow.Values.AddRange(user.Allow.Values);

        var added = new List<RuleModel>();
        foreach (var rule in user.Rules)
        {
            var existing = target.Rules.Find(candidate => candidate.Id == rule.Id);
            if (existing is null)
            {
                added.Add(rule);
            }
            else
            {
                Override(existing, rule);
            }
        }

        target.Rules.InsertRange(0, added);
    }

    private static void Override(RuleModel target, RuleModel user)
    {
        target.Enabled = user.Enabled ?? target.Enabled;
        target.Description = user.Description ?? target.Description;
        target.Severity = user.Severity ?? target.Severity;
        target.Check = user.Check ?? target.Check;
        target.Regex = user.Regex ?? target.Regex;
        target.Keywords = user.Keywords ?? target.Keywords;
        target.Scope = user.Scope ?? target.Scope;
        target.Entropy = user.Entropy ?? target.Entropy;
        target.Remedy = user.Remedy ?? target.Remedy;
        target.Allow = [.. target.Allow ?? [], .. user.Allow ?? []];
    }
}
