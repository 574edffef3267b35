using System.Globalization;
using System.Text;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>
/// Reads PDF objects (ISO 32000-1 §7.2–7.3) from a position in the file's bytes: enough syntax to follow the
/// cross-reference chain, the catalog and the embedded files, not to draw a page.
/// </summary>
internal sealed class PdfParser(byte[] pdf, int position)
{
    private const int MaxDepth = 64;

    public int Position { get; private set; } = position;

    public static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsRegular(byte b) => !IsWhitespace(b) && !IsDelimiter(b);

    public void SkipSpace()
    {
        while (Position < pdf.Length)
        {
            if (IsWhitespace(pdf[Position]))
            {
                Position++;
            }
            else if (pdf[Position] == '%')
            {
                while (Position < pdf.Length && pdf[Position] is not (10 or 13))
                {
                    Position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Whether the next token is <paramref name="keyword"/>; if so, reads past it.</summary>
    public bool TryKeyword(string keyword)
    {
        SkipSpace();
        var end = Position + keyword.Length;
        if (end > pdf.Length || Encoding.ASCII.GetString(pdf, Position, keyword.Length) != keyword || (end < pdf.Length && IsRegular(pdf[end])))
        {
            return false;
        }

        Position = end;
        return true;
    }

    public void Expect(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw Damaged($"expected '{keyword}'");
        }
    }

    public long ReadInteger() =>
        ReadValue() is long value ? value : throw Damaged("expected an integer");

    public object? ReadValue() => ReadValue(0);

    public InvalidDataException Damaged(string what)
    {
        var shown = Encoding.Latin1.GetString(pdf, Math.Min(Position, pdf.Length), Math.Min(20, pdf.Length - Math.Min(Position, pdf.Length)));
        return new InvalidDataException($"Damaged PDF: {what} at byte {Position} (found '{shown}').");
    }

    private object? ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Damaged($"objects nested more than {MaxDepth} deep");
        }

        SkipSpace();
        if (Position >= pdf.Length)
        {
            throw Damaged("unexpected end of file");
        }

        return pdf[Position] switch
        {
            (byte)'/' => ReadName(),
            (byte)'(' => ReadLiteralString(),
            (byte)'<' when At(Position + 1) == '<' => ReadDictionary(depth),
            (byte)'<' => ReadHexString(),
            (byte)'[' => ReadArray(depth),
            (byte)'+' or (byte)'-' or (byte)'.' or (>= (byte)'0' and <= (byte)'9') => ReadNumberOrReference(),
            _ when TryKeyword("true") => true,
            _ when TryKeyword("false") => false,
            _ when TryKeyword("null") => null,
            _ => throw Damaged("expected a value"),
        };
    }

    private int At(int index) => index < pdf.Length ? pdf[index] : -1;

    private PdfName ReadName()
    {
        Position++;
        var bytes = new List<byte>();
        while (Position < pdf.Length && IsRegular(pdf[Position]))
        {
            if (pdf[Position] == '#' && Position + 2 < pdf.Length && byte.TryParse(Encoding.ASCII.GetString(pdf, Position + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var escaped))
            {
                bytes.Add(escaped);
                Position += 3;
            }
            else
            {
                bytes.Add(pdf[Position++]);
            }
        }

        return new PdfName(Encoding.UTF8.GetString([.. bytes]));
    }

    private object ReadNumberOrReference()
    {
        var number = ReadNumber();
        if (number is not long first || first < 0)
        {
            return number;
        }

        var after = Position;
        SkipSpace();
        if (At(Position) is >= '0' and <= '9' && ReadNumber() is long generation && TryKeyword("R"))
        {
            return new PdfRef(checked((int)first), checked((int)generation));
        }

        Position = after;
        return first;
    }

    private object ReadNumber()
    {
        var start = Position;
        while (Position < pdf.Length && (pdf[Position] is (byte)'+' or (byte)'-' or (byte)'.' || char.IsAsciiDigit((char)pdf[Position])))
        {
            Position++;
        }

        var text = Encoding.ASCII.GetString(pdf, start, Position - start);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var real)
            ? real
            : throw Damaged($"'{text}' is not a number");
    }

    private PdfString ReadLiteralString()
    {
        Position++;
        var bytes = new List<byte>();
        var open = 1;
        while (true)
        {
            if (Position >= pdf.Length)
            {
                throw Damaged("unterminated string");
            }

            var b = pdf[Position++];
            switch (b)
            {
                case (byte)'(':
                    open++;
                    bytes.Add(b);
                    break;
                case (byte)')' when --open == 0:
                    return new PdfString([.. bytes]);
                case (byte)'\\':
                    ReadEscape(bytes);
                    break;
                default:
                    bytes.Add(b);
                    break;
            }
        }
    }

    private void ReadEscape(List<byte> bytes)
    {
        var e = At(Position++);
        switch (e)
        {
            case 'n': bytes.Add(10); break;
            case 'r': bytes.Add(13); break;
            case 't': bytes.Add(9); break;
            case 'b': bytes.Add(8); break;
            case 'f': bytes.Add(12); break;
            case 13:
                Position += At(Position) == 10 ? 1 : 0;
                break;
            case 10:
                break;
            case >= '0' and <= '7':
                var value = e - '0';
                for (var i = 0; i < 2 && At(Position) is >= '0' and <= '7'; i++)
                {
                    value = (value * 8) + (pdf[Position++] - '0');
                }

                bytes.Add((byte)value);
                break;
            case -1:
                throw Damaged("unterminated string");
            default:
                bytes.Add((byte)e);
                break;
        }
    }

    private PdfString ReadHexString()
    {
        Position++;
        var digits = new StringBuilder();
        while (At(Position) != '>')
        {
            var b = At(Position++);
            if (b == -1)
            {
                throw Damaged("unterminated hex string");
            }

            if (Uri.IsHexDigit((char)b))
            {
                digits.Append((char)b);
            }
            else if (!IsWhitespace((byte)b))
            {
                throw Damaged($"'{(char)b}' in a hex string");
            }
        }

        Position++;
        if (digits.Length % 2 == 1)
        {
            digits.Append('0');
        }

        return new PdfString(Convert.FromHexString(digits.ToString()));
    }

    private List<object?> ReadArray(int depth)
    {
        Position++;
        var items = new List<object?>();
        while (true)
        {
            SkipSpace();
            if (At(Position) == ']')
            {
                Position++;
                return items;
            }

            items.Add(ReadValue(depth + 1));
        }
    }

    private PdfDictionary ReadDictionary(int depth)
    {
        Position += 2;
        var entries = new List<KeyValuePair<string, object?>>();
        while (true)
        {
            SkipSpace();
            if (At(Position) == '>' && At(Position + 1) == '>')
            {
                Position += 2;
                return new PdfDictionary(entries);
            }

            if (At(Position) != '/')
            {
                throw Damaged("expected a name as a dictionary key");
            }

            var key = ReadName().Value;
            entries.Add(new(key, ReadValue(depth + 1)));
        }
    }
}
