using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using Certa.Domain.Common;
using Certa.Domain.Verification;
using Certa.Infrastructure.Verification;
using Certa.Infrastructure.Verification.Bulk;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Verification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace Certa.Web.Pages.Verify;

/// <summary>
/// <c>/verify/bulk</c>: a marketplace or a customs office checks a list of certificate numbers, uploaded as CSV or NDJSON or
/// pasted, without signing in or script. "Check" shows a summary and the lines (all of them up to <see cref="MaxRows"/>, the
/// first <see cref="MaxRows"/> not valid ones past that); "Download" streams every line's result as the API's CSV. The
/// checking is <see cref="BulkVerifier"/>'s, as for <c>POST /api/v1/public/verify:bulk</c>; the page takes a tenth of its lines.
/// </summary>
/// <remarks>
/// The page spends the bulk budget rather than the /Verify folder's lookup one: one request here may be a hundred
/// thousand lookups. The transport limit is above <see cref="MaxUploadBytes"/> so that a file somewhat too large reaches
/// the page and is refused in words.
/// </remarks>
[RateLimitPolicy(PublicRateLimits.Bulk)]
[RequestSizeLimit(4L * MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 4L * MaxUploadBytes, ValueLengthLimit = MaxUploadBytes)]
public sealed class BulkModel(BulkVerifier bulk, CertificateVerifier verifier, UiText text) : PageModel
{
    /// <summary>Lines one request of this page checks; the API takes <see cref="BulkVerifier.MaxLines"/>.</summary>
    public const int MaxLines = 100_000;

    /// <summary>Lines shown on the page; the download has every one.</summary>
    public const int MaxRows = 1_000;

    public const int MaxUploadBytes = 16 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Pasted lines: a number a line, or <c>number,model,holder</c>.</summary>
    [BindProperty]
    public string? Numbers { get; set; }

    /// <summary>The day to check every line on, as typed (YYYY-MM-DD); today when empty.</summary>
    [BindProperty]
    public string? At { get; set; }

    /// <summary>Why the list could not be checked, in the reader's language.</summary>
    public string? Problem { get; private set; }

    /// <summary>Said beside the results: the file was checked and the pasted lines were not.</summary>
    public bool PastedIgnored { get; private set; }

    public BulkSummary? Summary { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await OpenAsync(ct) is not { } input)
        {
            return Refused();
        }

        var summary = new BulkSummary(input.On);
        await foreach (var batch in CheckAsync(input, ct))
        {
            foreach (var result in batch)
            {
                summary.Add(result);
            }
        }

        if (summary.Lines == 0)
        {
            Problem = text["verifybulk.problem.no-lines"];
            return Refused();
        }

