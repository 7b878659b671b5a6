using System.Text.Json;
using System.Text.Json.Nodes;
using MantisPipeline.Engine.Internal;

namespace MantisPipeline.Engine;

/// <summary>
/// Generates <c>.nuke/build.schema.json</c>, the JSON Schema (draft-07) that lets editors
/// complete and check <c>.nuke/parameters*.json</c>.
/// </summary>
public static class SchemaWriter
{
    public const string FileName = "build.schema.json";

    public static string Generate(Type buildType)
    {
        var targets = TargetFactory.TargetProperties(buildType).Select(p => p.Name).ToArray();
        var properties = new JsonObject();
        foreach (var parameter in ParameterMember.Of(buildType))
        {
            properties[parameter.Name] = Property(parameter.Type, parameter.Description);
        }

        properties["Target"] = TargetList("Targets to run when none are named on the command line");
        properties["Skip"] = TargetList("Targets to skip when --skip is not given");

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Build Schema",
            ["type"] = "object",
            ["definitions"] = new JsonObject
            {
                ["Target"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(targets) },
            },
            ["properties"] = properties,
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Writes the schema into <c>.nuke/</c> under the root directory.</summary>
    public static void Write(Type buildType, string rootDirectory) =>
        File.WriteAllText(PathIn(rootDirectory), Generate(buildType));

    /// <summary>Whether the file on disk is the schema of this build, line endings ignored.</summary>
    public static bool IsCurrent(Type buildType, string rootDirectory)
    {
        var path = PathIn(rootDirectory);
        return File.Exists(path) && Normalise(File.ReadAllText(path)) == Normalise(Generate(buildType));
    }

    public static string PathIn(string rootDirectory) => Path.Combine(rootDirectory, ".nuke", FileName);

    private static JsonObject Property(Type type, string description)
    {
        var property = TypeOf(ValueConverter.UnderlyingType(type));
        property["description"] = description;
        return property;
    }

    private static JsonObject TypeOf(Type type)
    {
        if (type.IsArray)
        {
            return new JsonObject
            {
                ["type"] = "array",
                ["items"] = TypeOf(ValueConverter.UnderlyingType(type.GetElementType()!)),
            };
        }

        if (type.IsEnum)
        {
            return new JsonObject { ["type"] = "string", ["enum"] = Strings(Enum.GetNames(type)) };
        }

        var name = type switch
        {
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(int) || type == typeof(long) => "integer",
            _ when type == typeof(double) => "number",
            _ => "string",
        };
        return new JsonObject { ["type"] = name };
    }

    private static JsonObject TargetList(string description) => new()
    {
        ["type"] = "array",
        ["description"] = description,
        ["items"] = new JsonObject { ["$ref"] = "#/definitions/Target" },
    };

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    private static string Normalise(string text) => text.Replace("\r\n", "\n").TrimEnd();
}
