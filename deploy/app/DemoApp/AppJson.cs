using System.Text.Json;

namespace DemoApp;

/// <summary>The JSON settings of every response: camelCase names, as browsers expect.</summary>
internal static class AppJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