        Summary = summary;
        return Page();
    }

    /// <summary>Every line's result as <c>text/csv</c>, written batch by batch as it is checked.</summary>
    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken ct)
    {
        if (await OpenAsync(ct) is not { } input)
        {
            return Refused();
        }

        // The first batch is checked before the answer starts, so that a list without a number is still refused in words.
        await using var batches = CheckAsync(input, ct).GetAsyncEnumerator(ct);
        if (!await batches.MoveNextAsync())
        {
            Problem = text["verifybulk.problem.no-lines"];
            return Refused();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = FileName(input.On) }.ToString();
        var output = Response.BodyWriter;
        using var writer = new BulkCsvWriter(output);
        do
        {
            foreach (var result in batches.Current)
            {
                writer.Write(result);
            }

            await output.FlushAsync(ct);
        }
        while (await batches.MoveNextAsync());

        return new EmptyResult();
    }

    public static string FileName(DateOnly on) => $"certa-verification-{IndexModel.Day(on)}.csv";

    /// <summary>The sentence of <paramref name="finding"/> on a line: <see cref="FindingText"/>'s, except where that needs the certificate itself, which a bulk answer does not carry.</summary>
    public string Sentence(BulkResult result, Finding finding)
    {
        var v = result.Verdict!;
        return finding.Code switch
        {
            FindingCodes.NotYetIssued => Lang.Format(text["verifybulk.finding.not-yet-issued"], IndexModel.Day(v.On)),
            FindingCodes.Expired => Lang.Format(text["verifybulk.finding.expired"], result.ValidUntil is { } until ? IndexModel.Day(until) : "—"),
            FindingCodes.PartyMismatch => Lang.Format(text["verifybulk.finding.party-mismatch"], v.Party?.Asked),
            _ => FindingText.Sentence(text, finding, v, null, null),
        };
    }

    /// <summary>The single lookup of a line's number, asking the same day, model and name.</summary>
    public string LinkTo(Verdict v) => IndexModel.Link(v.Number, At, v.Model?.Asked, v.Party?.Asked);

    /// <summary>
    /// The results of <see cref="BulkVerifier"/>, cut at <see cref="MaxLines"/> lines: what follows is not read, and a
    /// last result without a line says so, as the API says it past its own limit.
    /// </summary>
    private async IAsyncEnumerable<IReadOnlyList<BulkResult>> CheckAsync(BulkInput input, [EnumeratorCancellation] CancellationToken ct)
    {
        var read = 0;
        int? last = null;
        try
        {
            await foreach (var batch in bulk.VerifyAsync(input.Reader, input.Format, input.On, ct))
            {
                var room = MaxLines - read;
                if (batch.Count <= room)
                {
                    read += batch.Count;
                    last = batch.Count > 0 ? batch[^1].Line ?? last : last;
                    yield return batch;
                    continue;
                }

                if (room > 0)
                {
                    last = batch[room - 1].Line;
                    yield return [.. batch.Take(room)];
                }

                yield return [new BulkResult(null, null, null, new BulkError(BulkError.TooManyLines, string.Create(CultureInfo.InvariantCulture,
                    $"This page checks at most {MaxLines:N0} lines; the lines after line {last:N0} were not read. Check them in another request, or send up to {BulkVerifier.MaxLines:N0} to POST /api/v1/public/verify:bulk.")))];
                yield break;
            }
        }
        finally
        {
            await input.Reader.CompleteAsync();
        }
    }

    /// <summary>The list to check and the day, or null with <see cref="Problem"/> said.</summary>
    private async Task<BulkInput?> OpenAsync(CancellationToken ct)
    {
        DateOnly on;
        try
        {
            on = verifier.Day(CertificateVerifier.ParseDay(At));
        }
        catch (DomainException e) when (e.Kind == RefusalKind.Invalid)
        {
            Problem = Lang.Format(text["verify.problem." + e.Code], At?.Trim());
            return null;
        }

        if (Upload is null)
        {
            if (string.IsNullOrWhiteSpace(Numbers))
            {
                Problem = text["verifybulk.problem.empty"];
                return null;
            }

            return new BulkInput(PipeReader.Create(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(Numbers))), BulkFormat.Csv, on);
        }

        var name = Infrastructure.Files.ContentSniffer.SafeFileName(Upload.FileName, "upload");
        if (FormatOf(Upload) is not { } format)
        {
            Problem = Lang.Format(text["verifybulk.problem.type"], name);
            return null;
        }

        if (Upload.Length > MaxUploadBytes)
        {
            Problem = Lang.Format(text["verifybulk.problem.too-large"], name, Upload.Length / 1024 / 1024, MaxUploadBytes / 1024 / 1024, MaxLines);
            return null;
        }

        var reader = PipeReader.Create(Upload.OpenReadStream());
        var head = await reader.ReadAsync(ct);
        var problem = head.Buffer.IsEmpty ? "verifybulk.problem.empty-file"
            : !Infrastructure.Files.ContentSniffer.IsText(head.Buffer.Slice(0, Math.Min(head.Buffer.Length, 4096)).ToArray(), prefix: true) ? "verifybulk.problem.binary"
            : null;
        reader.AdvanceTo(head.Buffer.Start);
        if (problem is not null)
        {
            await reader.CompleteAsync();
            Problem = Lang.Format(text[problem], name);
            return null;
        }

        PastedIgnored = !string.IsNullOrWhiteSpace(Numbers);
        return new BulkInput(reader, format, on);
    }

    /// <summary>By the file's extension, or where it has none the browser knows, its media type.</summary>
    private static BulkFormat? FormatOf(IFormFile file) =>
        Path.GetExtension(file.FileName).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => BulkFormat.Csv,
            ".ndjson" or ".jsonl" => BulkFormat.Ndjson,
            "" => file.ContentType.Split(';')[0].Trim().ToLowerInvariant() switch
            {
                "text/csv" or "text/plain" => BulkFormat.Csv,
                "application/x-ndjson" or "application/ndjson" or "application/jsonl" => BulkFormat.Ndjson,
                _ => null,
            },
            _ => null,
        };

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private sealed record BulkInput(PipeReader Reader, BulkFormat Format, DateOnly On);
}

