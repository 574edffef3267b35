using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence;

/// <summary>
/// A value object stored as one JSON text column: the same on both providers, read and written
/// whole. Two values are equal when their JSON is, so change tracking needs nothing from the type.
/// </summary>
internal static class JsonColumn
{
    // Chinese text as UTF-8 rather than \uXXXX escapes: a third of the bytes, and a certificate row holds several names
    // and addresses in two languages. The column is data, never written into a page unencoded.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
        where T : class? => property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => JsonSerializer.Deserialize<T>(s, Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
}
