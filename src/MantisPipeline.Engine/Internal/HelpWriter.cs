using MantisPipeline.Engine.Logging;
using Spectre.Console;

namespace MantisPipeline.Engine.Internal;

/// <summary>Writes --help: the targets, the parameters and the engine's own options.</summary>
internal static class HelpWriter
{
    public static void Write(
        IReadOnlyList<ExecutableTarget> targets,
        string defaultTarget,
        IReadOnlyList<(ParameterMember Parameter, object? Default)> parameters,
        TextWriter output)
    {
        var text = new StringWriter();
        text.WriteLine("Usage: ./build.sh [targets...] [--parameter value...] [options]");
        text.WriteLine();
        text.WriteLine("Targets:");
        text.Write(TextRenderer.Render(TargetTable(targets, defaultTarget), colour: false));
        text.WriteLine();
        text.WriteLine("Parameters:");
        text.Write(TextRenderer.Render(ParameterTable(parameters), colour: false));
        text.WriteLine();
        text.WriteLine("Options:");
        text.Write(TextRenderer.Render(OptionTable(), colour: false));

        output.Write(SecretMasker.Apply(text.ToString()));
    }

    private static Table TargetTable(IReadOnlyList<ExecutableTarget> targets, string defaultTarget)
    {
        var table = TextRenderer.Columns("Target", "Description", "Depends on");
        foreach (var target in targets)
        {
            var name = target.Name == defaultTarget ? $"{target.Name} (default)" : target.Name;
            var dependencies = target.Dependencies.Count == 0
                ? ""
                : "depends on " + string.Join(", ", target.Dependencies);
            table.AddRow(Plain(name), Plain(target.Description), Plain(dependencies));
        }

        return table;
    }

    private static Table ParameterTable(
        IReadOnlyList<(ParameterMember Parameter, object? Default)> parameters)
    {
        var table = TextRenderer.Columns("Flag", "Description", "Default");
        foreach (var (parameter, value) in parameters)
        {
            var flag = parameter.IsFlag
                ? parameter.Flag
                : $"{parameter.Flag} <{ValueConverter.TypeName(parameter.Type)}>";
            var defaultText = DefaultText(parameter, value);
            table.AddRow(Plain(flag), Plain(parameter.Description), Plain(defaultText));
        }

        return table;
    }

    private static Table OptionTable()
    {
        var table = TextRenderer.Columns("Option", "Description");
        foreach (var (flag, description) in CommandLine.EngineOptions)
        {
            table.AddRow(Plain(flag), Plain(description));
        }

        return table;
    }

    private static string DefaultText(ParameterMember parameter, object? value)
    {
        if (parameter.IsSecret)
        {
            return "(secret)";
        }

        return value switch
        {
            null => "",
            string { Length: 0 } => "",
            Array array => "default: " + string.Join(",", array.Cast<object>()),
            bool flag => "default: " + (flag ? "true" : "false"),
            _ => "default: " + value,
        };
    }

    private static Text Plain(string text) => new(text);
}
