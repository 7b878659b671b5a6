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
            throw new PipelineException(
                "An environment file must not hold a connection string: it would be a secret in " +
                "git. Replace 'url' with 'url_from: <NAME_OF_AN_ENVIRONMENT_VARIABLE>' and " +
                "export that variable where the build runs.");
        }

        var serverless = section.Has("serverless") ? section.OptionalBool("serverless", false) : (bool?)null;
        var source = new ConnectionSource(section.RequiredString("url_from"), serverless);
        section.RejectUnknownKeys();
        return source;
    }

    // Production fails on high findings unless its file says otherwise; elsewhere the audit reports.
    private static AuditPolicy ReadAudit(YamlSection? section, string environment)
    {
        var fallback = environment == "production" ? "high" : "never";
        var failAt = section?.OptionalString("fail_at") ?? fallback;

        var policy = new AuditPolicy(
            Audit.AuditContext.ParseFailAt(failAt),
            section?.OptionalString("baseline"));

        section?.RejectUnknownKeys();
        return policy;
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
            perf?.OptionalList("endpoints") is { Count: > 0 } endpoints ? endpoints : ["/api/health"],
            perf?.OptionalInt("requests", 200, 10, 10_000) ?? 200,
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
