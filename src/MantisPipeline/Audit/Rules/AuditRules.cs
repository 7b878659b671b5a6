using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>The catalog of audit rules, one entry per mistake the review found.</summary>
public static class AuditRules
{
    public static readonly AuditRule EndpointFallback = new(
        "audit/endpoint-fallback",
        "Hard-coded endpoint fallback",
        Severity.High,
        "Remove the fallback and fail at startup with a clear message when the variable is missing.");

    public static readonly AuditRule HardCodedAddress = new(
        "audit/hard-coded-address",
        "Hard-coded service address",
        Severity.Low,
        "Read the address from the environment's configuration instead of writing it into files.");

    public static readonly AuditRule PoolLimits = new(
        "audit/pool-limits",
        "Connection pool outside the database's limits",
        Severity.Medium,
        "Size the pool for the database it talks to; serverless Postgres wants min 0-1, max 10 " +
        "or less, idle timeout 10-20 s and connect timeout 5-10 s.");

    public static readonly AuditRule StatementTimeout = new(
        "audit/statement-timeout",
        "No statement timeout",
        Severity.High,
        "Set statement_timeout and idle_in_transaction_session_timeout in the connection " +
        "options (for example options=-c statement_timeout=5000) or in the pool configuration.");

    public static readonly AuditRule DatabaseTls = new(
        "audit/database-tls",
        "Remote database without TLS",
        Severity.Critical,
        "Add sslmode=require (or verify-full) to the database URL.");

    public static readonly AuditRule CertificateCheck = new(
        "audit/certificate-check",
        "Certificate check switched off",
        Severity.Critical,
        "Keep certificate verification on; trust the provider's CA instead of disabling checks.");

    public static readonly AuditRule RedisPassword = new(
        "audit/redis-password",
        "Redis without a password",
        Severity.High,
        "Require a password on the Redis server and put it in the URL (redis://:PASSWORD@host:6379).");

    public static readonly AuditRule RedisLocalhost = new(
        "audit/redis-localhost",
        "Redis at localhost from inside a container",
        Severity.High,
        "Address Redis by its service or host name; inside a container localhost is the container.");

    public static readonly AuditRule RedisUnused = new(
        "audit/redis-unused",
        "Redis server that no code uses",
        Severity.Medium,
        "Remove the Redis service, or add the client that was meant to use it.");

    public static readonly AuditRule WeakSecret = new(
        "audit/weak-secret",
        "Weak secret",
        Severity.High,
        "Generate a random secret of at least 32 bytes (openssl rand -base64 48), one per " +
        "purpose, and keep it in the environment's secret store.");

    public static readonly AuditRule TrackedSensitiveFile = new(
        "audit/tracked-sensitive-file",
        "Sensitive file tracked by git",
        Severity.Critical,
        "Rotate every credential in the file, stop tracking it (git rm --cached), list it in " +
        ".gitignore, and purge it from history.");

    public static readonly AuditRule LoopbackTrust = new(
        "audit/loopback-trust",
        "Client IP compared with loopback",
        Severity.Medium,
        "Do not trust the client address: behind a reverse proxy every request comes from " +
        "loopback. Authenticate the caller instead.");

    public static readonly AuditRule PublishedPort = new(
        "audit/published-port",
        "Database or cache published on all interfaces",
        Severity.High,
        "Bind the published port to loopback (127.0.0.1:5432:5432) or do not publish it.");

    public static readonly AuditRule MissingHealthCheck = new(
        "audit/missing-health-check",
        "Service without a health check",
        Severity.Medium,
        "Add a healthcheck to the service so that dependants and deploys wait for it to be ready.");

    public static readonly AuditRule LiteralSecretEnv = new(
        "audit/literal-secret-env",
        "Secret passed as a literal environment value",
        Severity.Medium,
        "Pass the secret as ${VARIABLE} from the environment or as a Docker secret (_FILE).");

    public static IReadOnlyList<AuditRule> All { get; } =
    [
        EndpointFallback, HardCodedAddress, PoolLimits, StatementTimeout, DatabaseTls,
        CertificateCheck, RedisPassword, RedisLocalhost, RedisUnused, WeakSecret,
        TrackedSensitiveFile, LoopbackTrust, PublishedPort, MissingHealthCheck, LiteralSecretEnv,
    ];
}
