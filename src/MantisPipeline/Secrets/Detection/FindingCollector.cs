using System.Security.Cryptography;
using System.Text;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Findings;
using MantisPipeline.Secrets.History;

namespace MantisPipeline.Secrets.Detection;

/// <summary>Gathers matches from all blobs into one finding per distinct secret.</summary>
internal sealed class FindingCollector
{
    private readonly Dictionary<string, Sighting> _sightings = [];

    public void Add(SecretMatch match, BlobOrigin origin, bool present)
    {
        // The masker keeps the value out of every log line, whatever prints it later.
        SecretMasker.Register(match.Secret);

        var fingerprint = Fingerprint(match.Rule.Id, match.Secret);
        if (!_sightings.TryGetValue(fingerprint, out var sighting))
        {
            _sightings[fingerprint] = new Sighting(match, origin, present);
            return;
        }

        sighting.Add(match, origin, present);
    }

    public IReadOnlyList<Finding> ToFindings()
    {
        return _sightings
            .Select(pair => pair.Value.ToFinding(pair.Key))
            .OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.Path, StringComparer.Ordinal)
            .ThenBy(finding => finding.Line)
            .ToList();
    }

    /// <summary>The rule id and the SHA-256 of the secret: stable across commits and line moves.</summary>
    public static string Fingerprint(string ruleId, string secret)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return $"{ruleId}:{Convert.ToHexStringLower(hash)}";
    }

    private sealed class Sighting(SecretMatch first, BlobOrigin firstOrigin, bool present)
    {
        private SecretMatch _first = first;
        private BlobOrigin _firstOrigin = firstOrigin;
        private bool _present = present;
        private bool _onHeadLine = firstOrigin.OnHeadLine;
        private int _occurrences = 1;

        public void Add(SecretMatch match, BlobOrigin origin, bool present)
        {
            _occurrences++;
            _present |= present;
            _onHeadLine |= origin.OnHeadLine;
            if (IsEarlier(origin, _firstOrigin))
            {
                _first = match;
                _firstOrigin = origin;
            }
        }

        public Finding ToFinding(string fingerprint)
        {
            var rule = _first.Rule;
            var commit = _firstOrigin.Commit;
            return new Finding(
                rule.Id, rule.Description, rule.Severity, _firstOrigin.Path, _first.Line,
                _first.Evidence, fingerprint, rule.Remedy)
            {
                Commit = commit?.Sha,
                Author = commit?.Author,
                Date = commit?.Date,
                Presence = _present ? Presence.AtHead : _onHeadLine ? Presence.Deleted : Presence.OnlyInHistory,
                Detail = _first.Detail,
                Occurrences = _occurrences,
            };
        }

        // Uncommitted content comes last: any commit holding the secret introduced it earlier.
        private static bool IsEarlier(BlobOrigin candidate, BlobOrigin current)
        {
            if (candidate.Commit is null || current.Commit is null)
            {
                return current.Commit is null && candidate.Commit is not null;
            }

            var byDate = candidate.Commit.Date.CompareTo(current.Commit.Date);
            return byDate < 0 || (byDate == 0 && candidate.Sequence < current.Sequence);
        }
    }
}
