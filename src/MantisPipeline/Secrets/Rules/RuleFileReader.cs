using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MantisPipeline.Secrets.Rules;

internal static class RuleFileReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .Build();

    public static RuleFileModel Read(string yaml, string source)
    {
        RuleFileModel? model;
        try
        {
            model = Deserializer.Deserialize<RuleFileModel?>(yaml);
        }
        catch (YamlException exception)
        {
            throw new PipelineException($"The secret rule file {source} cannot be read at line " +
                $"{exception.Start.Line}, column {exception.Start.Column}: {Inner(exception).Message} " +
                "Fix the YAML (keys: fragments, allow, rules) and run the scan again.", exception);
        }

        model ??= new RuleFileModel();
        CheckIds(model, source);
        return model;
    }

    private static void CheckIds(RuleFileModel model, string source)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in model.Rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                throw new PipelineException($"A rule in the secret rule file {source} has no `id`. " +
                    "Give every rule a unique id; a user file replaces a default rule by using its id.");
            }

            if (!seen.Add(rule.Id))
            {
                throw new PipelineException($"The secret rule file {source} defines the rule '{rule.Id}' " +
                    "twice. Keep one of them.");
            }
        }
    }

    private static Exception Inner(Exception exception) => exception.InnerException ?? exception;
}
