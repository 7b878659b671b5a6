namespace MantisPipeline.Secrets.Rules;

/// <summary>What a rule checks after its regex matched.</summary>
public enum RuleCheck
{
    /// <summary>The match is a finding (when it meets the rule's entropy minimum, if any).</summary>
    Match,

    /// <summary>The match is a finding only when the value is weak: words, too short, or repetitive.</summary>
    Weak,
}
