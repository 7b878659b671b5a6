using System.Globalization;
using MantisPipeline.Findings;
using MantisPipeline.Secrets;
using Xunit.Abstractions;

namespace MantisPipeline.Tests.Secrets;

/// <summary>Recall and precision over a labelled corpus of secrets of many kinds and of decoys.</summary>
public sealed class SecretCorpusTests(ITestOutputHelper output) : IDisposable
{
    private const double Required = 0.95;

    private readonly TempGitRepository _repository = new();

    [Fact]
    public void The_corpus_is_large_and_varied()
    {
        var secrets = SecretCorpus.Secrets();

        Assert.InRange(secrets.Count, 120, 200);
        Assert.InRange(secrets.Select(sample => sample.Kind).Distinct().Count(), 60, 120);
        Assert.InRange(SecretCorpus.Decoys().Count, 120, 200);
    }

    [Fact]
    public async Task Finds_the_secrets_and_leaves_the_decoys_with_recall_and_precision_above_095()
    {
        var samples = SecretCorpus.Secrets().Concat(SecretCorpus.Decoys()).ToList();
        var paths = Plant(samples);

        var result = await SecretScanner.Create().ScanAsync(_repository.Root);

        var byPath = result.Findings.ToLookup(finding => finding.Path);
        var score = Measure(samples, paths, byPath);
        output.WriteLine(score.Report);
        Assert.True(score.Recall >= Required, $"Recall {score.Recall:0.000} is below {Required}.");
        Assert.True(score.Precision >= Required, $"Precision {score.Precision:0.000} is below {Required}.");
    }

    public void Dispose() => _repository.Dispose();

    private List<string> Plant(List<CorpusSample> samples)
    {
        var paths = new List<string>();
        for (var index = 0; index < samples.Count; index++)
        {
            var path = $"c{index:000}/{samples[index].FileName}";
            _repository.Write(path, samples[index].Content);
            paths.Add(path);
        }

        _repository.Commit("Add the corpus");
        return paths;
    }

    private static Score Measure(List<CorpusSample> samples, List<string> paths, ILookup<string, Finding> byPath)
    {
        var report = new List<string>();
        int found = 0, secrets = 0, falsePositives = 0;
        for (var index = 0; index < samples.Count; index++)
        {
            var sample = samples[index];
            var findings = byPath[paths[index]].ToList();
            if (sample.IsSecret)
            {
                secrets++;
                found += findings.Count > 0 ? 1 : 0;
                falsePositives += Math.Max(0, findings.Count - 1);
                report.AddRange(findings.Count == 0 ? [$"missed {sample.Kind} in {paths[index]}"] : []);
            }
            else
            {
                falsePositives += findings.Count;
            }

            report.AddRange(findings.Skip(sample.IsSecret ? 1 : 0)
                .Select(f => $"false positive {f.RuleId} in {paths[index]} ({sample.Kind}): {f.Evidence}"));
        }

        var recall = (double)found / secrets;
        var precision = (double)found / Math.Max(1, found + falsePositives);
        report.Insert(0, string.Create(CultureInfo.InvariantCulture,
            $"Corpus: {secrets} secrets, {samples.Count - secrets} decoys; found {found}, " +
            $"{falsePositives} false positives; recall {recall:0.000}, precision {precision:0.000}"));
        return new Score(recall, precision, string.Join('\n', report));
    }

    private sealed record Score(double Recall, double Precision, string Report);
}
