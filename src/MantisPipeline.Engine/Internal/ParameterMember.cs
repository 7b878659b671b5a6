using System.Reflection;
using System.Text.RegularExpressions;

namespace MantisPipeline.Engine.Internal;

/// <summary>A [Parameter] field or property of the build, with the names it is bound by.</summary>
internal sealed partial class ParameterMember
{
    private const BindingFlags InstanceMembers =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private readonly MemberInfo _member;

    private ParameterMember(MemberInfo member, ParameterAttribute attribute)
    {
        _member = member;
        Description = attribute.Description;
        IsSecret = member.GetCustomAttribute<SecretAttribute>() != null;
        Type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
        Flag = "--" + Kebab(member.Name);
    }

    public string Name => _member.Name;

    public string Description { get; }

    public bool IsSecret { get; }

    public Type Type { get; }

    /// <summary>The command-line flag, as in <c>--registry-password</c>.</summary>
    public string Flag { get; }

    public string PrefixedVariable => "MANTIS_" + Kebab(Name).Replace('-', '_').ToUpperInvariant();

    public bool IsFlag => ValueConverter.UnderlyingType(Type) == typeof(bool);

    public bool TakesManyValues => Type.IsArray;

    /// <summary>Parameters of a build type, base class first, each class in source order.</summary>
    public static IReadOnlyList<ParameterMember> Of(Type buildType)
    {
        var chain = new Stack<Type>();
        for (var type = buildType; type != null && type != typeof(object); type = type.BaseType)
        {
            chain.Push(type);
        }

        return chain
            .SelectMany(type => type.GetFields(InstanceMembers).Cast<MemberInfo>()
                .Concat(type.GetProperties(InstanceMembers))
                .OrderBy(m => m.MetadataToken))
            .Select(m => (Member: m, Attribute: m.GetCustomAttribute<ParameterAttribute>()))
            .Where(p => p.Attribute != null)
            .Select(p => new ParameterMember(p.Member, p.Attribute!))
            .ToArray();
    }

    public object? GetValue(object build) => _member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void SetValue(object build, object? value)
    {
        switch (_member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo property when property.SetMethod != null:
                property.SetValue(build, value);
                break;
            default:
                throw new UsageException(
                    $"The parameter {Name} is a property without a setter, so it cannot be bound. " +
                    "Give it a setter (`{ get; set; }` or `{ get; init; }`) or make it a field.");
        }
    }

    public static string Kebab(string name) =>
        WordBoundary().Replace(name, "-").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordBoundary();
}
