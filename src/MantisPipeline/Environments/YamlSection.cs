using YamlDotNet.RepresentationModel;

namespace MantisPipeline.Environments;

/// <summary>
/// A strict view of one YAML mapping: every read marks its key as known, and
/// <see cref="RejectUnknownKeys"/> turns a typo into an error that names file, key and line.
/// </summary>
internal sealed class YamlSection
{
    private readonly string _file;
    private readonly string _path;
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _known = [];

    public YamlSection(string file, string path, YamlMappingNode node)
    {
        _file = file;
        _path = path;
        _node = node;
    }

    public bool Has(string key) => Find(key) is not null;

    public string? OptionalString(string key)
    {
        var node = Find(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw Error(key, node, "must be a single value, not a list or a mapping");
        }

        return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
    }

    public string RequiredString(string key) =>
        OptionalString(key) ?? throw Missing(key);

    public int OptionalInt(string key, int fallback, int min, int max)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, out var value) || value < min || value > max)
        {
            throw Error(key, Find(key)!, $"must be a whole number from {min} to {max}, not '{text}'");
        }

        return value;
    }

    public int RequiredInt(string key, int min, int max)
    {
        _ = RequiredString(key);
        return OptionalInt(key, 0, min, max);
    }

    public double OptionalDouble(string key, double fallback, double min, double max)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        var parsed = double.TryParse(
            text, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var value);
        if (!parsed || !double.IsFinite(value) || value < min || value > max)
        {
            throw Error(key, Find(key)!, $"must be a number from {min} to {max}, not '{text}'");
        }

        return value;
    }

    public bool OptionalBool(string key, bool fallback)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(key, Find(key)!, $"must be true or false, not '{text}'"),
        };
    }

    public TimeSpan OptionalDuration(string key, TimeSpan fallback)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        return Durations.TryParse(text, out var value) && value > TimeSpan.Zero
            ? value
            : throw Error(key, Find(key)!, $"must be a duration with its unit, such as 30s, 2m or 500ms, not '{text}'");
    }

    public IReadOnlyList<string> OptionalList(string key)
    {
        var node = Find(key);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(key, node, "must be a list, such as [/api/health, /api/notes]");
        }

        return sequence.Children
            .Select(child => (child as YamlScalarNode)?.Value
                ?? throw Error(key, child, "must hold plain values only"))
            .ToList();
    }

    public YamlSection? OptionalSection(string key)
    {
        var node = Find(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(key, node, "must be a mapping of keys to values");
        }

        return new YamlSection(_file, Qualify(key), mapping);
    }

    public YamlSection RequiredSection(string key) => OptionalSection(key) ?? throw Missing(key);

    public void RejectUnknownKeys()
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw new PipelineException(
                    $"{_file}: line {keyNode.Start.Line} has a key that is not a plain word. " +
                    "Write each key as a name followed by a colon.");
            }

            if (_known.Contains(key))
            {
                continue;
            }

            var known = string.Join(", ", _known.Order());
            throw new PipelineException(
                $"{_file}: unknown key '{Qualify(key)}' at line {keyNode.Start.Line}. " +
                $"The keys allowed here are: {known}. Fix the spelling or remove the key.");
        }
    }

    public PipelineException Error(string key, YamlNode node, string problem) =>
        new($"{_file}: '{Qualify(key)}' at line {node.Start.Line} {problem}.");

    private PipelineException Missing(string key) =>
        new($"{_file}: the key '{Qualify(key)}' is missing" +
            (_path.Length == 0 ? "" : $" from '{_path}' (line {_node.Start.Line})") +
            ". Add it (see deploy/environments/local.yml for a complete example).");

    /// <summary>An error about this section as a whole, placed at its first line.</summary>
    public PipelineException Problem(string problem) =>
        new($"{_file}: '{(_path.Length == 0 ? "the file" : _path)}' at line {_node.Start.Line} {problem}");

    private YamlNode? Find(string key)
    {
        _known.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    private string Qualify(string key) => _path.Length == 0 ? key : $"{_path}.{key}";
}
