using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace MantisPipeline.Tests.Containers;

/// <summary>
/// Writes a framework-dependent .NET program that prints the runtime it runs on, in a few
/// milliseconds and without the SDK, so that tests can prove an image really runs .NET.
/// </summary>
public static class TinyDotnetApp
{
    public const string Greeting = "hello from ";

    public static void WriteTo(string folder, string name = "tiny")
    {
        File.WriteAllBytes(Path.Combine(folder, $"{name}.dll"), Emit(name));
        File.WriteAllText(Path.Combine(folder, $"{name}.runtimeconfig.json"), RuntimeConfig());
    }

    private static byte[] Emit(string name)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var program = assembly.DefineDynamicModule(name)
            .DefineType("Program", TypeAttributes.Public | TypeAttributes.Sealed);
        var main = program.DefineMethod(
            "Main", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);

        var il = main.GetILGenerator();
        il.Emit(OpCodes.Ldstr, Greeting);
        var description = typeof(RuntimeInformation).GetProperty("FrameworkDescription")!;
        il.Emit(OpCodes.Call, description.GetMethod!);
        il.Emit(OpCodes.Call, typeof(string).GetMethod("Concat", [typeof(string), typeof(string)])!);
        il.Emit(OpCodes.Call, typeof(Console).GetMethod("WriteLine", [typeof(string)])!);
        il.Emit(OpCodes.Ret);
        program.CreateType();

        var metadata = assembly.GenerateMetadata(out var ilStream, out var fieldData);
        var image = new ManagedPEBuilder(
            PEHeaderBuilder.CreateExecutableHeader(),
            new MetadataRootBuilder(metadata),
            ilStream,
            fieldData,
            entryPoint: MetadataTokens.MethodDefinitionHandle(main.MetadataToken));
        var bytes = new BlobBuilder();
        image.Serialize(bytes);
        return bytes.ToArray();
    }

    // The ASP.NET framework pulls in the base one, so starting proves both resolve.
    private static string RuntimeConfig() => $$"""
        {
          "runtimeOptions": {
            "tfm": "net{{Environment.Version.Major}}.{{Environment.Version.Minor}}",
            "framework": { "name": "Microsoft.AspNetCore.App", "version": "{{Environment.Version}}" }
          }
        }
        """;
}
