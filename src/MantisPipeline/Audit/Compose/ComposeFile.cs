using MantisPipeline.Audit.Repository;
using MantisPipeline.Engine.Logging;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MantisPipeline.Audit.Compose;

/// <summary>A port published by a compose service, as written and as understood.</summary>
public sealed record PublishedPort(string Text, int Line, string? HostIp, int? ContainerPort)
{
    public bool OnAllInterfaces => HostIp is null or "0.0.0.0" or "::" or "[::]";
}

public sealed record EnvironmentEntry(string Key, string Value, int Line);

/// <summary>One service of a compose file, with the line of each part the rules judge.</summary>
public sealed record ComposeService(
    string Name,
    int Line,
    string? Image,
    bool HasHealthCheck,
    (int First, int Last)? HealthCheckLines,
    IReadOnlyList<PublishedPort> Ports,
    IReadOnlyList<EnvironmentEntry> Environment)
{
    private static readonly string[] DataStoreImages =
    [
        "postgres", "postgis", "mysql", "mariadb", "mongo", "redis", "valkey", "keydb", "memcached",
        "elasticsearch", "opensearch", "rabbitmq", "cockroach", "timescale", "clickhouse", "mssql",
    ];

    public bool IsRedis => ImageName is { } name && (name.StartsWith("redis") || name.StartsWith("valkey"));

    public bool IsDataStore =>
        (ImageName is { } name && DataStoreImages.Any(name.Contains))
        || Ports.Any(p => p.ContainerPort is { } port && Text.Addresses.ServicePorts.Contains(port));

    /// <summary>The image's last path segment without tag: bitnami/redis:7 reads as redis.</summary>
    private string? ImageName => Image?.Split('/')[^1].Split(':')[0].ToLowerInvariant();
}

/// <summary>Reads the services of a docker compose file with YamlDotNet, keeping line numbers.</summary>
public sealed class ComposeFile
{
    private ComposeFile(IReadOnlyList<ComposeService> services) => Services = services;

    public IReadOnlyList<ComposeService> Services { get; }

    public static ComposeFile Parse(AuditedFile file)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Text));
            if (stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root
                && Child(root, "services") is YamlMappingNode services)
            {
                return new ComposeFile(services.Children.Select(ReadService).ToList());
            }
        }
        catch (YamlException e)
        {
            Log.Debug($"Audit: {file.Path} is not valid YAML ({e.Message}); its services are not judged.");
        }

        return new ComposeFile([]);
    }

    private static ComposeService ReadService(KeyValuePair<YamlNode, YamlNode> entry)
    {
        var name = ((YamlScalarNode)entry.Key).Value ?? "";
        var body = entry.Value as YamlMappingNode;
        var health = body is null ? null : Child(body, "healthcheck");
        var disabled = health is YamlMappingNode h && Scalar(Child(h, "disable")) is "true";

        return new ComposeService(
            name,
            (int)entry.Key.Start.Line,
            Scalar(body is null ? null : Child(body, "image")),
            health is not null && !disabled,
            health is null ? null : Lines(health),
            body is null ? [] : Ports(Child(body, "ports")),
            body is null ? [] : Environment(Child(body, "environment")));
    }

    // A block's end mark sits on the next key, so the last line is that of its last scalar.
    private static (int, int) Lines(YamlNode node) =>
        ((int)node.Start.Line, (int)node.AllNodes.Max(n => n is YamlScalarNode ? n.End.Line : n.Start.Line));

    private static IReadOnlyList<PublishedPort> Ports(YamlNode? node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            return [];
        }

        return sequence.Children.Select(Port).OfType<PublishedPort>().ToList();
    }

    private static PublishedPort? Port(YamlNode node)
    {
        var line = (int)node.Start.Line;
        if (node is YamlMappingNode map)
        {
            var target = int.TryParse(Scalar(Child(map, "target")), out var t) ? t : (int?)null;
            return new PublishedPort($"target {target}", line, Scalar(Child(map, "host_ip")), target);
        }

        if (Scalar(node) is not { } text)
        {
            return null;
        }

        var (hostIp, rest) = SplitHostIp(text);
        var container = rest.Split(':')[^1].Split('/')[0].Split('-')[0];
        return new PublishedPort(text, line, hostIp, int.TryParse(container, out var c) ? c : null);
    }

    /// <summary>Splits [HOST_IP:]HOST:CONTAINER, where the host IP may be bracketed IPv6.</summary>
    private static (string? HostIp, string Remainder) SplitHostIp(string text)
    {
        if (text.StartsWith('['))
        {
            var end = text.IndexOf(']');
            return (text[1..end], text[(end + 2)..]);
        }

        var parts = text.Split(':');
        return parts.Length >= 3 ? (parts[0], string.Join(':', parts[1..])) : (null, text);
    }

    private static IReadOnlyList<EnvironmentEntry> Environment(YamlNode? node) => node switch
    {
        YamlMappingNode map => map.Children
            .Select(c => new EnvironmentEntry(Scalar(c.Key) ?? "", Scalar(c.Value) ?? "", (int)c.Key.Start.Line))
            .ToList(),
        YamlSequenceNode list => list.Children
            .Select(c => (Text: Scalar(c) ?? "", Line: (int)c.Start.Line))
            .Where(c => c.Text.Contains('='))
            .Select(c => (c.Text, c.Line, At: c.Text.IndexOf('=')))
            .Select(c => new EnvironmentEntry(c.Text[..c.At], c.Text[(c.At + 1)..], c.Line))
            .ToList(),
        _ => [],
    };

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;
}
