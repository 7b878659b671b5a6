using System.Net;

namespace MantisPipeline.Gates;

/// <summary>
/// Guards against pointing a gate, and its load, at a host other than this machine's loopback.
/// </summary>
public static class GateAddress
{
    public static Uri Check(Uri baseUrl, bool allowRemoteHost, string gate)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);

        if (!baseUrl.IsAbsoluteUri || !IsHttp(baseUrl))
        {
            throw new PipelineException(
                $"The {gate} gate was given '{baseUrl}' as the release's address, which is not an "
                + "absolute http or https URL. Pass the address the release listens on, such as "
                + "http://127.0.0.1:8080/.");
        }

        if (!allowRemoteHost && !IsLoopbackLiteral(baseUrl))
        {
            throw new PipelineException(
                $"The {gate} gate only checks releases at 127.0.0.1, and was given '{baseUrl}'. "
                + "Address the release as http://127.0.0.1:<port>/ (not localhost), or set "
                + "AllowRemoteHost in the gate's options if you mean to send its requests to "
                + $"'{baseUrl.Host}'.");
        }

        return baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl + "/");
    }

    private static bool IsHttp(Uri url) =>
        url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;

    private static bool IsLoopbackLiteral(Uri url) =>
        IPAddress.TryParse(url.Host, out var address) && address.Equals(IPAddress.Loopback);
}
