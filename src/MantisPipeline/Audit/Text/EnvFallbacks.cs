using System.Text.RegularExpressions;

namespace MantisPipeline.Audit.Text;

/// <summary>An environment lookup with a literal used when the variable is missing.</summary>
public sealed record EnvFallback(string Variable, string Literal, int Column);

/// <summary>Finds env lookups with literal fallbacks in JS/TS, C#, Python, Ruby, shell and compose.</summary>
public static partial class EnvFallbacks
{
    public static IEnumerable<EnvFallback> In(string line)
    {
        Regex[] patterns = [JavaScript(), CSharp(), Python(), Ruby(), Shell()];
        foreach (var pattern in patterns)
        {
            foreach (Match match in pattern.Matches(line))
            {
                var literal = Unquote(match.Groups["literal"].Value);
                yield return new EnvFallback(match.Groups["variable"].Value, literal, match.Index);
            }
        }
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] is '"' or '\'' or '`' && text[^1] == text[0] ? text[1..^1] : text;

    private const string Literal = @"(?<literal>'[^']*'|""[^""]*""|`[^`$]*`|\d+)";

    [GeneratedRegex(
        @"(?:process\.env|import\.meta\.env|Deno\.env)(?:\.(?<variable>\w+)|\[\s*['""](?<variable>\w+)['""]\s*\])" +
        @"\s*(?:\|\||\?\?)\s*" + Literal)]
    private static partial Regex JavaScript();

    [GeneratedRegex(
        @"(?:GetEnvironmentVariable\(\s*""(?<variable>\w+)""\s*\)|\[\s*""(?<variable>[\w:]+)""\s*\]|" +
        @"GetValue<\w+>\(\s*""(?<variable>[\w:]+)""\s*\)|GetConnectionString\(\s*""(?<variable>\w+)""\s*\))" +
        @"\s*\?\?\s*" + Literal)]
    private static partial Regex CSharp();

    [GeneratedRegex(@"os\.(?:getenv|environ\.get)\(\s*['""](?<variable>\w+)['""]\s*,\s*" + Literal)]
    private static partial Regex Python();

    [GeneratedRegex(
        @"ENV(?:\.fetch\(\s*['""](?<variable>\w+)['""]\s*,\s*|" +
        @"\[\s*['""](?<variable>\w+)['""]\s*\]\s*\|\|\s*)" + Literal)]
    private static partial Regex Ruby();

    [GeneratedRegex(@"\$\{(?<variable>[A-Za-z_]\w*):?-(?<literal>[^}]+)\}")]
    private static partial Regex Shell();
}
