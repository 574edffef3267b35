namespace Certa.Web.Api;

/// <summary>
/// One cell of every CSV Certa writes (audit, statistics, open data, bulk verification), as RFC 4180 and as a spreadsheet
/// will read it safely: text starting with <c>= + - @</c>, a tab or a carriage return gets a leading apostrophe, so that it
/// is shown rather than run as a formula (OWASP "CSV injection"); then it is quoted when it holds a comma, a quote or a line
/// break, inner quotes doubled.
/// </summary>
public static class CsvCell
{
    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
