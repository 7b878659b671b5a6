using System.Security.Cryptography;

namespace MantisPipeline.Bench;

/// <summary>Credentials for the generated repositories, assembled at run time so no source holds one.</summary>
internal static class Planted
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Settings()
    {
        var key = "AK" + "IA" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        var secret = RandomNumberGenerator.GetString(Alphanumeric + "/+", 40);
        return $"AWS_ACCESS_KEY_ID={key}\nAWS_SECRET_ACCESS_KEY={secret}\n" +
            $"DATABASE_URL=postgres://app:{Random(24)}@db.internal:5432/app\n";
    }

    public static string Keys()
    {
        return $"GITHUB_TOKEN={"gh" + "p_" + Random(36)}\nSTRIPE_KEY={"sk" + "_live_" + Random(32)}\n";
    }

    private static string Random(int length) => RandomNumberGenerator.GetString(Alphanumeric, length);
}
