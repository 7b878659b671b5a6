using System.Globalization;

namespace MantisPipeline.Environments;

/// <summary>Reads the short durations people write in configuration: 500ms, 30s, 2m, 1h.</summary>
public static class Durations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        var units = new (string Suffix, Func<double, TimeSpan> Make)[]
        {
            ("ms", TimeSpan.FromMilliseconds),
            ("s", TimeSpan.FromSeconds),
            ("m", TimeSpan.FromMinutes),
            ("h", TimeSpan.FromHours),
        };

        foreach (var (suffix, make) in units)
        {
            if (!text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var number = text[..^suffix.Length];
            var parsed = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n);
            return parsed && double.IsFinite(n) && TryMake(make, n, out value);
        }

        // A bare number would read as days; only the clock form hh:mm:ss goes without a unit.
        return text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryMake(Func<double, TimeSpan> make, double number, out TimeSpan value)
    {
        try
        {
            value = make(number);
            return true;
        }
        catch (OverflowException)
        {
            value = default;
            return false;
        }
    }
}
