namespace MantisPipeline.Releases;

/// <summary>A release as known when its deploy starts; the ledger adds id, time and outcome.</summary>
public sealed record ReleaseDraft(
    string Version,
    string Image,
    string ImageId,
    string Commit,
    string Container,
    string StartedBy);
