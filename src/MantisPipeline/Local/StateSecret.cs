using System.Security.Cryptography;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Local;

/// <summary>A generated password kept in a 0600 file in the state folder, so restarts reuse it.</summary>
internal static class StateSecret
{
    // Letters and digits only: the value goes into URLs and connection strings unescaped.
    private const string Alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private const int Length = 32;

    public static async Task<string> LoadOrCreateAsync(string path, CancellationToken ct)
    {
        var secret = File.Exists(path) ? Load(path) : await CreateAsync(path, ct);
        SecretMasker.Register(secret);
        return secret;
    }

    private static string Load(string path)
    {
        OwnerOnlyFile.Restrict(path);
        var secret = File.ReadAllText(path).Trim();
        if (secret.Length == 0)
        {
            throw new PipelineException(
                $"The password file {path} is empty. Delete the state folder that holds it " +
                "to start the local services afresh (their data is lost).");
        }

        return secret;
    }

    private static async Task<string> CreateAsync(string path, CancellationToken ct)
    {
        var secret = RandomNumberGenerator.GetString(Alphabet, Length);
        await OwnerOnlyFile.WriteAsync(path, secret, ct);
        return secret;
    }
}
