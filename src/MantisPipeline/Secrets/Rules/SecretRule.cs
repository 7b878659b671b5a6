using MantisPipeline.Findings;

namespace MantisPipeline.Secrets.Rules;

/// <summary>One compiled secret rule: a regex with a `secret` group and what decides a finding.</summary>
public sealed record SecretRule(
    string Id,
    string Description,
    Severity Severity,
    RulePattern Pattern,
    IReadOnlyList<string> Keywords,
    double? EntropyMinimum,
    RuleCheck Check,
    string Remedy,
    IReadOnlyList<AllowEntry> Allows,
    RuleScope Scope = RuleScope.Line);
