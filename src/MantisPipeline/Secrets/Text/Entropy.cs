namespace MantisPipeline.Secrets.Text;

public static class Entropy
{
    /// <summary>Shannon entropy of the characters of a value, in bits per character.</summary>
    public static double BitsPerCharacter(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var character in value)
        {
            counts[character] = counts.GetValueOrDefault(character) + 1;
        }

        var bits = 0.0;
        foreach (var count in counts.Values)
        {
            var share = (double)count / value.Length;
            bits -= share * Math.Log2(share);
        }

        return bits;
    }
}
