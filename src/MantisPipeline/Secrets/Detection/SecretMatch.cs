using MantisPipeline.Secrets.Rules;

namespace MantisPipeline.Secrets.Detection;

/// <summary>
/// A secret one rule found in one file. It holds the secret so that the scan can fingerprint
/// it; it never leaves the scanner.
/// </summary>
internal sealed record SecretMatch(SecretRule Rule, string Secret, int Line, string Evidence, string? Detail);
