using System.Security.Cryptography;

namespace MantisPipeline.Tests.Secrets;

/// <summary>
/// Secrets for tests, assembled at run time from pieces and random characters, so that no
/// source file holds one and this repository's own secret scan stays clean.
/// </summary>
public static class PlantedSecrets
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Alphanumeric = Letters + "0123456789";

    public static string Random(int length, string alphabet = Alphanumeric)
    {
        return RandomNumberGenerator.GetString(alphabet, length);
    }

    public static string GitHubToken() => "gh" + "p_" + Random(36);

    public static string GitLabToken() => "gl" + "pat-" + Random(20);

    public static string StripeKey() => "sk" + "_li" + "ve_" + Random(32);

    public static string OpenAiKey() => "sk" + "-proj-" + Random(48);

    public static string AnthropicKey() => "sk" + "-ant-" + "api03-" + Random(80);

    public static string SlackToken() => "xo" + "xb-" + Random(12, "0123456789") + "-" + Random(24);

    public static string SendGridKey() => "S" + "G." + Random(22) + "." + Random(43);

    public static string NeonKey() => "na" + "pi_" + Random(64, "abcdefghijklmnopqrstuvwxyz0123456789");

    public static string AwsAccessKeyId() => "AK" + "IA" + Random(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    public static string DatabasePassword() => Random(24);

    public static string NpmToken() => "np" + "m_" + Random(36);

    public static string DockerHubToken() => "dckr" + "_pat_" + Random(27);

    public static string HuggingFaceToken() => "h" + "f_" + Random(34, Letters);

    public static string MailgunKey() => "ke" + "y-" + Random(32, "0123456789abcdef");

    public static string DigitalOceanToken() => "do" + "p_v1_" + Random(64, "0123456789abcdef");

    public static string VaultToken() => "hv" + "s." + Random(92);

    public static string PypiToken() => "py" + "pi-AgEIcHlwaS5vcmc" + Random(64);

    public static string AgeKey() => "AGE-SECRET" + "-KEY-1" + Random(58, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    public static string SlackWebhook() =>
        "https://hooks.slack.com/services/T" + Random(8) + "/B" + Random(8) + "/" + Random(24);

    /// <summary>A readable signing secret of the kind the review found; a new one per call.</summary>
    public static string ReadableJwtSecret()
    {
        string[] words = ["acme", "jwt", "secret", "key", Random(1, "2345") + "025", "production"];
        return string.Join("_", words);
    }

    public static string PrivateKeyBlock()
    {
        var body = string.Join("\n", Enumerable.Range(0, 6).Select(_ => Random(64)));
        var label = "RSA PRI" + "VATE KEY";
        return $"-----BEGIN {label}-----\n{body}\n-----END {label}-----\n";
    }
}
