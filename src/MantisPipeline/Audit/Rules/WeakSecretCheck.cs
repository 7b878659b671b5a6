using System.Text;
using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>JWT, session, cookie and encryption secrets that are short, made of words, or reused.</summary>
internal sealed class WeakSecretCheck : IAuditCheck
{
    private sealed record Occurrence(AuditedFile File, int Line, string Key, string Value)
    {
        public string Purpose { get; } = SecretNames.Normalize(Key);
    }

    public IEnumerable<Finding> Check(AuditInput input)
    {
        var occurrences = Occurrences(input).ToList();
        var purposesByValue = occurrences.GroupBy(o => o.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Key).DistinctBy(SecretNames.Normalize).ToList());

        foreach (var occurrence in occurrences)
        {
            var reasons = Reasons(occurrence, input.Options.MinimumSecretBytes, purposesByValue[occurrence.Value]);
            if (reasons.Count > 0)
            {
                var message = $"{occurrence.Key} {string.Join(" and ", reasons)}, so it can be guessed or " +
                    "a leak of one purpose opens the others.";
                var evidence = occurrence.File.Lines[occurrence.Line - 1].Trim();
                yield return AuditRules.WeakSecret.At(
                    occurrence.File, occurrence.Line, message, evidence, occurrence.Key, occurrence.Value);
            }
        }
    }

    private static List<string> Reasons(Occurrence occurrence, int minimumBytes, IReadOnlyList<string> keys)
    {
        var reasons = new List<string>();
        var bytes = Encoding.UTF8.GetByteCount(occurrence.Value);
        if (bytes < minimumBytes)
        {
            reasons.Add($"is {bytes} bytes long where {minimumBytes} is the minimum");
        }

        if (Words.MadeOfWords(occurrence.Value))
        {
            reasons.Add("is made of words");
        }

        var others = keys.Where(k => SecretNames.Normalize(k) != occurrence.Purpose).ToList();
        if (others.Count > 0)
        {
            reasons.Add($"has the same value as {string.Join(", ", others)}");
        }

        return reasons;
    }

    private static IEnumerable<Occurrence> Occurrences(AuditInput input)
    {
        var files = input.Files.Where(f => !f.IsTemplate && f.Kind is not (FileKind.Docs or FileKind.Other));
        var seen = new HashSet<(string, int, string)>();

        foreach (var file in files)
        {
            foreach (var occurrence in FromSettings(file).Concat(FromFallbacks(file)))
            {
                if (seen.Add((file.Path, occurrence.Line, occurrence.Purpose)))
                {
                    yield return occurrence;
                }
            }
        }
    }

    private static IEnumerable<Occurrence> FromSettings(AuditedFile file) =>
        Settings.In(file)
            .Where(s => SecretNames.IsPurposeSecret(s.Key) && IsLiteral(s.Value))
            .Where(s => file.Kind is not FileKind.Code || s.Quoted)
            .Select(s => new Occurrence(file, s.Line, s.Key, s.Value));

    private static IEnumerable<Occurrence> FromFallbacks(AuditedFile file)
    {
        if (file.Kind is not (FileKind.Code or FileKind.Script or FileKind.Compose))
        {
            yield break;
        }

        foreach (var (number, text) in file.NumberedLines())
        {
            foreach (var fallback in EnvFallbacks.In(text))
            {
                if (SecretNames.IsPurposeSecret(fallback.Variable) && IsLiteral(fallback.Literal))
                {
                    yield return new Occurrence(file, number, fallback.Variable, fallback.Literal);
                }
            }
        }
    }

    // An opening brace or bracket starts a nested object or list (a JSON schema, say), not a value.
    private static bool IsLiteral(string value) =>
        value.Length > 0 && value is not ("{" or "[") && !SecretNames.IsReference(value) && !value.Contains('(')
        && !value.StartsWith("process.", StringComparison.Ordinal);
}
