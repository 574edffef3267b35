using System.Text;

namespace Certa.Infrastructure.Gmark;

/// <summary>One CSV record and the line of the file it starts on (1 = the header).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A CSV text Certa refuses to read as a whole: too long, a record too long, or a quote never closed.</summary>
public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, double quotes around a field that holds commas, quotes or
/// line breaks, <c>""</c> for a quote inside one; CRLF or LF between records; blank lines skipped. Values are
/// returned as written (they are input, not output: nothing is neutralised here).
/// </summary>
public static class CsvRecords
{
    public static IReadOnlyList<CsvRecord> Read(string text, int maxRecordLength)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var recordLength = 0;
        var quoted = false;
        var i = 0;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
        }

        void EndRecord()
        {
            EndField();
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                records.Add(new CsvRecord(start, [.. fields]));
            }

            fields.Clear();
            recordLength = 0;
            start = line;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (++recordLength > maxRecordLength)
            {
                throw new CsvFormatException(start, $"Line {start} is longer than {maxRecordLength} characters.");
            }

            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    line++;
                    EndRecord();
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            throw new CsvFormatException(start, $"Line {start} opens a quoted field that is never closed.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }

        return records;
    }
}
