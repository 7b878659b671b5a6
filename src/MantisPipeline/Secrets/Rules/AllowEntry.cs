using System.Text.RegularExpressions;

namespace MantisPipeline.Secrets.Rules;

/// <summary>
/// A reason a match is not a finding (placeholder, reference, example key). It applies when
/// every part it names matches: the secret's value, the whole match, the file path.
/// </summary>
public sealed record AllowEntry(string Description, Regex? Value, Regex? Match, Regex? Path)
{
    public bool Allows(string secret, string match, string path)
    {
        return (Value is null || Value.IsMatch(secret))
            && (Match is null || Match.IsMatch(match))
            && (Path is null || Path.IsMatch(path));
    }
}
