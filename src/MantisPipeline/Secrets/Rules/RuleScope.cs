namespace MantisPipeline.Secrets.Rules;

/// <summary>Which part of a file a rule's regex reads; narrower is faster.</summary>
public enum RuleScope
{
    /// <summary>The lines around each occurrence of one of the rule's keywords.</summary>
    Line,

    /// <summary>
    /// One anchored attempt at the start of the key name around each keyword occurrence, for
    /// rules about a value assigned to a secret-named key. It is tried only where the key is
    /// followed by an assignment whose value is quoted, or where the key starts its line.
    /// </summary>
    Key,

    /// <summary>The whole file, for secrets that span lines (and rules with no keywords).</summary>
    File,
}
