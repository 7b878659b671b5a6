using MantisPipeline.Containers;

namespace MantisPipeline.Tests.Containers;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("mantis-demo", "mantis-demo", "latest", null)]
    [InlineData("mantis-demo:1.4.0", "mantis-demo", "1.4.0", null)]
    [InlineData("127.0.0.1:5000/mantis-demo", "127.0.0.1:5000/mantis-demo", "latest", "127.0.0.1:5000")]
    [InlineData("127.0.0.1:5000/team/demo:1.4", "127.0.0.1:5000/team/demo", "1.4", "127.0.0.1:5000")]
    [InlineData("registry.example.com/demo:2", "registry.example.com/demo", "2", "registry.example.com")]
    [InlineData("team/demo:2", "team/demo", "2", null)]
    public void A_reference_splits_into_repository_tag_and_registry(
        string text, string repository, string tag, string? registry)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(registry, reference.Registry);
    }

    [Fact]
    public void A_reference_with_spaces_is_refused()
    {
        var error = Assert.Throws<PipelineException>(() => ImageReference.Parse("mantis demo:1"));

        Assert.Contains("'mantis demo:1'", error.Message);
    }
}
