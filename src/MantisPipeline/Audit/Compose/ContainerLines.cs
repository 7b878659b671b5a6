using MantisPipeline.Audit.Repository;

namespace MantisPipeline.Audit.Compose;

/// <summary>Marks the lines that run inside their own container: compose and Dockerfile health checks.</summary>
internal static class ContainerLines
{
    public static void Mark(AuditedFile file)
    {
        if (file.Kind is FileKind.Compose)
        {
            MarkComposeHealthChecks(file);
        }
        else if (file.Name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase))
        {
            MarkDockerfileHealthCheck(file);
        }
    }

    private static void MarkComposeHealthChecks(AuditedFile file)
    {
        foreach (var service in ComposeFile.Parse(file).Services)
        {
            if (service.HealthCheckLines is { } lines)
            {
                for (var line = lines.First; line <= lines.Last; line++)
                {
                    file.MarkInContainer(line);
                }
            }
        }
    }

    private static void MarkDockerfileHealthCheck(AuditedFile file)
    {
        var continuing = false;
        foreach (var (number, text) in file.NumberedLines())
        {
            var trimmed = text.TrimStart();
            if (continuing || trimmed.StartsWith("HEALTHCHECK", StringComparison.OrdinalIgnoreCase))
            {
                file.MarkInContainer(number);
                continuing = trimmed.TrimEnd().EndsWith('\\');
            }
        }
    }
}
