using System.Text;

namespace MantisPipeline.Secrets.Text;

/// <summary>Turns a file's bytes into text, or says it is binary.</summary>
public static class BlobText
{
    // Git's own heuristic looks for a NUL in the first 8,000 bytes.
    private const int BinaryProbeLength = 8000;

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
        return probe.Contains((byte)0) ? null : Utf8.GetString(bytes);
    }
}
