using System.Globalization;
using System.Text;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>
/// Writes PDF objects after existing bytes and the cross-reference section that indexes them: the writing half
/// of an incremental update (ISO 32000-1 §7.5.6). Writes the same bytes for the same objects.
/// </summary>
internal sealed class PdfWriter(byte[] original)
{
    private readonly MemoryStream output = Start(original);
    private readonly SortedDictionary<int, (long Offset, int Generation)> written = [];

    public void WriteObject(PdfRef reference, object? value, byte[]? stream = null)
    {
        written.Add(reference.Number, (output.Position, reference.Generation));
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{reference.Number} {reference.Generation} obj\n");
        Append(text, value);
        if (stream is null)
        {
            Write(text.Append("\nendobj\n"));
            return;
        }

        Write(text.Append("\nstream\n"));
        output.Write(stream);
        Write(new StringBuilder("\nendstream\nendobj\n"));
    }

    /// <summary>The cross-reference section of the objects written, the trailer and startxref; returns the whole file.</summary>
    public byte[] Finish(PdfDictionary trailer)
    {
        var xref = output.Position;
        var text = new StringBuilder("xref\n");
        foreach (var run in Runs())
        {
            text.Append(CultureInfo.InvariantCulture, $"{run[0].Key} {run.Count}\n");
            foreach (var (_, (offset, generation)) in run)
            {
                // Each entry is exactly 20 bytes, ending in space and LF (§7.5.4).
                text.Append(CultureInfo.InvariantCulture, $"{offset:D10} {generation:D5} n \n");
            }
        }

        text.Append("trailer\n");
        Append(text, trailer);
        text.Append(CultureInfo.InvariantCulture, $"\nstartxref\n{xref}\n%%EOF\n");
        Write(text);
        return output.ToArray();
    }

    private static MemoryStream Start(byte[] original)
    {
        var output = new MemoryStream(original.Length + 4096);
        output.Write(original);
        if (original.Length > 0 && original[^1] is not (10 or 13))
        {
            output.WriteByte(10);
        }

        return output;
    }

    private List<List<KeyValuePair<int, (long Offset, int Generation)>>> Runs()
    {
        var runs = new List<List<KeyValuePair<int, (long, int)>>>();
        foreach (var entry in written)
        {
            if (runs.Count == 0 || runs[^1][^1].Key + 1 != entry.Key)
            {
                runs.Add([]);
            }

            runs[^1].Add(entry);
        }

        return runs;
    }

    private void Write(StringBuilder text) => output.Write(Encoding.Latin1.GetBytes(text.ToString()));

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case long or int or decimal:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case PdfRef reference:
                text.Append(CultureInfo.InvariantCulture, $"{reference.Number} {reference.Generation} R");
                break;
            case PdfName name:
                AppendName(text, name.Value);
                break;
            case PdfString s:
                AppendString(text, s.Bytes);
                break;
            case List<object?> items:
                text.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    text.Append(i == 0 ? "" : " ");
                    Append(text, items[i]);
                }

                text.Append(']');
                break;
            case PdfDictionary dictionary:
                text.Append("<<");
                foreach (var (key, item) in dictionary.Entries)
                {
                    AppendName(text, key);
                    text.Append(' ');
                    Append(text, item);
                    text.Append('\n');
                }

                text.Append(">>");
                break;
            default:
                throw new ArgumentException($"{value.GetType().Name} is not a PDF object.", nameof(value));
        }
    }

    // Bytes outside '!'..'~', '#' and the delimiters are written #XX (§7.3.5).
    private static void AppendName(StringBuilder text, string name)
    {
        text.Append('/');
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is < (byte)'!' or > (byte)'~' or (byte)'#' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%')
            {
                text.Append(CultureInfo.InvariantCulture, $"#{b:X2}");
            }
            else
            {
                text.Append((char)b);
            }
        }
    }

    // Printable ASCII as a literal string, anything else in hex.
    private static void AppendString(StringBuilder text, byte[] bytes)
    {
        if (!bytes.All(b => b is >= 0x20 and <= 0x7E))
        {
            text.Append('<').Append(Convert.ToHexString(bytes)).Append('>');
            return;
        }

        text.Append('(');
        foreach (var b in bytes)
        {
            text.Append(b is (byte)'(' or (byte)')' or (byte)'\\' ? "\\" : "").Append((char)b);
        }

        text.Append(')');
    }
}
