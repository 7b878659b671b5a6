using MantisPipeline.Engine.Internal;

namespace MantisPipeline.Engine.Tests;

public sealed class TargetFactoryTests
{
    [Fact]
    public void Targets_come_base_class_first_then_in_source_order()
    {
        var targets = TargetFactory.Create(new DerivedBuild());

        Assert.Equal(["Setup", "Zulu", "Alpha", "Mike"], targets.Select(t => t.Name));
        Assert.Equal([0, 1, 2, 3], targets.Select(t => t.DeclarationIndex));
    }

    [Fact]
    public void Relations_resolve_to_names_and_reverse_relations_become_forward_ones()
    {
        var targets = TargetFactory.Create(new DerivedBuild()).ToDictionary(t => t.Name);

        Assert.Equal(["Setup", "Zulu", "Mike"], targets["Alpha"].Dependencies);
        Assert.Empty(targets["Mike"].Dependencies);
        Assert.Equal(["Mike"], targets["Zulu"].OrderedAfter);
    }

    private class BaseBuild : PipelineBuild
    {
        protected Target Setup => _ => _.Executes(() => { });
    }

    private sealed class DerivedBuild : BaseBuild
    {
        private Target Zulu => _ => _;

        private Target Alpha => _ => _.DependsOn(Setup, Zulu);

        private Target Mike => _ => _.DependentFor(Alpha).Before(Zulu);
    }
}
