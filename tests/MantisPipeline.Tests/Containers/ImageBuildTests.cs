using MantisPipeline.Containers;
using MantisPipeline.Tests.Fixtures;

namespace MantisPipeline.Tests.Containers;

[Collection(DockerCollection.Name)]
public sealed class ImageBuildTests(DockerFixture docker) : IAsyncLifetime
{
    private readonly TestResources _resources = new(docker.Engine);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("mantis-build-");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _resources.DisposeAsync();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task Build_takes_its_base_and_args_and_labels_with_a_dockerfile_outside_the_context()
    {
        var context = _work.CreateSubdirectory("context");
        File.WriteAllText(Path.Combine(context.FullName, "page.html"), "<p>release page</p>");
        var dockerfile = Path.Combine(_work.FullName, "app.Dockerfile");
        File.WriteAllText(dockerfile, """
            ARG BASE_IMAGE
            FROM ${BASE_IMAGE}
            ARG VERSION
            COPY page.html /app/www/index.html
            RUN echo "version ${VERSION}" > /app/version.txt
            """);
        var tag = _resources.ImageTag();
        var build = new ImageBuild(context.FullName, dockerfile, [tag])
        {
            BuildArgs = new Dictionary<string, string>
            {
                ["BASE_IMAGE"] = docker.BaseImageTag,
                ["VERSION"] = "1.4.0",
            },
            Labels = new Dictionary<string, string>
            {
                ["mantis.test"] = "true",
                ["org.mantis.commit"] = "abc123",
            },
        };

        var id = await docker.Engine.BuildImageAsync(build);
        var image = await docker.Engine.InspectImageAsync(tag);
        var output = await RunToEndAsync(tag, "cat /app/version.txt /app/www/index.html");

        Assert.StartsWith("sha256:", id);
        Assert.Equal(id, image!.Id);
        Assert.Equal("abc123", image.Labels["org.mantis.commit"]);
        Assert.Contains("version 1.4.0", output);
        Assert.Contains("<p>release page</p>", output);
    }

    [Fact]
    public async Task A_failing_run_step_throws_with_the_step_output()
    {
        File.WriteAllText(Path.Combine(_work.FullName, "Dockerfile"), $"""
            FROM {docker.BaseImageTag}
            RUN echo "checking the release bundle" && echo "bundle is missing" >&2 && exit 3
            """);
        var build = new ImageBuild(_work.FullName, "Dockerfile", [_resources.ImageTag()]);

        var error = await Assert.ThrowsAsync<PipelineException>(
            () => docker.Engine.BuildImageAsync(build));

        Assert.Contains("returned a non-zero code: 3", error.Message);
        Assert.Contains("bundle is missing", error.Message);
        Assert.Contains(build.Tags[0], error.Message);
    }

    [Fact]
    public async Task A_missing_dockerfile_names_the_path()
    {
        var build = new ImageBuild(_work.FullName, "Nope.Dockerfile", [_resources.ImageTag()]);

        var error = await Assert.ThrowsAsync<PipelineException>(
            () => docker.Engine.BuildImageAsync(build));

        Assert.Contains(Path.Combine(_work.FullName, "Nope.Dockerfile"), error.Message);
    }

    private async Task<string> RunToEndAsync(string image, string script)
    {
        var name = _resources.ContainerName();
        await docker.Engine.RunAsync(new ContainerSpec(name, image)
        {
            Command = ["sh", "-c", script],
            Labels = DockerFixture.TestLabels,
        });
        await _resources.WaitForExitAsync(name);
        return await docker.Engine.LogsAsync(name);
    }
}
