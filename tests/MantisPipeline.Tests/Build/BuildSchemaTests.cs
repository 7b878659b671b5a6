using MantisPipeline.Engine;
using MantisPipeline.Tests.EndToEnd;

namespace MantisPipeline.Tests.Build;

/// <summary>
/// The checked-in parameter schema must match the build class: on a developer's machine the
/// build rewrites it, and this test catches a change committed without the new file.
/// </summary>
public sealed class BuildSchemaTests
{
    [Fact]
    public void The_checked_in_schema_matches_the_build_class()
    {
        var build = typeof(global::Build);
        var file = SchemaWriter.PathIn(BuildScript.RepositoryRoot);

        var expected = SchemaWriter.Generate(build).ReplaceLineEndings();
        var actual = File.ReadAllText(file).ReplaceLineEndings();

        Assert.True(expected == actual,
            $"{file} is stale: run ./build.sh --help once and commit the regenerated file.");
    }
}
