namespace MantisPipeline.Tests.Audit;

/// <summary>A rule expected to fire on the line of a file that contains a marker text.</summary>
internal sealed record Expectation(string RuleId, string Path, string LineContains, int? Line = null);

/// <summary>A fixture repository together with every finding a correct audit reports on it.</summary>
internal sealed class LabeledFixture(string name, FixtureRepository repository, IReadOnlyList<Expectation> expected)
    : IDisposable
{
    public string Name { get; } = name;

    public FixtureRepository Repository { get; } = repository;

    public IReadOnlyList<Expectation> Expected { get; } = expected;

    /// <summary>Expected findings as (rule, path, line), the line found from its marker text.</summary>
    public IReadOnlySet<(string Rule, string Path, int Line)> ExpectedPlaces() =>
        Expected.Select(e => (e.RuleId, e.Path, e.Line ?? LineOf(e))).ToHashSet();

    private int LineOf(Expectation expectation)
    {
        var lines = Repository.Text(expectation.Path).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(expectation.LineContains, StringComparison.Ordinal));
        return index >= 0
            ? index + 1
            : throw new InvalidOperationException($"No line of {expectation.Path} holds '{expectation.LineContains}'.");
    }

    public void Dispose() => Repository.Dispose();
}
