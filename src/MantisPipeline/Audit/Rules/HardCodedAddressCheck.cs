using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>
/// Finds IP literals and host:port pairs of services written into code, scripts, migrations
/// and docs, grouped by literal: one finding per file, each saying in how many files it is.
/// </summary>
internal sealed class HardCodedAddressCheck : IAuditCheck
{
    public IEnumerable<Finding> Check(AuditInput input)
    {
        var places = input.LiveFiles
            .Where(f => f.Kind is FileKind.Code or FileKind.Script or FileKind.Sql or FileKind.Docs)
            .SelectMany(Places)
            .GroupBy(p => p.Literal)
            .OrderByDescending(g => g.Select(p => p.File.Path).Distinct().Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal);

        foreach (var group in places)
        {
            var perFile = group.GroupBy(p => p.File.Path).Select(g => g.First()).ToList();
            foreach (var place in perFile)
            {
                var message = $"The address {group.Key} is written into this file; it appears in " +
                    $"{Files(perFile.Count)}, all of which change when the service moves.";
                yield return AuditRules.HardCodedAddress.At(
                    place.File, place.Line, message, place.Evidence, group.Key);
            }
        }
    }

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";

    private static IEnumerable<(string Literal, AuditedFile File, int Line, string Evidence)> Places(
        AuditedFile file)
    {
        foreach (var (number, text) in file.NumberedLines())
        {
            if (file.IsInContainer(number) || text.Contains("version", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var ips = Addresses.IPv4Literals(text)
                .Where(ip => !Addresses.IsLoopback(ip.Literal) && !Addresses.IsUnspecified(ip.Literal));
            foreach (var (literal, _) in ips.Concat(Addresses.ServiceHostPorts(text)))
            {
                yield return (literal, file, number, text.Trim());
            }
        }
    }
}
