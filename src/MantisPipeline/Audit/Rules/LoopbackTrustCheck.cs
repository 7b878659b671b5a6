using System.Text.RegularExpressions;
using MantisPipeline.Audit.Repository;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>Finds request handling that trusts a client because its address is loopback.</summary>
internal sealed partial class LoopbackTrustCheck : IAuditCheck
{
    public IEnumerable<Finding> Check(AuditInput input)
    {
        foreach (var file in input.LiveFiles.Where(f => f.Kind is FileKind.Code))
        {
            foreach (var (number, text) in file.NumberedLines())
            {
                if (!Trusts(text))
                {
                    continue;
                }

                var message = "A client address is compared with loopback; behind a reverse proxy " +
                    "every request arrives from loopback, so the rule lets everyone through (or no one).";
                yield return AuditRules.LoopbackTrust.At(file, number, message, text.Trim(), text.Trim());
            }
        }
    }

    private static bool Trusts(string line) =>
        (ClientAddress().IsMatch(line) && LoopbackLiteral().IsMatch(line) && Comparison().IsMatch(line))
        || LoopbackCall().IsMatch(line);

    [GeneratedRegex(
        @"\b(?:req|request|ctx|context|socket|connection)\??\.(?:ip|ips|remoteAddress|socket\.remoteAddress|" +
        @"connection\.remoteAddress|Connection\.RemoteIpAddress)\b|(?i:x-forwarded-for|x-real-ip)|REMOTE_ADDR|" +
        @"\b(?:ip|IP|ipAddress|ipAddr|[a-z]+(?:Ip|IP)(?:Address|Addr)?|(?:remote|client)Addr(?:ess)?)\b")]
    private static partial Regex ClientAddress();

    [GeneratedRegex(@"IsLoopback\([^)]*RemoteIpAddress")]
    private static partial Regex LoopbackCall();

    [GeneratedRegex(@"[""'`](?:127\.0\.0\.1|::1|::ffff:127\.0\.0\.1|localhost)[""'`]")]
    private static partial Regex LoopbackLiteral();

    [GeneratedRegex(@"===?|!==?|\.includes\(|\.startsWith\(|\.Equals\(|\bin\s*\[|\.has\(|\.indexOf\(")]
    private static partial Regex Comparison();
}
