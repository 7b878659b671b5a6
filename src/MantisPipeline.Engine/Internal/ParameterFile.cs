using System.Text.Json;

namespace MantisPipeline.Engine.Internal;

/// <summary>A <c>.nuke/parameters*.json</c> file: parameter values keyed by member name.</summary>
internal sealed class ParameterFile
{
    private readonly Dictionary<string, List<string>> _values;

    private ParameterFile(string displayPath, Dictionary<string, List<string>> values)
    {
        DisplayPath = displayPath;
        _values = values;
    }

    public string DisplayPath { get; }

    public IEnumerable<string> Keys => _values.Keys;

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
            return new ParameterFile(displayPath, Read(document.RootElement));
        }
        catch (JsonException exception)
        {
            throw new UsageException(
                $"{displayPath} is not valid JSON ({exception.Message}). Fix the file, or delete " +
                "it to use the defaults.", exception);
        }
    }

    public bool TryGet(string key, out List<string> values) => _values.TryGetValue(key, out values!);

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
