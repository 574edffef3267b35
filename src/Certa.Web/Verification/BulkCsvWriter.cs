using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Verification.Bulk;
using Certa.Web.Api;

namespace Certa.Web.Verification;

/// <summary>Writes bulk verification results, one a line, straight into a response.</summary>
internal interface IBulkResultWriter : IDisposable
{
    void Write(BulkResult result);
}

/// <summary>
/// RFC 4180 CSV, CRLF line ends: <c>line,number,valid,code,state,valid_until,message</c>, every finding's sentence in message.
/// The answer of <c>POST /api/v1/public/verify:bulk</c> with <c>Accept: text/csv</c> and the download of <c>/verify/bulk</c>.
/// </summary>
internal sealed class BulkCsvWriter : IBulkResultWriter
{
    public const string Header = "line,number,valid,code,state,valid_until,message";

    private static readonly Dictionary<CertificateState, string> States =
        Enum.GetValues<CertificateState>().ToDictionary(s => s, s => SnakeCaseNames.Of(s.ToString()));

    private readonly PipeWriter output;

    public BulkCsvWriter(PipeWriter output)
    {
        this.output = output;
        Append(Header + "\r\n");
    }

    public void Write(BulkResult result)
    {
        var line = result.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        Append(result switch
        {
            { Error: { } e } => $"{line},,,{e.Code},,,{CsvCell.Of(e.Message)}\r\n",
            { Verdict: { } v } => string.Join(',', line, CsvCell.Of(v.Number), v.Valid ? "true" : "false", v.Code,
                v.State is { } s ? States[s] : string.Empty,
                result.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                CsvCell.Of(string.Join(' ', v.Findings.Select(f => f.Message)))) + "\r\n",
            _ => string.Empty,
        });
    }

    public void Dispose()
    {
    }

    private void Append(string text)
    {
        var bytes = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, bytes));
    }
}
