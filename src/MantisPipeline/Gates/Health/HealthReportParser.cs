using System.Text.Json;

namespace MantisPipeline.Gates.Health;

/// <summary>Reads the comprehensive health body, and says what is wrong with one it cannot.</summary>
public static class HealthReportParser
{
    public static HealthReport Parse(string body)
    {
        using var document = ParseJson(body);
        var root = document.RootElement;

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected a JSON object, got {Describe(root)}");
        }

        var status = RequireString(root, "status", "the report");
        var version = OptionalString(root, "version");
        var checks = ReadChecks(root);
        return new HealthReport(status, version, checks);
    }

    private static JsonDocument ParseJson(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON ({e.Message}); it starts with '{Excerpt(body)}'", e);
        }
    }

    private static List<HealthCheckReport> ReadChecks(JsonElement root)
    {
        if (!root.TryGetProperty("checks", out var checks) || checks.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the report has no 'checks' object");
        }

        return checks.EnumerateObject().Select(ReadCheck).ToList();
    }

    private static HealthCheckReport ReadCheck(JsonProperty check)
    {
        if (check.Value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"check '{check.Name}' is {Describe(check.Value)}, not an object");
        }

        var status = RequireString(check.Value, "status", $"check '{check.Name}'");
        var hasLatency = check.Value.TryGetProperty("latencyMs", out var latencyMs)
            && latencyMs.ValueKind == JsonValueKind.Number;
        var latency = hasLatency ? latencyMs.GetDouble() : (double?)null;
        return new HealthCheckReport(check.Name, status, latency, OptionalString(check.Value, "error"));
    }

    private static string RequireString(JsonElement element, string name, string owner)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        throw new FormatException($"{owner} has no '{name}' string");
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Describe(JsonElement element) =>
        element.ValueKind.ToString().ToLowerInvariant();

    private static string Excerpt(string body)
    {
        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 60 ? flat : flat[..60] + "...";
    }
}
