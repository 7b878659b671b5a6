using MantisPipeline.Findings;
using MantisPipeline.Secrets;
using Xunit.Abstractions;

namespace MantisPipeline.Tests.Secrets;

/// <summary>This repository is scanned on every deploy, so the scanner's own code must not trip it.</summary>
public sealed class OwnRepositoryTests(ITestOutputHelper output)
{
    // Other folders belong to other parts of the pipeline; their owners keep them clean.
    private static readonly string[] OwnFolders =
    [
        "src/MantisPipeline/Secrets/",
        "src/MantisPipeline/Findings/",
        "tests/MantisPipeline.Tests/Secrets/",
    ];

    [Fact]
    public async Task The_scanner_its_rules_and_its_tests_hold_no_secret()
    {
        var root = RepositoryRoot();
        var scanner = SecretScanner.Create(new SecretScanOptions());

        var result = await scanner.ScanAsync(root);
        output.WriteLine(result.Summary);
        output.WriteLine(FindingsTable.Render(result.Findings));

        Assert.DoesNotContain(result.Findings, f => OwnFolders.Any(folder => f.Path.StartsWith(folder)));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Path.Exists(Path.Combine(folder.FullName, ".git")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests do not run inside a git repository.");
    }
}
