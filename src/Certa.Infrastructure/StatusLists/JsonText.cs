using System.Globalization;
using System.Text.Json.Nodes;

namespace Certa.Infrastructure.StatusLists;

/// <summary>Reading credentials as they come: a property is text only when it is a JSON string.</summary>
internal static class JsonText
{
    public static string? Of(JsonObject? node, string property) =>
        node?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The property as an instant (a zone-less one is read as UTC), or null when absent or not a date and time.</summary>
    public static DateTimeOffset? InstantOf(JsonObject? node, string property) =>
        DateTimeOffset.TryParse(Of(node, property), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
