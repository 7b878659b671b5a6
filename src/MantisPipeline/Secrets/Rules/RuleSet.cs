using System.Text.RegularExpressions;
using MantisPipeline.Findings;

namespace MantisPipeline.Secrets.Rules;

/// <summary>The rules a scan runs, in order, with the allow lists that apply to all of them.</summary>
public sealed class RuleSet
{
    private const string DefaultResource = "MantisPipeline.Secrets.Rules.default-rules.yml";

    // A rule that needs longer than this on one file is reported, and the scan marked incomplete.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    private static readonly Regex FragmentReference = new(@"\{\{([\w-]+)\}\}", RegexOptions.CultureInvariant);

    private static readonly Regex LineBreak = new(@"\r?\n[ \t]*", RegexOptions.CultureInvariant);

    private RuleSet(
        IReadOnlyList<SecretRule> rules, IReadOnlyList<Regex> allowedPaths, IReadOnlyList<AllowEntry> allows)
    {
        Rules = rules;
        AllowedPaths = allowedPaths;
        Allows = allows;
    }

    public IReadOnlyList<SecretRule> Rules { get; }

    /// <summary>Files whose path matches one of these are not scanned at all.</summary>
    public IReadOnlyList<Regex> AllowedPaths { get; }

    public IReadOnlyList<AllowEntry> Allows { get; }

    /// <summary>The embedded default rules, extended or overridden by a user rule file if given.</summary>
    public static RuleSet Load(string? userRuleFile = null)
    {
        var model = RuleFileReader.Read(ReadDefaultText(), "the default rule file");
        if (userRuleFile is not null)
        {
            var user = RuleFileReader.Read(ReadUserText(userRuleFile), userRuleFile);
            RuleFileMerger.Merge(model, user);
        }

        return Compile(model, userRuleFile ?? "the default rule file");
    }

    public bool IsPathAllowed(string path) => AllowedPaths.Any(pattern => pattern.IsMatch(path));

    private static string ReadDefaultText()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The resource '{DefaultResource}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ReadUserText(string path)
    {
        if (!File.Exists(path))
        {
            throw new PipelineException(
                $"The secret rule file '{path}' does not exist. Pass the path of a YAML file in the " +
                "default rule file's format, or leave the option out to use only the default rules.");
        }

        return File.ReadAllText(path);
    }

    private static RuleSet Compile(RuleFileModel model, string source)
    {
        var rules = model.Rules
            .Where(rule => rule.Enabled != false)
            .Select(rule => CompileRule(rule, model.Fragments, source))
            .ToList();

        var paths = model.Allow.Paths.Select(path => CompileRegex(path, "allow.paths", source)).ToList();
        var allows = model.Allow.Values.Select(entry => CompileAllow(entry, "allow.values", source)).ToList();
        return new RuleSet(rules, paths, allows);
    }

    private static SecretRule CompileRule(RuleModel rule, IReadOnlyDictionary<string, string> fragments, string source)
    {
        var id = rule.Id!;
        var where = $"rule '{id}'";
        if (string.IsNullOrWhiteSpace(rule.Regex))
        {
            throw new PipelineException($"The {where} in {source} has no regex. Give it a `regex:` " +
                "with a group named `secret`, or set `enabled: false` to turn it off.");
        }

        var scope = ParseScope(rule, where, source);
        var expanded = Expand(rule.Regex, fragments, where, source);
        var pattern = CompileRegex(scope == RuleScope.Key ? $@"\G(?:{expanded})" : expanded, where, source);
        if (!pattern.GetGroupNames().Contains("secret"))
        {
            throw new PipelineException($"The regex of {where} in {source} has no group named `secret`. " +
                "Wrap the part that is the secret in (?<secret>...) so that it can be redacted and fingerprinted.");
        }

        return new SecretRule(
            id,
            rule.Description ?? id,
            ParseSeverity(rule.Severity, where, source),
            new RulePattern(pattern),
            rule.Keywords ?? [],
            rule.Entropy,
            ParseCheck(rule.Check, where, source),
            rule.Remedy ?? "Rotate the secret and keep it out of the repository.",
            (rule.Allow ?? []).Select(entry => CompileAllow(entry, where, source)).ToList(),
            scope);
    }

    private static RuleScope ParseScope(RuleModel rule, string where, string source)
    {
        if (rule.Keywords is null or [])
        {
            return RuleScope.File;
        }

        return rule.Scope switch
        {
            null or "line" => RuleScope.Line,
            "key" => RuleScope.Key,
            "file" => RuleScope.File,
            _ => throw new PipelineException($"The {where} in {source} has scope '{rule.Scope}'. Use " +
                "`line` (the default: the lines around a keyword), `key` (the key name around a " +
                "keyword) or `file` for secrets that span lines."),
        };
    }

    private static string Expand(
        string regex, IReadOnlyDictionary<string, string> fragments, string where, string source)
    {
        var joined = LineBreak.Replace(regex, "");
        return FragmentReference.Replace(joined, reference =>
        {
            var name = reference.Groups[1].Value;
            if (!fragments.TryGetValue(name, out var fragment))
            {
                throw new PipelineException($"The regex of {where} in {source} uses the fragment " +
                    $"'{{{{{name}}}}}', which no `fragments:` entry defines. Define it or write the regex out.");
            }

            return LineBreak.Replace(fragment, "");
        });
    }

    private static AllowEntry CompileAllow(AllowEntryModel entry, string where, string source)
    {
        if (entry.Value is null && entry.Match is null && entry.Path is null && entry.Payload is null)
        {
            throw new PipelineException($"An allow entry of {where} in {source} names none of `value`, " +
                "`match`, `path` or `payload`, so it would allow everything. Give it at least one regex.");
        }

        return new AllowEntry(
            entry.Description ?? "allowed",
            entry.Value is null ? null : CompileRegex(entry.Value, where, source),
            entry.Match is null ? null : CompileRegex(entry.Match, where, source),
            entry.Path is null ? null : CompileRegex(entry.Path, where, source),
            entry.Payload is null ? null : CompileRegex(entry.Payload, where, source));
    }

    private static Regex CompileRegex(string pattern, string where, string source)
    {
        try
        {
            var options = RegexOptions.CultureInvariant;
            return new Regex(LineBreak.Replace(pattern, ""), options, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new PipelineException($"A regex of {where} in {source} is not valid: {exception.Message} " +
                "Fix the regex (.NET syntax) and run the scan again.", exception);
        }
    }

    private static Severity ParseSeverity(string? severity, string where, string source)
    {
        if (severity is null)
        {
            return Severity.High;
        }

        if (!Enum.TryParse<Severity>(severity, ignoreCase: true, out var parsed))
        {
            throw new PipelineException($"The {where} in {source} has severity '{severity}'. " +
                "Use one of: low, medium, high, critical.");
        }

        return parsed;
    }

    private static RuleCheck ParseCheck(string? check, string where, string source)
    {
        if (check is null)
        {
            return RuleCheck.Match;
        }

        if (!Enum.TryParse<RuleCheck>(check, ignoreCase: true, out var parsed))
        {
            throw new PipelineException($"The {where} in {source} has check '{check}'. " +
                "Use `match` (the default) or `weak`.");
        }

        return parsed;
    }
}
