using System.Text.Json;

namespace MantisPipeline.Engine.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void The_schema_has_one_property_per_parameter_and_the_targets_as_an_enum()
    {
        using var schema = JsonDocument.Parse(SchemaWriter.Generate(typeof(SchemaBuild)));
        var root = schema.RootElement;
        var properties = root.GetProperty("properties");

        Assert.Equal("http://json-schema.org/draft-07/schema#", root.GetProperty("$schema").GetString());
        Assert.Equal("string", properties.GetProperty("Env").GetProperty("type").GetString());
        Assert.Equal("Where to deploy", properties.GetProperty("Env").GetProperty("description").GetString());
        Assert.Equal("boolean", properties.GetProperty("Fast").GetProperty("type").GetString());
        Assert.Equal("integer", properties.GetProperty("Replicas").GetProperty("type").GetString());
        Assert.Equal(["Info", "Error"], Strings(properties.GetProperty("Level").GetProperty("enum")));
        Assert.Equal("array", properties.GetProperty("Hosts").GetProperty("type").GetString());
        Assert.Equal(["Migrate", "Deploy"],
            Strings(root.GetProperty("definitions").GetProperty("Target").GetProperty("enum")));
        Assert.Equal("#/definitions/Target",
            properties.GetProperty("Skip").GetProperty("items").GetProperty("$ref").GetString());
    }

    [Fact]
    public void A_run_writes_the_schema_when_it_differs()
    {
        using var folder = new TempFolder(withNukeFolder: true);
        var path = Path.Combine(folder.NukeFolder, SchemaWriter.FileName);
        File.WriteAllText(path, "{}");

        BuildHarness.Run(new SchemaBuild(), x => x.Deploy, ["--plan"], workingDirectory: folder.Path);

        Assert.Equal(SchemaWriter.Generate(typeof(SchemaBuild)), File.ReadAllText(path));
    }

    [Fact]
    public void Line_endings_alone_do_not_rewrite_the_schema()
    {
        using var folder = new TempFolder(withNukeFolder: true);
        var path = Path.Combine(folder.NukeFolder, SchemaWriter.FileName);
        var windows = SchemaWriter.Generate(typeof(SchemaBuild)).Replace("\n", "\r\n");
        File.WriteAllText(path, windows);

        BuildHarness.Run(new SchemaBuild(), x => x.Deploy, ["--plan"], workingDirectory: folder.Path);

        Assert.Equal(windows, File.ReadAllText(path));
    }

    [Fact]
    public void In_CI_a_stale_schema_is_reported_not_rewritten()
    {
        using var folder = new TempFolder(withNukeFolder: true);
        var path = Path.Combine(folder.NukeFolder, SchemaWriter.FileName);
        File.WriteAllText(path, "{}");
        var environment = new Dictionary<string, string> { ["CI"] = "true" };

        var result = BuildHarness.Run(
            new SchemaBuild(), x => x.Deploy, ["--plan"], environment, folder.Path);

        Assert.Equal("{}", File.ReadAllText(path));
        Assert.Contains("WRN .nuke/build.schema.json is stale", result.Output);
    }

    private static string[] Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public enum Level
    {
        Info,
        Error,
    }

    private sealed class SchemaBuild : PipelineBuild
    {
        [Parameter("Where to deploy")]
        public readonly string Env = "local";

        [Parameter("Skip the smoke test")]
        public readonly bool Fast = false;

        [Parameter("How many instances")]
        public readonly int Replicas = 1;

        [Parameter("Log level")]
        public readonly Level Level = Level.Info;

        [Parameter("Hosts to deploy to")]
        public readonly string[] Hosts = [];

        public Target Migrate => _ => _.Executes(() => { });

        public Target Deploy => _ => _.DependsOn(Migrate).Executes(() => { });
    }
}
