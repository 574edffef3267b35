using System.Text.Json.Nodes;
using Certa.Domain.Common;

namespace Certa.Infrastructure.Credentials;

/// <summary>
/// Bilingual text in JSON-LD. Certa's DCC context declares its text terms as language maps ({"en": …, "zh": …});
/// terms owned by the VC context (issuer <c>name</c>) take language value objects instead (VC 2.0 §11.1).
/// </summary>
internal static class LanguageMaps
{
    public static JsonObject Map(LocalizedText text)
    {
        var map = new JsonObject { ["en"] = text.En };
        if (text.Zh is not null)
        {
            map["zh"] = text.Zh;
        }

        return map;
    }

    public static JsonNode ValueObjects(LocalizedText text) =>
        text.Zh is null
            ? JsonValue.Create(text.En)
            : new JsonArray(
                new JsonObject { ["@value"] = text.En, ["@language"] = "en" },
                new JsonObject { ["@value"] = text.Zh, ["@language"] = "zh" });
}
