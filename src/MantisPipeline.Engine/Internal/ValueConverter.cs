using System.Globalization;
using System.Text.RegularExpressions;

namespace MantisPipeline.Engine.Internal;

/// <summary>Converts the text of a parameter value to the parameter's type.</summary>
internal static partial class ValueConverter
{
    public static Type UnderlyingType(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>Converts the values; throws FormatException whose message is the expected form.</summary>
    public static object? Convert(Type type, IReadOnlyList<string> values)
    {
        const StringSplitOptions eachItem =
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries;
        if (type.IsArray)
        {
            var items = values
                .SelectMany(v => v.Split(',', eachItem))
                .Select(v => ConvertOne(type.GetElementType()!, v))
                .ToArray();
            var array = Array.CreateInstance(type.GetElementType()!, items.Length);
            Array.Copy(items, array, items.Length);
            return array;
        }

        if (values.Count == 0 && UnderlyingType(type) == typeof(bool))
        {
            return true;
        }

        if (values.Count != 1)
        {
            throw new FormatException($"exactly one value ({ExpectedForm(type)})");
        }

        return ConvertOne(UnderlyingType(type), values[0]);
    }

    public static string ExpectedForm(Type type)
    {
        type = UnderlyingType(type);
        if (type.IsArray)
        {
            var each = ExpectedForm(type.GetElementType()!);
            return $"one or more values, separated by spaces or commas, each {each}";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        return type switch
        {
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number such as 42",
            _ when type == typeof(double) => "a number such as 0.5",
            _ when type == typeof(TimeSpan) => "a duration such as 30s, 5m, 2h or 00:00:30",
            _ => "text",
        };
    }

    /// <summary>The type's name as help and errors show it.</summary>
    public static string TypeName(Type type)
    {
        var underlying = UnderlyingType(type);
        if (underlying.IsArray)
        {
            return TypeName(underlying.GetElementType()!) + "[]";
        }

        return underlying switch
        {
            _ when underlying == typeof(string) => "string",
            _ when underlying == typeof(bool) => "bool",
            _ when underlying == typeof(int) => "int",
            _ when underlying == typeof(long) => "long",
            _ when underlying == typeof(double) => "double",
            _ => underlying.Name,
        };
    }

    private static object ConvertOne(Type type, string text)
    {
        var value = TryConvert(UnderlyingType(type), text.Trim());
        return value ?? throw new FormatException(ExpectedForm(type));
    }

    private static object? TryConvert(Type type, string text)
    {
        const NumberStyles whole = NumberStyles.Integer;
        var invariant = CultureInfo.InvariantCulture;
        if (type == typeof(string))
        {
            return text;
        }

        if (type.IsEnum)
        {
            var name = Enum.GetNames(type)
                .FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            return name == null ? null : Enum.Parse(type, name);
        }

        return type switch
        {
            _ when type == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            _ when type == typeof(int) => int.TryParse(text, whole, invariant, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, whole, invariant, out var l) ? l : null,
            _ when type == typeof(double) =>
                double.TryParse(text, NumberStyles.Float, invariant, out var d) ? d : null,
            _ when type == typeof(TimeSpan) => ParseDuration(text),
            _ => null,
        };
    }

    private static object? ParseDuration(string text)
    {
        var match = Duration().Match(text);
        if (!match.Success)
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
        }

        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h|d)$")]
    private static partial Regex Duration();
}
