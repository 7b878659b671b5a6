using System.Globalization;

namespace MantisPipeline.Engine.Internal;

/// <summary>Durations as the log and summary show them: 0.4s, 12.3s, 2m 05s.</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromMinutes(1))
        {
            return duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
        }

        return $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s";
    }
}
