using System.Security.Cryptography;
using System.Text;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Findings;
using MantisPipeline.Secrets.History;

namespace MantisPipeline.Secrets.Detection;

/// <summary>Gathers matches from all blobs into one finding per distinct secret.</summary>
internal sealed class FindingCollector
{
    // Slow on purpose: a weak secret is guessable, and its fingerprint sits in a committed baseline.
    private const int FingerprintIterations = 20_000;

    private readonly Dictionary<string, Sighting> _sightings = [];
    private readonly Dictionary<(string, string), string> _fingerprints = [];

    public void Add(SecretMatch match, BlobOrigin origin, bool present)
    {
        // The masker keeps the value out of every log line, whatever prints it later.
        SecretMasker.Register(match.Secret);

        if (!_fingerprints.TryGetValue((match.Rule.Id, match.Secret), out var fingerprint))
        {
            fingerprint = Fingerprint(match.Rule.Id, match.Secret);
            _fingerprints[(match.Rule.Id, match.Secret)] = fingerprint;
        }

        if (!_sightings.TryGetValue(fingerprint, out var sighting))
        {
            _sightings[fingerprint] = new Sighting(match, origin, present);
            return;
        }

        sighting.Add(match, origin, present);
    }

    /// <summary>One finding per distinct secret; describe gives a commit's author and date.</summary>
    public IReadOnlyList<Finding> ToFindings(Func<string, (string Author, DateTimeOffset Date)> describe)
    {
        return _sightings
            .Select(pair => pair.Value.ToFinding(pair.Key, describe))
            .OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.Path, StringComparer.Ordinal)
            .ThenBy(finding => finding.Line)
            .ToList();
    }

    /// <summary>
    /// The rule id and a PBKDF2-SHA-256 hash of the secret salted with the rule id: stable
    /// across commits, paths and line moves, and costly to reverse by guessing.
    /// </summary>
    public static string Fingerprint(string ruleId, string secret)
    {
        var salt = Encoding.UTF8.GetBytes("mantis-secret-fingerprint/" + ruleId);
        var hash = Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(secret), salt, FingerprintIterations, HashAlgorithmName.SHA256, 32);
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

        public Finding ToFinding(string fingerprint, Func<string, (string Author, DateTimeOffset Date)> describe)
        {
            var rule = _first.Rule;
            var commit = _firstOrigin.Commit;
            (string? Author, DateTimeOffset? Date) described = commit is null ? (null, null) : describe(commit);
            var presence = _present ? Presence.AtHead : _onHeadLine ? Presence.Deleted : Presence.OnlyInHistory;
            var remedy = Remediation.Remedy(rule.Remedy, presence, commit is not null);
            return new Finding(
                rule.Id, rule.Description, rule.Severity, _firstOrigin.Path, _first.Line,
                _first.Evidence, fingerprint, remedy)
            {
                Message = Remediation.Message(_first.Evidence, presence, commit, described.Author, described.Date),
                Commit = commit,
                Author = described.Author,
                Date = described.Date,
                Presence = presence,
                Detail = _first.Detail,
                Occurrences = _occurrences,
            };
        }

        // Blobs are listed oldest commit first, HEAD's line before other refs, and uncommitted
        // content last, so the first in that order introduced the secret.
        private static bool IsEarlier(BlobOrigin candidate, BlobOrigin current)
        {
            return candidate.Sequence < current.Sequence;
        }
    }
}
