using System.Text.Json;
using System.Text.Json.Serialization;

namespace Certa.Web.Api;

/// <summary>JSON conventions of the API: camelCase fields, snake_case enum values, no nulls omitted.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    public static string SnakeCase(string pascal) => Certa.Domain.Common.SnakeCaseNames.Of(pascal);
}
