using System.Text.RegularExpressions;

namespace MantisPipeline.Audit.Text;

/// <summary>Tells a human-made secret ("my-super-secret-key") from a random one.</summary>
public static partial class Words
{
    private static readonly HashSet<string> Dictionary =
    [
        "my", "our", "your", "the", "this", "that", "is", "it", "be", "do", "not", "no", "yes",
        "and", "or", "for", "to", "of", "in", "on", "at", "by", "me", "we", "us", "you", "an",
        "super", "secret", "secrets", "key", "keys", "jwt", "session", "sessions", "cookie",
        "cookies", "token", "tokens", "auth", "password", "pass", "passwd", "change", "changeme",
        "please", "default", "dev", "development", "prod", "production", "test", "testing",
        "staging", "stage", "local", "app", "application", "admin", "user", "users", "keyboard",
        "cat", "dog", "hello", "world", "foo", "bar", "baz", "example", "sample", "demo", "very",
        "long", "strong", "random", "string", "value", "here", "safe", "unsafe", "insecure",
        "secure", "encryption", "encrypt", "sign", "signing", "private", "public", "next",
        "nextauth", "api", "access", "refresh", "master", "root", "mantis", "notes", "note",
        "company", "project", "temp", "replace", "set", "new", "old", "use", "only", "share",
        "never", "must", "least", "characters", "chars", "hard", "guess", "top", "hidden",
        "magic", "qwerty", "letmein", "welcome", "monkey", "dragon", "shadow", "sunshine",
        "princess", "football", "baseball", "abc", "xyz", "love", "god", "server", "client",
        "web", "site", "service", "backend", "frontend", "database", "redis", "postgres",
        "cache", "store", "data", "hash", "salt", "pepper", "crypto", "cipher", "code", "word",
        "words", "phrase", "open", "sesame", "simple", "easy", "basic", "main", "real", "true",
        "false", "ok", "up", "go", "get", "put", "make", "key", "door", "lock", "unlock",
        "hunter", "correct", "horse", "battery", "staple", "blue", "red", "green", "black",
        "white", "sky", "sun", "moon", "star", "fire", "water", "ice", "rock", "tiger", "lion",
        "eagle", "coffee", "pizza", "apple", "banana", "orange", "summer", "winter", "spring",
        "autumn", "january", "december", "monday", "friday", "one", "two", "three", "four",
        "five", "ten", "hundred", "thousand", "first", "last", "final", "version", "rotate",
        "rotated", "mine", "his", "her", "their", "its", "sign", "verify", "token", "bearer",
        "internal", "external", "cloud", "platform", "system", "team", "org", "acme", "startup",
        "should", "will", "can", "what", "when", "where", "why", "who", "how", "into", "from",
        "with", "without", "stuff", "thing", "things", "awesome", "cool", "great", "best",
    ];

    /// <summary>
    /// True when most letters of the value form dictionary words or pronounceable runs, and at
    /// least one run is a known word: random strings are neither.
    /// </summary>
    public static bool MadeOfWords(string value)
    {
        var runs = LetterRun().Matches(value).Select(m => m.Value).ToList();
        var letters = value.Count(char.IsLetter);
        if (letters == 0 || letters < value.Length / 2)
        {
            return false;
        }

        var wordy = runs.Where(r => r.Length >= 2 && (Segments(r.ToLowerInvariant()) || Pronounceable(r))).ToList();
        var known = runs.Any(r => r.Length >= 3 && Segments(r.ToLowerInvariant()));
        return known && wordy.Sum(r => r.Length) >= letters * 0.8;
    }

    /// <summary>Whether the run splits wholly into dictionary words (word break).</summary>
    private static bool Segments(string run)
    {
        var reachable = new bool[run.Length + 1];
        reachable[0] = true;
        for (var end = 1; end <= run.Length; end++)
        {
            for (var start = Math.Max(0, end - 12); start < end && !reachable[end]; start++)
            {
                reachable[end] = reachable[start] && Dictionary.Contains(run[start..end]);
            }
        }

        return reachable[run.Length];
    }

    private static bool Pronounceable(string run)
    {
        if (run.Length < 4 || !(run.Skip(1).All(char.IsLower) || run.All(char.IsUpper)))
        {
            return false;
        }

        var lower = run.ToLowerInvariant();
        var vowels = lower.Count(c => "aeiouy".Contains(c));
        var ratio = (double)vowels / lower.Length;
        return ratio is >= 0.25 and <= 0.65 && !ConsonantCluster().IsMatch(lower);
    }

    // Letter runs split at case changes too, so "mySuperSecret" reads as my, Super, Secret.
    [GeneratedRegex(@"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")]
    private static partial Regex LetterRun();

    [GeneratedRegex(@"[^aeiouy]{4,}")]
    private static partial Regex ConsonantCluster();
}
