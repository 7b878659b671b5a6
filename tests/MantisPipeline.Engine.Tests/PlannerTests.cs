using MantisPipeline.Engine.Internal;

namespace MantisPipeline.Engine.Tests;

/// <summary>The planner on plain objects: nothing runs.</summary>
public sealed class PlannerTests
{
    [Fact]
    public void Dependencies_come_first_and_declaration_order_breaks_ties()
    {
        // Zeta is declared before Alpha, so it comes first although Mid names Alpha first.
        var graph = new Graph("Zeta", "Alpha", "Mid");
        graph["Mid"].Dependencies.AddRange(["Alpha", "Zeta"]);

        var plan = ExecutionPlanner.Plan(graph.Targets, ["Mid"], SkipRequest.None);

        Assert.Equal(["Zeta", "Alpha", "Mid"], plan.Names);
        Assert.Equal(["dependency of Mid", "dependency of Mid", "invoked"], plan.Steps.Select(s => s.Reason));
    }

    [Fact]
    public void After_orders_only_targets_that_are_both_planned()
    {
        var graph = new Graph("Deploy", "Scan", "Test", "Lint");
        graph["Deploy"].OrderedAfter.AddRange(["Scan", "Lint"]);

        var plan = ExecutionPlanner.Plan(graph.Targets, ["Deploy", "Scan"], SkipRequest.None);

        Assert.Equal(["Scan", "Deploy"], plan.Names);
    }

    [Fact]
    public void Triggered_targets_join_the_plan_after_their_trigger()
    {
        var graph = new Graph("HealthGate", "Deploy", "Migrate");
        graph["Deploy"].Dependencies.Add("Migrate");
        graph["Deploy"].Triggers.Add("HealthGate");

        var plan = ExecutionPlanner.Plan(graph.Targets, ["Deploy"], SkipRequest.None);

        Assert.Equal(["Migrate", "Deploy", "HealthGate"], plan.Names);
        Assert.Equal("triggered by Deploy", plan.Steps[2].Reason);
    }

    [Fact]
    public void A_cycle_is_named_from_start_to_start()
    {
        var graph = new Graph("A", "B", "C");
        graph["A"].Dependencies.Add("B");
        graph["B"].Dependencies.Add("C");
        graph["C"].Dependencies.Add("A");

        var error = Assert.Throws<UsageException>(
            () => ExecutionPlanner.Plan(graph.Targets, ["A"], SkipRequest.None));

        Assert.Contains("A -> B -> C -> A", error.Message);
    }

    // Graph: Test depends on Compile, Deploy depends on Test and triggers Notify.
    // Expected plan, with `*` after each skipped target.
    [Theory]
    [InlineData("", false, "Compile Test Deploy Notify")]
    [InlineData("--skip Test", false, "Compile Test* Deploy Notify")]
    [InlineData("--skip", false, "Compile* Test* Deploy Notify*")]
    [InlineData("--skip Deploy", false, "Compile Test Deploy* Notify")]
    [InlineData("", true, "Compile Test* Deploy Notify")]
    public void Skip_table(string skip, bool testConditionFalse, string expected)
    {
        var graph = new Graph("Compile", "Test", "Deploy", "Notify");
        graph["Test"].Dependencies.Add("Compile");
        graph["Deploy"].Dependencies.Add("Test");
        graph["Deploy"].Triggers.Add("Notify");
        graph["Test"].StaticConditions.Add(new Condition(() => !testConditionFalse, "() => Tests"));
        var names = skip.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var request = skip.Length == 0 ? SkipRequest.None
            : names.Length == 0 ? SkipRequest.AllNotInvoked
            : SkipRequest.Only(names);

        var plan = ExecutionPlanner.Plan(graph.Targets, ["Deploy"], request);

        var shown = plan.Steps.Select(s => s.Target.Name + (s.IsSkipped ? "*" : ""));
        Assert.Equal(expected, string.Join(" ", shown));
    }

    [Fact]
    public void A_false_static_condition_is_the_skip_reason()
    {
        var graph = new Graph("PerfGate");
        graph["PerfGate"].StaticConditions.Add(new Condition(() => false, "() => !Fast"));

        var plan = ExecutionPlanner.Plan(graph.Targets, ["PerfGate"], SkipRequest.None);

        Assert.Equal("its condition !Fast is false", plan.Steps[0].SkipReason);
    }

    private sealed class Graph(params string[] names)
    {
        public IReadOnlyList<ExecutableTarget> Targets { get; } =
            names.Select((name, index) => new ExecutableTarget(name, index)).ToArray();

        public ExecutableTarget this[string name] => Targets.Single(t => t.Name == name);
    }
}