/// <summary>
/// Puts a page on a rate-limit policy of its own in place of its folder's. <c>[EnableRateLimiting]</c> on a page model is
/// not enough: metadata a folder convention adds comes after the page's attributes, and the last one is the one applied.
/// As a page convention this runs after the folder's and replaces what it added.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RateLimitPolicyAttribute(string policy) : Attribute, IPageApplicationModelConvention
{
    public string Policy { get; } = policy;

    public void Apply(PageApplicationModel model)
    {
        foreach (var folders in model.EndpointMetadata.OfType<EnableRateLimitingAttribute>().ToList())
        {
            model.EndpointMetadata.Remove(folders);
        }

        model.EndpointMetadata.Add(new EnableRateLimitingAttribute(Policy));
    }
}

/// <summary>
/// What a bulk check found, counted as the results stream past: how many lines were valid, not valid, unknown or
/// unreadable, how many carried each finding, and the lines to show (kept up to <see cref="BulkModel.MaxRows"/> of all and
/// of the not valid, so memory stays small however long the list).
/// </summary>
public sealed class BulkSummary(DateOnly on)
{
    private readonly List<BulkResult> first = [];
    private readonly List<BulkResult> firstNotValid = [];
    private readonly Dictionary<string, (Finding Finding, int Lines)> findings = new(StringComparer.Ordinal);

    public DateOnly On { get; } = on;

    /// <summary>Lines read: each has a result, a verdict or why it could not be read.</summary>
    public int Lines { get; private set; }

    public int Valid { get; private set; }

    /// <summary>Known certificates not valid on the day, or not for the model or company asked.</summary>
    public int NotValid { get; private set; }

    public int Unknown { get; private set; }

    public int Unreadable { get; private set; }

    /// <summary>The list was longer than the page reads: the lines after <see cref="LastLine"/> were not.</summary>
    public bool Cut { get; private set; }

    public int LastLine { get; private set; }

    /// <summary>Whether the table holds every line, or only the first not valid or unreadable ones.</summary>
    public bool All => Lines <= BulkModel.MaxRows;

    public IReadOnlyList<BulkResult> Rows => All ? first : firstNotValid;

    /// <summary>Each finding's code, one of its findings (for its title) and how many lines carry it, the commonest first.</summary>
    public IEnumerable<(Finding Finding, int Lines)> Findings =>
        findings.Values.OrderByDescending(f => f.Lines).ThenBy(f => f.Finding.Code, StringComparer.Ordinal);

    public void Add(BulkResult result)
    {
        if (result.Line is null)
        {
            Cut = true;
            return;
        }

        Lines++;
        LastLine = result.Line.Value;
        var v = result.Verdict;
        if (v is null)
        {
            Unreadable++;
        }
        else if (v.Valid)
        {
            Valid++;
        }
        else if (v.Code == FindingCodes.Unknown)
        {
            Unknown++;
        }
        else
        {
            NotValid++;
        }

        foreach (var finding in v?.Findings ?? [])
        {
            findings[finding.Code] = findings.TryGetValue(finding.Code, out var seen) ? (seen.Finding, seen.Lines + 1) : (finding, 1);
        }

        Keep(first, result);
        if (v is not { Valid: true })
        {
            Keep(firstNotValid, result);
        }
    }

    public static string Count(int n) => n.ToString("N0", CultureInfo.CurrentCulture);

    private static void Keep(List<BulkResult> rows, BulkResult result)
    {
        if (rows.Count < BulkModel.MaxRows)
        {
            rows.Add(result);
        }
    }
}
