namespace MantisPipeline.Gates;

/// <summary>A check of a running release that measures it and returns a verdict.</summary>
public interface IGate
{
    string Name { get; }

    Task<GateResult> RunAsync(CancellationToken cancellationToken);
}
