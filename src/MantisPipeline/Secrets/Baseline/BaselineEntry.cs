namespace MantisPipeline.Secrets.Baseline;

/// <summary>One accepted finding: its fingerprint (rule and hashed secret), where it was first seen, and why.</summary>
public sealed record BaselineEntry(string Fingerprint, string Rule, string Path, string Reason);
