using MantisPipeline.Audit.Compose;
using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>
/// Compose services that publish a data store on all interfaces, lack a health check, or
/// carry literal secrets.
/// </summary>
internal sealed class ComposeHygieneCheck : IAuditCheck
{
    // Settings that name a secret's mode or location rather than holding one.
    private static readonly HashSet<string> NotSecrets = ["postgreshostauthmethod", "redisargs"];

    public IEnumerable<Finding> Check(AuditInput input)
    {
        foreach (var file in input.LiveFiles.Where(f => f.Kind is FileKind.Compose))
        {
            foreach (var service in ComposeFile.Parse(file).Services)
            {
                foreach (var finding in Judge(file, service))
                {
                    yield return finding;
                }
            }
        }
    }

    private static IEnumerable<Finding> Judge(AuditedFile file, ComposeService service)
    {
        foreach (var port in service.Ports.Where(p => p.OnAllInterfaces && service.IsDataStore))
        {
            var message = $"The service '{service.Name}' publishes '{port.Text}' on all interfaces, " +
                "so the data store answers anyone who can reach this host.";
            yield return AuditRules.PublishedPort.At(
                file, port.Line, message, Line(file, port.Line), $"{service.Name}:{port.Text}");
        }

        if (!service.HasHealthCheck)
        {
            var message = $"The service '{service.Name}' has no health check, so nothing waits " +
                "for it to be ready or notices when it stops answering.";
            yield return AuditRules.MissingHealthCheck.At(
                file, service.Line, message, $"{service.Name}:", service.Name);
        }

        foreach (var entry in service.Environment.Where(IsLiteralSecret))
        {
            var message = $"The service '{service.Name}' gets {entry.Key} as a literal value written " +
                "in the compose file, so the secret lives in git.";
            yield return AuditRules.LiteralSecretEnv.At(
                file, entry.Line, message, Line(file, entry.Line), $"{service.Name}:{entry.Key}");
        }
    }

    private static bool IsLiteralSecret(EnvironmentEntry entry)
    {
        var value = entry.Value.Trim();
        var notSecret = NotSecrets.Contains(SecretNames.Normalize(entry.Key));
        if (value.Length == 0 || SecretNames.IsReference(value) || notSecret)
        {
            return false;
        }

        var urlPassword = ServiceUrls.Parse(value)?.Password is { } password && !SecretNames.IsReference(password);
        return SecretNames.IsSecretKey(entry.Key) || urlPassword;
    }

    private static string Line(AuditedFile file, int line) => file.Lines[line - 1].Trim();
}
