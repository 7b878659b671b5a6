namespace MantisPipeline.Tests.Secrets;

/// <summary>One labelled file of the corpus: a secret of a kind, or a decoy that holds none.</summary>
public sealed record CorpusSample(string Kind, string FileName, string Content, bool IsSecret);
