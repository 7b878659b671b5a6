using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>Env files, key files and tool configs with keys that git tracks now or tracked once.</summary>
internal sealed class TrackedSensitiveFileCheck : IAuditCheck
{
    public IEnumerable<Finding> Check(AuditInput input)
    {
        var snapshot = input.Snapshot;
        if (!snapshot.IsGitRepository)
        {
            yield break;
        }

        var contents = snapshot.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var path in snapshot.TrackedPaths.Order(StringComparer.Ordinal))
        {
            contents.TryGetValue(path, out var file);
            if (Sensitive(path, file) is { } line)
            {
                var message = snapshot.IgnoredTrackedPaths.Contains(path)
                    ? $"{path} is listed in .gitignore but still tracked, so every clone receives it."
                    : $"{path} is tracked by git, so every clone and fork holds its credentials.";
                var place = file ?? new AuditedFile(path, "", FileOrigin.Tracked);
                yield return AuditRules.TrackedSensitiveFile.At(place, line, message, Evidence(place, line), "tracked");
            }
        }

        foreach (var (path, commit) in snapshot.FormerlyTracked.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var text = contents.TryGetValue(path, out var present) ? present.Text : "";
            var file = new AuditedFile(path, text, FileOrigin.History, commit);
            if (Sensitive(path, file) is { } line)
            {
                var message = $"{path} was committed and later untracked; its last version " +
                    $"(commit {commit.ShortSha}) is still in the history.";
                yield return AuditRules.TrackedSensitiveFile.At(file, line, message, Evidence(file, line), "history");
            }
        }
    }

    /// <summary>The line to point at when the path is sensitive, or null when it is not.</summary>
    private static int? Sensitive(string path, AuditedFile? file)
    {
        var name = Path.GetFileName(path);
        var secretLine = file is null ? null : SecretContent.FirstSecretLine(file);

        if (SensitivePaths.IsPrivateEnvFile(name))
        {
            return secretLine ?? 1;
        }

        if (SensitivePaths.IsKeyFile(name))
        {
            // Certificates share these extensions and hold nothing secret.
            var needsKeyText = Path.GetExtension(name) is ".pem" or ".key";
            var holdsKey = file is not null && file.Text.Contains("PRIVATE KEY", StringComparison.Ordinal);
            return needsKeyText && !holdsKey ? null : secretLine ?? 1;
        }

        return SensitivePaths.IsEnvFile(name) || SensitivePaths.IsToolConfig(path) ? secretLine : null;
    }

    private static string Evidence(AuditedFile file, int line) =>
        line <= file.Lines.Count && file.Lines[line - 1].Trim() is { Length: > 0 } text ? text : file.Path;
}
