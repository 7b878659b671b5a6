using System.Text.Json;
using System.Text.Json.Serialization;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Findings;

/// <summary>Writes a findings report as JSON, for artifacts and for tools that read them.</summary>
public static class FindingsJsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(FindingsReport report)
    {
        // Evidence is redacted already; the masker is the second line of defence for any text.
        return SecretMasker.Apply(JsonSerializer.Serialize(report, Options));
    }

    public static async Task WriteAsync(string path, FindingsReport report, CancellationToken ct = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, Serialize(report), ct);
        Log.Information($"Wrote the {report.Scan} report to '{path}'.");
    }
}
