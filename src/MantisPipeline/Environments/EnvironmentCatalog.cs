using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MantisPipeline.Environments;

/// <summary>Finds and reads the environment definitions in deploy/environments.</summary>
public sealed class EnvironmentCatalog(string directory)
{
    public IReadOnlyList<string> Names =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.yml").Select(Path.GetFileNameWithoutExtension)
                .OfType<string>().Order().ToList()
            : [];

    public DeployEnvironment Load(string name)
    {
        var file = Path.Combine(directory, $"{name}.yml");
        var sameButCase = Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (!File.Exists(file) && sameButCase is not null)
        {
            throw new PipelineException(
                $"Unknown environment '{name}'. Did you mean '{sameButCase}'? Environment names " +
                "are the file names in deploy/environments, case included.");
        }

        if (!File.Exists(file))
        {
            var known = Names.Count == 0 ? "none" : string.Join(", ", Names);
            throw new PipelineException(
                $"Unknown environment '{name}': there is no {Relative(file)}. " +
                $"The environments defined are: {known}. Pass one of them with --env, " +
                $"or create {Relative(file)} (copy local.yml as a start).");
        }

        return EnvironmentReader.Read(name, Relative(file), ReadRoot(file));
    }

    private static YamlMappingNode ReadRoot(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(file);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new PipelineException(
                $"{file} is not valid YAML at line {e.Start.Line}: {e.Message} Fix the file's syntax.", e);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidCastException)
        {
            throw new PipelineException(
                $"{file} is not valid YAML ({e.Message}). Fix the file's syntax: an unclosed " +
                "bracket or quote is the usual cause.", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PipelineException($"{file} must hold a mapping with the keys docker, app, database and redis.");
        }

        return root;
    }

    private static string Relative(string file) =>
        Path.GetRelativePath(System.Environment.CurrentDirectory, file);
}
