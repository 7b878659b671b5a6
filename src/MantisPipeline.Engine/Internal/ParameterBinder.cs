using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Engine.Internal;

/// <summary>
/// Gives each parameter its value from the first source that has one: the command line,
/// MANTIS_NAME, the profile's file, .nuke/parameters.json, else the field initializer.
/// </summary>
internal sealed class ParameterBinder(
    CommandLine commandLine,
    Func<string, string?> environmentVariable,
    IReadOnlyList<ParameterFile> files,
    TextWriter output)
{
    private readonly HashSet<string> _announced = [];

    public void Bind(PipelineBuild build, IReadOnlyList<ParameterMember> parameters)
    {
        foreach (var parameter in parameters)
        {
            var found = Find(parameter);
            if (found != null)
            {
                var (values, source) = found.Value;
                if (parameter.IsSecret)
                {
                    Mask(values);
                }

                parameter.SetValue(build, Convert(parameter, values, source));
            }

            if (parameter.IsSecret)
            {
                // A secret left at its initializer must be masked as well as a bound one.
                Mask(Texts(parameter.GetValue(build)));
            }
        }
    }

    private static string[] Texts(object? value) => value switch
    {
        null => [],
        string text => [text],
        Array array => array.Cast<object?>().Select(item => item?.ToString() ?? "").ToArray(),
        _ => [value.ToString() ?? ""],
    };

    private (IReadOnlyList<string> Values, string Source)? Find(ParameterMember parameter)
    {
        if (commandLine.Values.TryGetValue(parameter.Flag[2..], out var given))
        {
            return (given, $"the command line ({parameter.Flag})");
        }

        // Only the prefixed name: a stray ENV in a shell must not choose the environment.
        var variable = parameter.PrefixedVariable;
        if (environmentVariable(variable) is { } value)
        {
            return ([value], $"the environment variable {variable}");
        }

        foreach (var file in files)
        {
            if (file.TryGet(parameter.Name, out var values))
            {
                return (values, $"{file.DisplayPath} (\"{parameter.Name}\")");
            }
        }

        return null;
    }

    private void Mask(IReadOnlyList<string> values)
    {
        // GitHub masks a value in its log only once the log has announced it.
        var onGitHub = environmentVariable("GITHUB_ACTIONS") == "true";
        foreach (var value in values.Where(v => v.Length > 0 && _announced.Add(v)))
        {
            SecretMasker.Register(value);
            if (onGitHub)
            {
                output.WriteLine($"::add-mask::{value}");
            }
        }
    }

    private static object? Convert(ParameterMember parameter, IReadOnlyList<string> values, string source)
    {
        try
        {
            return ValueConverter.Convert(parameter.Type, values);
        }
        catch (FormatException exception)
        {
            var shown = parameter.IsSecret ? SecretMasker.Mask : string.Join(" ", values);
            throw new UsageException(
                $"The value \"{shown}\" for the parameter {parameter.Name}, from {source}, is not " +
                $"a valid {ValueConverter.TypeName(parameter.Type)}. Expected {exception.Message}.");
        }
    }
}
