using System.Diagnostics;

namespace MantisPipeline.Bench;

/// <summary>The tools teams use today, set up and run the way their documentation says.</summary>
internal sealed class Peers(string cache)
{
    public const string SecretlintVersion = "13.0.6";
    public const string PresetVersion = "13.0.7";

    public Measurement GitSecretsHistory(string repository)
    {
        // git-secrets keeps its patterns in the repository's config; register the AWS set once.
        Run(repository, "git", "config", "--unset-all", "secrets.patterns");
        Run(repository, "git", "config", "--unset-all", "secrets.allowed");
        Run(repository, "git", "config", "--unset-all", "secrets.providers");
        Run(repository, "git", "secrets", "--register-aws");
        return Measurement.Run("git-secrets", "history", repository, "git", "secrets", "--scan-history");
    }

    public Measurement Secretlint(string repository)
    {
        var folder = Path.Combine(cache, $"secretlint-{SecretlintVersion}");
        var cli = Path.Combine(folder, "node_modules", "secretlint", "bin", "secretlint.js");
        if (!File.Exists(cli))
        {
            Directory.CreateDirectory(folder);
            Run(folder, "npm", "install", "--no-audit", "--no-fund", "--prefix", folder,
                $"secretlint@{SecretlintVersion}", $"@secretlint/secretlint-rule-preset-recommend@{PresetVersion}");
        }

        var config = Path.Combine(folder, ".secretlintrc.json");
        File.WriteAllText(config, """{ "rules": [ { "id": "@secretlint/secretlint-rule-preset-recommend" } ] }""");
        return Measurement.Run("secretlint", "tree", repository,
            "node", cli, "--secretlintrc", config, "--format", "json", "**/*");
    }

    private static void Run(string folder, params string[] command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
    }
}
