using System.Text;

namespace MantisPipeline.Secrets.Text;

/// <summary>Turns a file's bytes into text to scan: UTF-8, UTF-16 with or without a byte order mark.</summary>
public static class BlobText
{
    // Git's own heuristic looks for a NUL in the first 8,000 bytes.
    private const int BinaryProbeLength = 8000;

    // Shorter printable runs in a binary are noise; no credential the rules know is shorter.
    private const int MinimumRun = 12;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The decoded text, or null when the bytes are binary.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8.GetString(bytes[3..]);
        }

        var probe = bytes[..Math.Min(bytes.Length, BinaryProbeLength)];
        if (!probe.Contains((byte)0))
        {
            return Utf8.GetString(bytes);
        }

        return IsUtf16WithoutMark(probe, out var bigEndian)
            ? (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes)
            : null;
    }

    /// <summary>
    /// The runs of printable ASCII in a binary, one per line: a credential compiled into a
    /// build output or stored in a database file is still one.
    /// </summary>
    public static string PrintableRuns(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        var start = -1;
        for (var index = 0; index <= bytes.Length; index++)
        {
            var printable = index < bytes.Length && bytes[index] is >= 0x20 and < 0x7F or (byte)'\t';
            if (printable && start < 0)
            {
                start = index;
            }
            else if (!printable && start >= 0)
            {
                if (index - start >= MinimumRun)
                {
                    text.Append(Encoding.ASCII.GetString(bytes[start..index])).Append('\n');
                }

                start = -1;
            }
        }

        return text.ToString();
    }

    // Text in UTF-16 has a NUL in the high byte of nearly every ASCII character, always on the
    // same side; a real binary has NULs scattered on both.
    private static bool IsUtf16WithoutMark(ReadOnlySpan<byte> probe, out bool bigEndian)
    {
        int evenNuls = 0, oddNuls = 0;
        for (var index = 0; index + 1 < probe.Length; index += 2)
        {
            evenNuls += probe[index] == 0 ? 1 : 0;
            oddNuls += probe[index + 1] == 0 ? 1 : 0;
        }

        var pairs = probe.Length / 2;
        bigEndian = evenNuls > oddNuls;
        return pairs >= 4 && Math.Max(evenNuls, oddNuls) >= pairs * 0.7 && Math.Min(evenNuls, oddNuls) == 0;
    }
}
