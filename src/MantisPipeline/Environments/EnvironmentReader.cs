using MantisPipeline.Findings;

namespace MantisPipeline.Environments;

/// <summary>Maps one environment file onto <see cref="DeployEnvironment"/>, strictly.</summary>
internal static class EnvironmentReader
{
    public static DeployEnvironment Read(string name, string file, YamlDotNet.RepresentationModel.YamlMappingNode root)
    {
        var top = new YamlSection(file, "", root);
        var environment = new DeployEnvironment(
            name,
            file,
            ReadDocker(top.RequiredSection("docker")),
            ReadApp(top.RequiredSection("app")),
            ReadConnection(top.RequiredSection("database")),
            ReadConnection(top.RequiredSection("redis")),
            ReadLocalServices(top.OptionalSection("local_services")),
            ReadGates(top.OptionalSection("gates")),
            ReadAudit(top.OptionalSection("audit"), name));

        top.RejectUnknownKeys();
        return environment;
    }

    private static DockerSettings ReadDocker(YamlSection section)
    {
        var settings = new DockerSettings(
            section.RequiredString("endpoint"),
            section.OptionalString("registry"));

        section.RejectUnknownKeys();
        return settings;
    }

    private static AppSettings ReadApp(YamlSection section)
    {
        var settings = new AppSettings(
            section.RequiredString("name"),
            section.RequiredInt("port", 1024, 65535),
            section.RequiredString("base_image"),
            section.OptionalDuration("start_timeout", TimeSpan.FromSeconds(60)),
            section.OptionalInt("keep_releases", 3, 1, 50));

        section.RejectUnknownKeys();
        return settings;
    }

    private static ConnectionSource ReadConnection(YamlSection section)
    {
        if (section.Has("url"))
        {
            throw section.Problem(
                "holds a connection string ('url'): an environment file must not, since it " +
                "would be a secret in git. Replace it with 'url_from: <NAME_OF_A_VARIABLE>' and " +
                "export that variable where the build runs.");
        }

        // Never echo the value: a URL pasted here by mistake carries its password.
        var variable = section.RequiredString("url_from");
        if (!System.Text.RegularExpressions.Regex.IsMatch(variable, "^[A-Za-z_][A-Za-z0-9_]*$"))
        {
            throw section.Problem(
                "has a 'url_from' that is not the name of an environment variable. Write the " +
                "variable's name there (such as STAGING_DATABASE_URL), not its value.");
        }

        var serverless = section.Has("serverless") ? section.OptionalBool("serverless", false) : (bool?)null;
        var source = new ConnectionSource(variable, serverless);
        section.RejectUnknownKeys();
        return source;
    }

    // Production fails on high findings unless its file says otherwise; elsewhere the audit reports.
    private static AuditPolicy ReadAudit(YamlSection? section, string environment)
    {
        var fallback = environment == "production" ? "high" : "never";
        var failAt = section?.OptionalString("fail_at") ?? fallback;

        Severity? threshold;
        try
        {
            threshold = Audit.AuditContext.ParseFailAt(failAt);
        }
        catch (PipelineException e)
        {
            throw section!.Problem($"has a bad 'fail_at': {e.Message}");
        }

        var policy = new AuditPolicy(threshold, section?.OptionalString("baseline"));

        section?.RejectUnknownKeys();
        return policy;
    }

    // The perf gate judges nothing from fewer samples than this, so fewer could never pass.
    private const int MinimumPerfRequests = 50;

    // Paths only: the gate loads the release under test and nothing else.
    private static IReadOnlyList<string> PerfEndpoints(YamlSection? perf)
    {
        var endpoints = perf?.OptionalList("endpoints") ?? [];
        if (endpoints.FirstOrDefault(e => !e.StartsWith('/') || e.StartsWith("//")) is { } bad)
        {
            throw perf!.Problem(
                $"lists the endpoint '{bad}', which is not a path of the app. Write paths such " +
                "as /api/health; the perf gate sends its load only to the release it gates.");
        }

        return endpoints.Count > 0 ? endpoints : ["/api/health"];
    }

    private static LocalServices? ReadLocalServices(YamlSection? section)
    {
        if (section is null)
        {
            return null;
        }

        var services = new LocalServices(
            section.OptionalString("state_dir") ?? ".mantis/local",
            section.RequiredInt("postgres_port", 1024, 65535),
            section.RequiredInt("redis_port", 1024, 65535));

        section.RejectUnknownKeys();
        return services;
    }

    private static GateThresholds ReadGates(YamlSection? section)
    {
        var health = section?.OptionalSection("health");
        var smoke = section?.OptionalSection("smoke");
        var perf = section?.OptionalSection("perf");

        var thresholds = new GateThresholds(
            health?.OptionalDuration("timeout", TimeSpan.FromSeconds(60)) ?? TimeSpan.FromSeconds(60),
            smoke?.OptionalBool("enabled", true) ?? true,
            smoke?.OptionalString("expect_text"),
            PerfEndpoints(perf),
            perf?.OptionalInt("requests", 200, MinimumPerfRequests, 10_000) ?? 200,
            perf?.OptionalInt("concurrency", 8, 1, 64) ?? 8,
            perf?.OptionalDouble("p95_ms", 250, 1, 60_000) ?? 250,
            perf?.OptionalDouble("max_error_rate", 0.01, 0, 1) ?? 0.01);

        health?.RejectUnknownKeys();
        smoke?.RejectUnknownKeys();
        perf?.RejectUnknownKeys();
        section?.RejectUnknownKeys();
        return thresholds;
    }
}
