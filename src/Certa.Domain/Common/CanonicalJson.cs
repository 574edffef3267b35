using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Certa.Domain.Common;

/// <summary>
/// JSON Canonicalization Scheme (RFC 8785): object members sorted by their UTF-16 code units,
/// no insignificant white space, strings escaped as ECMAScript's JSON.stringify does, numbers in
/// ECMAScript's shortest form. The same data always gives the same bytes, so a hash or a
/// signature over them can be checked by anyone.
/// </summary>
public static class CanonicalJson
{
    public static string Serialize(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(element, builder);
        return builder.ToString();
    }

    public static string Serialize<T>(T value, JsonSerializerOptions? options = null) =>
        Serialize(JsonSerializer.SerializeToElement(value, options));

    public static byte[] Utf8<T>(T value, JsonSerializerOptions? options = null) => Encoding.UTF8.GetBytes(Serialize(value, options));

    /// <summary>
    /// The canonical bytes of a JSON tree, walked as it stands: the same bytes as <see cref="Utf8{T}"/> gives for it, without
    /// writing the tree out and parsing it again (which was most of the cost of signing a credential).
    /// </summary>
    public static byte[] Utf8Tree(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static void Write(JsonNode? node, StringBuilder builder)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject members:
                builder.Append('{');
                var first = true;
                foreach (var (name, value) in members.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? string.Empty : ",");
                    first = false;
                    WriteString(name, builder);
                    builder.Append(':');
                    Write(value, builder);
                }

                builder.Append('}');
                break;
            case JsonArray items:
                builder.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",");
                    Write(items[i], builder);
                }

                builder.Append(']');
                break;
            case JsonValue value:
                Write(value, builder);
                break;
            default:
                throw new ArgumentException($"Unknown JSON node {node.GetType().Name}.", nameof(node));
        }
    }

    private static void Write(JsonValue value, StringBuilder builder)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                // A value made from a string is read as one; one made from a date, a Guid or an enum is read back from its JSON.
                WriteString(value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString())!, builder);
                break;
            case JsonValueKind.Number:
                builder.Append(Number(double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)));
                break;
            default:
                WriteLiteral(value.GetValueKind(), builder);
                break;
        }
    }

    private static void Write(JsonElement element, StringBuilder builder)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(property.Name, builder);
                    builder.Append(':');
                    Write(property.Value, builder);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!firstItem)
                    {
                        builder.Append(',');
                    }

                    firstItem = false;
                    Write(item, builder);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, builder);
                break;
            case JsonValueKind.Number:
                builder.Append(Number(element.GetDouble()));
                break;
            default:
                WriteLiteral(element.ValueKind, builder);
                break;
        }
    }

    /// <summary>true, false or null: the kinds of value that are a word.</summary>
    private static void WriteLiteral(JsonValueKind kind, StringBuilder builder) =>
        builder.Append(kind switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        });

    /// <summary>ECMAScript Number.prototype.toString for finite doubles (RFC 8785 §3.2.2.3).</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or infinity.");
        }

        if (value == 0)
        {
            return "0";
        }

        // "R" gives the shortest round-tripping digits; re-shape them the way ECMAScript does.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = value < 0;
        var (digits, exponent) = Decompose(shortest.TrimStart('-'));
        var n = exponent + 1; // position of the decimal point relative to the digits, as in ECMA-262 7.1.12.1
        var k = digits.Length;
        string text;
        if (k <= n && n <= 21)
        {
            text = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            text = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
            text = mantissa + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }

        return negative ? "-" + text : text;
    }

    /// <summary>Splits "1.2345E-05" or "123.45" into significant digits and the exponent of the first digit.</summary>
    private static (string Digits, int Exponent) Decompose(string text)
    {
        var e = text.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var all = integerPart + fraction;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        if (digits.Length == 0)
        {
            return ("0", 0);
        }

        return (digits, exponent + integerPart.Length - 1 - leadingZeros);
    }

    /// <summary>Appends <paramref name="value"/> as an RFC 8785 string, quotes included.</summary>
    internal static void WriteString(string value, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
