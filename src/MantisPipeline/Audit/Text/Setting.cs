using System.Text.RegularExpressions;
using MantisPipeline.Audit.Repository;

namespace MantisPipeline.Audit.Text;

/// <summary>One key and literal value written in a file, such as JWT_SECRET=... or max: 20.</summary>
public sealed record Setting(AuditedFile File, int Line, string Key, string Value, bool Quoted)
{
    public string NormalizedKey { get; } = SecretNames.Normalize(Key);

    public string Evidence => File.Lines[Line - 1].Trim();
}

/// <summary>Reads key/value settings from env, compose, config and code lines.</summary>
public static partial class Settings
{
    public static IEnumerable<Setting> In(AuditedFile file)
    {
        foreach (var (number, text) in file.NumberedLines())
        {
            foreach (var setting in InLine(file, number, text))
            {
                yield return setting;
            }
        }
    }

    private static IEnumerable<Setting> InLine(AuditedFile file, int number, string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            yield break;
        }

        if (ConnectionStringPair().Matches(text) is { Count: >= 2 } pairs)
        {
            foreach (Match pair in pairs)
            {
                yield return Make(file, number, pair.Groups["key"].Value, pair.Groups["value"].Value, false);
            }

            yield break;
        }

        if (Assignment().Match(text) is { Success: true } match)
        {
            var raw = match.Groups["value"].Value.Trim();
            var quoted = raw.Length >= 2 && raw[0] is '"' or '\'' or '`' && raw[^1] == raw[0];
            var value = quoted ? raw[1..^1] : StripComment(raw, file.Kind);
            if (value.Length > 0 && (quoted || file.Kind is not FileKind.Code || IsNumberish(value)))
            {
                yield return Make(file, number, match.Groups["key"].Value, value, quoted);
            }
        }
    }

    private static Setting Make(AuditedFile file, int line, string key, string value, bool quoted) =>
        new(file, line, key.Trim(), value.Trim(), quoted);

    private static bool IsNumberish(string value) =>
        value.Length > 0 && (char.IsDigit(value[0]) || value.Contains("||") || value.Contains("??"));

    private static string StripComment(string value, FileKind kind)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        var cut = hash >= 0 && kind is FileKind.Env or FileKind.Compose or FileKind.Config ? value[..hash] : value;
        return cut.TrimEnd(',', ';', ' ');
    }

    [GeneratedRegex(
        @"^\s*(?:-\s+)?(?:export\s+|(?:public\s+|private\s+|static\s+|readonly\s+)*(?:const|let|var|string|int)\s+)?" +
        @"[""']?(?<key>[A-Za-z_][A-Za-z0-9_.\-]*)[""']?\s*(?::|=(?!=))\s*(?<value>.*?)\s*$")]
    private static partial Regex Assignment();

    [GeneratedRegex(
        @"(?<key>(?:Host|Server|Port|Database|Username|User ID|Password|SSL ?Mode|Trust Server Certificate|" +
        @"Minimum Pool Size|Min Pool Size|Maximum Pool Size|Max Pool Size|Connection Idle Lifetime|Timeout|" +
        @"Command Timeout|Options|Pooling))\s*=\s*(?<value>[^;""']*)",
        RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPair();
}
