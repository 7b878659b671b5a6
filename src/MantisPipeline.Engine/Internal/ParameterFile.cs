using System.Text.Json;

namespace MantisPipeline.Engine.Internal;

/// <summary>A <c>.nuke/parameters*.json</c> file: parameter values keyed by member name.</summary>
internal sealed class ParameterFile
{
    /// <summary>Keys the engine reads besides the build's parameter names.</summary>
    private static readonly string[] EngineKeys = ["$schema", "Target", "Skip"];

    private readonly Dictionary<string, List<string>> _values;

    private ParameterFile(
        string displayPath,
        IReadOnlyList<string> keys,
        Dictionary<string, List<string>> values)
    {
        DisplayPath = displayPath;
        Keys = keys;
        _values = values;
    }

    public string DisplayPath { get; }

    /// <summary>Every key of the file, in file order, those set to null included.</summary>
    public IReadOnlyList<string> Keys { get; }

    public static ParameterFile? Load(string rootDirectory, string fileName)
    {
        var path = Path.Combine(rootDirectory, ".nuke", fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var displayPath = ".nuke/" + fileName;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var keys = root.EnumerateObject().Select(p => p.Name).ToArray();
            return new ParameterFile(displayPath, keys, Read(root));
        }
        catch (JsonException exception)
        {
            throw new UsageException(
                $"{displayPath} is not valid JSON ({exception.Message}). Fix the file, or delete " +
                "it to use the defaults.", exception);
        }
    }

    public bool TryGet(string key, out List<string> values) => _values.TryGetValue(key, out values!);

    /// <summary>
    /// Rejects keys that name no parameter: a misspelt "Enviroment" would otherwise be ignored,
    /// and the build would quietly run with the default.
    /// </summary>
    public static void CheckKeys(
        IReadOnlyList<ParameterFile> files,
        IReadOnlyList<ParameterMember> parameters)
    {
        var names = parameters.Select(p => p.Name).Concat(EngineKeys).ToArray();
        var problems = files
            .SelectMany(file => file.Keys
                .Where(key => !names.Contains(key, StringComparer.OrdinalIgnoreCase))
                .Select(key => UnknownKey(file, key, names)))
            .ToArray();

        if (problems.Length > 0)
        {
            var paragraphs = Environment.NewLine + Environment.NewLine;
            throw new UsageException(string.Join(paragraphs, problems));
        }
    }

    private static string UnknownKey(ParameterFile file, string key, string[] names)
    {
        var closest = EditDistance.Closest(key, names.Where(n => n != "$schema"));
        return $"{file.DisplayPath} has the key \"{key}\", which is no parameter of the build. " +
            $"Did you mean \"{closest}\"? Rename or remove the key; run with --help to list " +
            "the parameters.";
    }

    private static Dictionary<string, List<string>> Read(JsonElement root)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name != "$schema" && property.Value.ValueKind != JsonValueKind.Null)
            {
                values[property.Name] = Texts(property.Value).ToList();
            }
        }

        return values;
    }

    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        JsonValueKind.String => [element.GetString()!],
        _ => [element.GetRawText()],
    };
}
