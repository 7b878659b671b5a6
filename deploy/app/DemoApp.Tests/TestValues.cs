namespace DemoApp.Tests;

/// <summary>Credentials and URLs made at run time, so that no test file holds a literal one.</summary>
internal static class TestValues
{
    public static string NewPassword()
    {
        // Characters that must be percent-encoded in a URL, around a random core.
        return "p@ss:w/rd%" + Guid.NewGuid().ToString("N")[..12] + "?#";
    }

    public static string Url(string scheme, string? userInfo, string hostPort, string tail = "")
    {
        var credentials = userInfo is null ? "" : userInfo + "@";
        return string.Concat(scheme, "://", credentials, hostPort, tail);
    }

    public static string UserInfo(string user, string password)
    {
        return string.Concat(user, ":", Uri.EscapeDataString(password));
    }
}
